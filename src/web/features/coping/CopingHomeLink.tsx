import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The participant home's way to their craving plan, the strategy library and their craving log. */
export function CopingHomeLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation('coping');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-coping">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        <Text>{t('tile.body')}</Text>
        <Button component={Link} to={`/participants/${participantId}/coping`} variant="light" size="md">
          {t('overview.openMine')}
        </Button>
      </Stack>
    </Paper>
  );
}
