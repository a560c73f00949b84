import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useAssignmentHistory } from './api.js';

/** Every peer worker who has walked with the participant, the current one first, with why and who decided. */
export function AssignmentHistoryList({ participantId, timeZone }: { participantId: string; timeZone?: string | undefined }) {
  const { t } = useTranslation('matching');
  const format = useFormat();
  const history = useAssignmentHistory(participantId);
  const date = (iso: string) => format.date(iso, timeZone);
  return (
    <Section title={t('history.title')} testId="assignment-history-section">
      {history.isPending ? (
        <Loading />
      ) : history.isError ? (
        <LoadError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.assignments.length === 0 ? (
        <EmptyState>{t('history.empty')}</EmptyState>
      ) : (
        <Stack component="ol" className="record-list" gap="sm" data-testid="assignment-history">
          {history.data.assignments.map((a) => (
            <li key={a.id}>
              <Text fw={600}>
                {a.peerWorker.displayName}
                {a.endedAt === null && ` · ${t('history.now')}`}
              </Text>
              <Text fz="sm">{a.endedAt ? t('history.between', { from: date(a.startedAt), to: date(a.endedAt) }) : t('history.since', { date: date(a.startedAt) })}</Text>
              {a.reason && <Text fz="sm">{t('history.reason', { reason: a.reason })}</Text>}
              {a.assignedBy && (
                <Text fz="sm" c="dimmed">
                  {t('history.by', { name: a.assignedBy.displayName })}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Section>
  );
}
