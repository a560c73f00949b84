import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../api/session.js';
import { useGroups } from './api.js';
import { AttendanceSummary } from './AttendanceSummary.js';
import { useGroupFormat } from './useGroupFormat.js';

/**
 * The home page's way to groups. For those who lead: today's sessions with "Take attendance" right
 * there. For participants: the groups they are in and when the next one meets.
 */
export function GroupsHomeTile({ as }: { as: 'staff' | 'participant' }) {
  const { user } = useSignedIn();
  const { t } = useTranslation('groups');
  const format = useGroupFormat();
  const groups = useGroups().data ?? [];
  const todays = groups.filter((g) => g.can.manage && g.me.facilitator && g.todaysSession !== null);
  const mine = groups.filter((g) => g.me.enrolled);
  return (
    <Paper withBorder p="md" radius="md" data-testid={`home-groups-${as}`}>
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        {as === 'staff' ? (
          <>
            <Text>{t('tile.staffBody')}</Text>
            {todays.length === 0 && <Text c="dimmed">{t('tile.todayNone')}</Text>}
            {todays.map((g) => (
              <Button key={g.id} component={Link} to={`/groups/${g.id}/sessions/${g.todaysSession!.date}/attendance`} size="md" styles={{ label: { whiteSpace: 'normal' } }} h="auto" py={8}>
                {`${t('sessions.takeAttendance')}: ${g.topic}, ${format.session(g.todaysSession!.startsAt, g.timeZone)}`}
              </Button>
            ))}
          </>
        ) : (
          <>
            <Text>{mine.length > 0 ? t('tile.mine', { count: mine.length }) : t('tile.participantBody')}</Text>
            {mine
              .filter((g) => g.nextSession)
              .slice(0, 2)
              .map((g) => (
                <Text key={g.id} fz="sm">
                  {`${g.topic}: ${format.session(g.nextSession!.startsAt, g.timeZone)}`}
                </Text>
              ))}
            {user.participantId && <AttendanceSummary participantId={user.participantId} />}
          </>
        )}
        <Button component={Link} to="/groups" variant="light" size="md">
          {t('tile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
