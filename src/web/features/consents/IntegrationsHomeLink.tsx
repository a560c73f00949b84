import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The org admin's way to the clinical partners' systems (FHIR integration clients). */
export function IntegrationsHomeLink() {
  const { t } = useTranslation('consents');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-integrations">
      <Stack gap="xs" align="flex-start">
        <Text fw={650} fz="lg">
          {t('integrations.title')}
        </Text>
        <Text>{t('integrations.tile')}</Text>
        <Button component={Link} to="/admin/integrations" variant="light" size="md">
          {t('integrations.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
