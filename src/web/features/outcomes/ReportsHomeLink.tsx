import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The supervisor's and org admin's way to outcome and equity reports. */
export function ReportsHomeLink() {
  const { t } = useTranslation('outcomes');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-reports">
      <Stack gap="xs" align="flex-start">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        <Text>{t('tile.body')}</Text>
        <Button component={Link} to="/reports" variant="light" size="md">
          {t('tile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
