import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { isApiError } from '../../api/client.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { AboutMeasure } from './AboutMeasure.js';
import { useAssessmentHistory, useAssessmentResponse, useInstruments } from './api.js';
import { CrisisSupport } from './CrisisSupport.js';
import { useLocalized } from './instrument-text.js';
import { ScoreSummary } from './ScoreSummary.js';

/**
 * One response's result. Right after a safety answer the crisis support comes first, before any
 * score; then the scores in words, and the change since the first time.
 */
export function ResultPage({ participant, basePath }: { participant: ParticipantSummary; basePath: string }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const format = useFormat();
  const { responseId = '' } = useParams();
  const justSaved = (useLocation().state as { justSaved?: boolean } | null)?.justSaved === true;
  const response = useAssessmentResponse(participant.id, responseId);
  const definitions = useInstruments();
  const history = useAssessmentHistory(participant.id);
  const self = participant.relationship === 'self';

  if (isApiError(response.error, 404) || isApiError(response.error, 400)) return <NotYoursPage />;
  if (response.isError) return <LoadError error={response.error} onRetry={() => void response.refetch()} />;
  if (response.isPending || definitions.isPending) return <Loading />;
  const r = response.data;
  const definition = definitions.data?.find((d) => d.id === r.instrumentId);
  const instrumentHistory = history.data?.instruments.find((i) => i.instrumentId === r.instrumentId);
  const name = definition ? text(definition.name) : r.instrumentId;

  const title = r.crisis && justSaved && self ? t('result.titleCrisis') : justSaved ? t('result.titleSaved') : name;
  return (
    <>
      <Anchor component={Link} to={self ? '/measures' : `/participants/${participant.id}`} fz="sm">
        <span aria-hidden="true">← </span>
        {self ? t('take.backOwn') : t('take.backTo', { name: participant.preferredName })}
      </Anchor>
      <PageTitle>{title}</PageTitle>
      {r.crisis && <CrisisSupport participant={participant} peerWorkerName={participant.peerWorker?.displayName ?? null} />}
      <Stack gap="xs">
        {justSaved && <Text>{self ? t('result.thanksSelf') : t('result.thanksPeer', { name: participant.preferredName })}</Text>}
        <Text c="dimmed" fz="sm">
          {t('result.when', { name: justSaved ? name : definition?.shortName ?? r.instrumentId, date: format.dateTime(r.completedAt) })}
          {r.mode === 'peer' && r.administeredBy ? ` ${t('result.withPeer', { name: r.administeredBy.displayName })}` : ''}
        </Text>
      </Stack>
      {definition ? (
        <ScoreSummary definition={definition} response={r} history={instrumentHistory} />
      ) : (
        <Text>{t('result.noDefinition')}</Text>
      )}
      <Group gap="sm">
        {definition && !justSaved && history.data?.administerAs && (
          <Button component={Link} to={`${basePath}/${definition.id}`} variant="light">
            {t('result.again')}
          </Button>
        )}
        <Button component={Link} to={self ? '/measures' : `/participants/${participant.id}`} variant="default">
          {self ? t('result.allMeasures') : t('take.backTo', { name: participant.preferredName })}
        </Button>
      </Group>
      {definition && <AboutMeasure definition={definition} />}
    </>
  );
}
