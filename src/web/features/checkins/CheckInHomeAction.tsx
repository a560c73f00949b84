import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { programTimeZone } from '../../roles.js';
import { useCheckIns } from './api.js';
import { useCheckInFormat } from './useCheckInFormat.js';

/** The participant home's first call to action: check in, with when they last did. */
export function CheckInHomeAction({ participantId }: { participantId: string }) {
  const { t } = useTranslation('checkins');
  const { user } = useSignedIn();
  const format = useCheckInFormat();
  const latest = useCheckIns(participantId, 1);
  const last = latest.data?.pages[0]?.checkIns[0];
  // The same record the home page already loaded: its program says which time zone the day is in.
  const record = useParticipant(participantId);
  const timeZone = record.data ? programTimeZone(user, record.data.programId) : undefined;
  return (
    <Paper bg="pine.0" p="md" radius="md" data-testid="home-checkin">
      <Stack gap="sm">
        <Text fw={650} fz="lg">
          {t('home.title')}
        </Text>
        <Text>{t('home.body')}</Text>
        <Button component={Link} to="/check-in" size="xl" fullWidth data-testid="check-in-action">
          {t('home.action')}
        </Button>
        <Group justify="space-between" gap="xs">
          {latest.isSuccess && (
            <Text fz="sm">{last ? t('home.last', { when: format.when(last.createdAt, timeZone) }) : t('home.none')}</Text>
          )}
          <Anchor component={Link} to={`/participants/${participantId}/check-ins`} fz="sm">
            {t('home.history')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
