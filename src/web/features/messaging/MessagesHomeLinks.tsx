import { Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useUnreadMessages } from './api.js';
import { conversationPath, messagesPath } from './paths.js';

/** The participant home's way to their conversation with their peer worker, with what is new there. */
export function MessagesHomeTile({ participantId, peerWorkerName }: { participantId: string; peerWorkerName?: string | null }) {
  const { t } = useTranslation('messaging');
  const unread = useUnreadMessages().data?.unreadCount ?? 0;
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-messages">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        {unread > 0 ? (
          <Text fw={600} c="clay.8">
            {t('tile.unread', { count: unread })}
          </Text>
        ) : (
          <Text>{peerWorkerName ? t('tile.body', { name: peerWorkerName }) : t('tile.bodyNoPeer')}</Text>
        )}
        <Button component={Link} to={conversationPath(participantId)} variant="light" size="md">
          {t('tile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** For a peer worker's home: the conversations, with how many messages wait unread. */
export function MessagesButton() {
  const { t } = useTranslation('messaging');
  const unread = useUnreadMessages().data?.unreadCount ?? 0;
  return (
    <Button component={Link} to={messagesPath} variant="light" style={{ alignSelf: 'flex-start' }} data-testid="home-messages">
      <Group gap="xs" wrap="nowrap">
        <span>{t('list.title')}</span>
        {unread > 0 && (
          <Badge color="clay" variant="filled" size="sm">
            <span aria-hidden="true">{unread}</span>
            <VisuallyHidden>{t('list.unread', { count: unread })}</VisuallyHidden>
          </Badge>
        )}
      </Group>
    </Button>
  );
}
