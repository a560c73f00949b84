import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section, SubSection } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useAssessmentHistory, useInstruments } from './api.js';
import { useLocalized } from './instrument-text.js';
import { MeasureTrend } from './MeasureTrend.js';
import './measures.css';
import { participantMeasuresPath } from './paths.js';

/** On the participant page: each measure's trend, and for the assigned peer worker a way to complete one together. */
export function ParticipantMeasures({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('measures');
  if (!participant.can.access.assessments?.read) return null;
  return (
    <Section title={t('staff.title')} testId="participant-measures" plain>
      <Body participant={participant} />
    </Section>
  );
}

function Body({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const format = useFormat();
  const definitions = useInstruments();
  const history = useAssessmentHistory(participant.id);
  if (definitions.isPending || history.isPending) return <Loading />;
  if (definitions.isError) return <LoadError error={definitions.error} onRetry={() => void definitions.refetch()} />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;

  const base = participantMeasuresPath(participant.id);
  const mode = history.data.administerAs;
  const done = definitions.data.filter((d) => history.data.instruments.some((i) => i.instrumentId === d.id));
  const notYet = definitions.data.filter((d) => !done.includes(d));
  const completeButton = (id: string, shortName: string) =>
    mode && (
      <Button component={Link} to={`${base}/${id}`} size="sm" variant="light" className="measure-wrap-button">
        {mode === 'peer' ? t('staff.completeWith', { name: shortName, person: participant.preferredName }) : t('list.take', { name: shortName })}
      </Button>
    );

  return (
    <Stack gap="md">
      {done.length === 0 && <EmptyState>{t('staff.none', { name: participant.preferredName })}</EmptyState>}
      {done.map((definition) => {
        const h = history.data.instruments.find((i) => i.instrumentId === definition.id)!;
        return (
          <SubSection key={definition.id} title={`${definition.shortName} · ${text(definition.name)}`}>
            {completeButton(definition.id, definition.shortName) || null}
            {h.latest && h.baseline && h.latest.id !== h.baseline.id && (
              <Text fz="sm">{t('staff.since', { date: format.date(h.baseline.completedAt) })}</Text>
            )}
            <MeasureTrend definition={definition} history={h} resultsPath={`${base}/results`} />
          </SubSection>
        );
      })}
      {mode === 'peer' && notYet.length > 0 && (
        <SubSection title={t('staff.notYetTitle')}>
          <Stack gap="xs" align="flex-start">
            {notYet.map((d) => (
              <span key={d.id}>{completeButton(d.id, d.shortName)}</span>
            ))}
          </Stack>
        </SubSection>
      )}
    </Stack>
  );
}
