import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoadError, Loading } from '../../components/Status.js';
import { AboutMeasure } from './AboutMeasure.js';
import { useAssessmentHistory, useInstruments } from './api.js';
import { useLocalized } from './instrument-text.js';
import { MeasureForm } from './MeasureForm.js';

/** Taking a measure: the participant for themself, or their peer worker completing it with them. */
export function TakeMeasurePage({ participant, basePath }: { participant: ParticipantSummary; basePath: string }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const { instrumentId = '' } = useParams();
  const navigate = useNavigate();
  const definitions = useInstruments();
  const history = useAssessmentHistory(participant.id);
  const back = participant.relationship === 'self' ? '/measures' : `/participants/${participant.id}`;

  if (definitions.isPending || history.isPending) return <Loading />;
  if (definitions.isError) return <LoadError error={definitions.error} onRetry={() => void definitions.refetch()} />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  const definition = definitions.data.find((d) => d.id === instrumentId);
  const mode = history.data.administerAs;

  const backLink = (
    <Anchor component={Link} to={back} fz="sm">
      <span aria-hidden="true">← </span>
      {participant.relationship === 'self' ? t('take.backOwn') : t('take.backTo', { name: participant.preferredName })}
    </Anchor>
  );
  if (!definition || !mode) {
    return (
      <>
        {backLink}
        <PageTitle>{t('take.unavailableTitle')}</PageTitle>
        <Text>{definition ? t('take.readOnly') : t('take.unknown')}</Text>
      </>
    );
  }
  return (
    <>
      {backLink}
      <PageTitle>{text(definition.name)}</PageTitle>
      <Text>{mode === 'self' ? t('take.introSelf') : t('take.introPeer', { name: participant.preferredName })}</Text>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} shadow="xs">
        <Stack gap="md">
          <MeasureForm
            definition={definition}
            participantId={participant.id}
            mode={mode}
            onSaved={(saved) => navigate(`${basePath}/results/${saved.id}`, { replace: true, state: { justSaved: true } })}
          />
        </Stack>
      </Paper>
      <AboutMeasure definition={definition} />
    </>
  );
}
