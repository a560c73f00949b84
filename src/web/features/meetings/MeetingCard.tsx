import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MeetingSummary } from '../../../shared/schemas/meetings.js';
import { useMeetingFormat } from './useMeetingFormat.js';

/** A meeting in the finder's list: when (and how soon), how to attend, where, what kind. */
export function MeetingCard({ meeting, unit }: { meeting: MeetingSummary; unit: 'mi' | 'km' }) {
  const { t } = useTranslation('meetings');
  const format = useMeetingFormat();
  const soon = format.soon(meeting.minutesUntil);
  const startingSoon = meeting.minutesUntil !== null && meeting.minutesUntil <= 60;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="meeting-card">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/meetings/${meeting.id}`} fw={650} fz="lg" aria-label={t('open', { name: meeting.name })}>
            {meeting.name}
          </Anchor>
          {meeting.saved && (
            <Badge variant="light" leftSection={<span aria-hidden="true">★</span>} style={{ flexShrink: 0, overflow: 'visible' }}>
              {t('savedBadge')}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Text fw={500}>{format.when(meeting)}</Text>
          {soon && (
            <Badge color={startingSoon ? 'amber' : 'sand'} variant={startingSoon ? 'filled' : 'light'}>
              {soon}
            </Badge>
          )}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Badge variant="light" color={meeting.attendanceMode === 'inactive' ? 'sand' : 'pine'}>
            {t(`mode.${meeting.attendanceMode}`)}
          </Badge>
          {meeting.conferenceProvider && <Text fz="sm">{meeting.conferenceProvider}</Text>}
          {meeting.distance !== null && <Text fz="sm">{format.distance(meeting.distance, unit)}</Text>}
        </Group>
        {(meeting.location || meeting.address) && (
          <Text fz="sm" c="dimmed">
            {[meeting.location, meeting.address].filter(Boolean).join(' · ')}
          </Text>
        )}
        {meeting.types.length > 0 && <Text fz="sm">{meeting.types.map(format.typeName).join(' · ')}</Text>}
      </Stack>
    </Paper>
  );
}
