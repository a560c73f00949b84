import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMeetings } from './api.js';

/** The home page's way to the meeting finder (and, for an org admin, to the directory import). */
export function MeetingsHomeTile({ admin = false }: { admin?: boolean }) {
  const { t } = useTranslation('meetings');
  const saved = useMeetings({ saved: 'true', limit: 1 }).data?.total ?? 0;
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-meetings">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {admin ? t('import.open') : t('tile.title')}
        </Text>
        <Text>{admin ? t('import.openBody') : saved > 0 ? t('tile.saved', { count: saved }) : t('tile.body')}</Text>
        <Button component={Link} to={admin ? '/admin/meetings' : '/meetings'} variant="light" size="md">
          {admin ? t('import.open') : t('tile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}
