import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useVisibleReferrals } from './api.js';

/** The participant home's way to their referrals, with how many wait for their word. */
export function MyReferralsHomeLink() {
  const { t } = useTranslation('referrals');
  const referrals = useVisibleReferrals('open').data?.referrals ?? [];
  const waiting = referrals.filter((r) => r.can.reportVisit && r.participantReport === null).length;
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-referrals">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        <Text>{t('tile.body')}</Text>
        {waiting > 0 && (
          <Text fw={600} c="amber.8">
            {t('tile.waiting', { count: waiting })}
          </Text>
        )}
        <Button component={Link} to="/referrals" variant="light" size="md" style={{ alignSelf: 'flex-start' }}>
          {t('tile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** A peer worker's or supervisor's way to the open referrals they follow. */
export function ReferralsHomeLink() {
  const { t } = useTranslation('referrals');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-staff-referrals">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('staffTile.title')}
        </Text>
        <Text>{t('staffTile.body')}</Text>
        <Button component={Link} to="/referrals" variant="light" size="md" style={{ alignSelf: 'flex-start' }}>
          {t('staffTile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
