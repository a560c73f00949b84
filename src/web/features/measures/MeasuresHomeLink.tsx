import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The participant home's way to their measures. */
export function MeasuresHomeLink() {
  const { t } = useTranslation('measures');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-measures">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('home.title')}
        </Text>
        <Text>{t('home.body')}</Text>
        <Button component={Link} to="/measures" variant="light" size="md">
          {t('home.action')}
        </Button>
      </Stack>
    </Paper>
  );
}
