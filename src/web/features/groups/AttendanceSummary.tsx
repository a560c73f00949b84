import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantAttendance } from '../../../shared/schemas/groups.js';
import { useParticipantAttendance } from './api.js';

/**
 * Group sessions attended and meetings logged, for a participant's record, a caseload row or their
 * own home: renders nothing when the reader may not see it (the 'groups' kind of data).
 */
export function AttendanceSummary({ participantId }: { participantId: string }) {
  const summary = useParticipantAttendance(participantId);
  if (!summary.isSuccess) return null;
  return <AttendanceCounts attendance={summary.data} />;
}

/** The two counts, for attendance already at hand (the clinician's consented summary carries it). */
export function AttendanceCounts({ attendance }: { attendance: ParticipantAttendance }) {
  const { t } = useTranslation('groups');
  const { groups, meetings } = attendance;
  return (
    <SimpleGrid cols={2} spacing="sm" data-testid="attendance-summary">
      <Stack gap={0}>
        <Text fz="sm" c="dimmed">
          {t('engagement.groups')}
        </Text>
        <Text fw={650} fz="xl">
          {groups.present}
        </Text>
        <Text fz="sm">{t('engagement.last30', { count: groups.last30Days })}</Text>
      </Stack>
      <Stack gap={0}>
        <Text fz="sm" c="dimmed">
          {t('engagement.meetings')}
        </Text>
        <Text fw={650} fz="xl">
          {meetings.logged}
        </Text>
        <Text fz="sm">{t('engagement.last30', { count: meetings.last30Days })}</Text>
      </Stack>
    </SimpleGrid>
  );
}
