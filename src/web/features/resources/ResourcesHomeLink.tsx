import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The way into the directory from a home page. */
export function ResourcesHomeLink() {
  const { t } = useTranslation('resources');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-resources">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        <Text>{t('tile.body')}</Text>
        <Button component={Link} to="/resources" variant="light" size="md" style={{ alignSelf: 'flex-start' }}>
          {t('tile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
