import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useGoals } from './api.js';

/** The participant home's way to their goals, with what is waiting for them there. */
export function GoalsHomeLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation('goals');
  const goals = useGoals(participantId).data?.goals ?? [];
  const active = goals.filter((g) => g.status === 'active').length;
  const waiting = goals.filter((g) => g.status === 'suggested').length;
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-goals">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        <Text>{active > 0 ? t('overview.count', { count: active }) : t('tile.body')}</Text>
        {waiting > 0 && (
          <Text fw={600} c="amber.8">
            {t('tile.waiting', { count: waiting })}
          </Text>
        )}
        <Button component={Link} to={`/participants/${participantId}/goals`} variant="light" size="md">
          {t('overview.openMine')}
        </Button>
      </Stack>
    </Paper>
  );
}
