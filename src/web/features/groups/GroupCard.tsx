import { Badge, Button, Group as Row, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Group } from '../../../shared/schemas/groups.js';
import { useGroupFormat } from './useGroupFormat.js';

/** A group in a list: what, when, where, the next session, and the one action that matters most. */
export function GroupCard({ group }: { group: Group }) {
  const { t } = useTranslation('groups');
  const format = useGroupFormat();
  const next = group.nextSession;
  const today = group.todaysSession;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="group-card">
      <Stack gap={6}>
        <Row justify="space-between" gap="xs" align="flex-start" wrap="nowrap">
          <Text fw={650} fz="lg">
            {group.topic}
          </Text>
          <Row gap={4} wrap="nowrap">
            <Badge variant="light" color="sand">
              {t(`mode.${group.mode}`)}
            </Badge>
            {group.me.enrolled && <Badge variant="light">{t('enrolledBadge')}</Badge>}
          </Row>
        </Row>
        <Text fz="sm" c="dimmed">
          {group.programName}
        </Text>
        <Text>{format.schedule(group.schedule)}</Text>
        {group.place && <Text fz="sm">{group.place}</Text>}
        <Text fz="sm" fw={500}>
          {next
            ? `${t('next', { when: format.session(next.startsAt, group.timeZone) })}${next.status === 'cancelled' ? ` — ${t('status.cancelled')}` : ''}`
            : t('noNext')}
        </Text>
        <Row gap="xs" mt={4}>
          {group.can.manage && today && (
            <Button component={Link} to={`/groups/${group.id}/sessions/${today.date}/attendance`} size="md" aria-label={t('sessions.takeAttendanceFor', { topic: group.topic })}>
              {t('sessions.takeAttendance')}
            </Button>
          )}
          <Button component={Link} to={`/groups/${group.id}`} variant="light" size="md" aria-label={t('open', { topic: group.topic })}>
            {t('openShort')}
          </Button>
        </Row>
      </Stack>
    </Paper>
  );
}
