import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** Home tile: a supervisor's team and co-sign queue, or a peer worker's own wellbeing, supervision and training. */
export function WorkforceHomeLink({ as }: { as: 'supervisor' | 'peer' }) {
  const { t } = useTranslation('workforce');
  return (
    <Paper withBorder p="md" radius="md" data-testid={`home-workforce-${as}`}>
      <Stack gap="xs" align="flex-start">
        <Text fw={650} fz="lg">
          {t(`tile.${as}.title`)}
        </Text>
        <Text>{t(`tile.${as}.body`)}</Text>
        <Group gap="xs">
          {as === 'supervisor' ? (
            <>
              <Button component={Link} to="/team" variant="light" size="md">
                {t('tile.supervisor.team')}
              </Button>
              <Button component={Link} to="/team/cosign" variant="subtle" size="md">
                {t('tile.supervisor.cosign')}
              </Button>
            </>
          ) : (
            <>
              <Button component={Link} to="/me/wellbeing" variant="light" size="md">
                {t('tile.peer.wellbeing')}
              </Button>
              <Button component={Link} to="/me/supervision" variant="subtle" size="md">
                {t('tile.peer.supervision')}
              </Button>
              <Button component={Link} to="/me/training" variant="subtle" size="md">
                {t('tile.peer.training')}
              </Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
