import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useParticipantAlerts } from './api.js';
import { AlertItem } from './AlertItem.js';

/** The participant's open alerts on their page, for the people who support them (the policy's 'alerts' category). */
export function ParticipantAlerts({ participant }: { participant: ParticipantSummary }) {
  if (!participant.can.access.alerts?.read) return null;
  return <OpenAlerts participant={participant} />;
}

function OpenAlerts({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('alerts');
  const alerts = useParticipantAlerts(participant.id);
  return (
    <Section title={t('participant.title')} testId="participant-alerts">
      {alerts.isPending ? (
        <Loading />
      ) : alerts.isError ? (
        <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />
      ) : alerts.data.alerts.length === 0 ? (
        <EmptyState>{t('participant.empty', { name: participant.preferredName })}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm" aria-label={t('participant.title')}>
          {alerts.data.alerts.map((a) => (
            <AlertItem key={a.id} alert={a} showParticipant={false} />
          ))}
        </Stack>
      )}
    </Section>
  );
}
