import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { Notification } from '../../../shared/schemas/notifications.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useMarkAllRead, useMarkRead, useNotifications } from './api.js';

/** Known kinds are worded from the catalog, in the reader's language now; others as stored. */
function useWording() {
  const { t, i18n } = useTranslation('notifications');
  return (n: Notification) => {
    const base = `kinds.${n.kind}`;
    if (!i18n.exists(`notifications:${base}.title`)) return { title: n.title, body: n.body, action: t('open') };
    const word = t as unknown as (key: string) => string;
    return { title: word(`${base}.title`), body: word(`${base}.body`), action: word(`${base}.action`) };
  };
}

function NotificationItem({ notification: n }: { notification: Notification }) {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const words = useWording()(n);
  const markRead = useMarkRead();
  const navigate = useNavigate();
  const unread = n.readAt === null;
  return (
    <Paper
      component="li"
      withBorder
      p="md"
      bg="white"
      style={unread ? { borderLeft: '5px solid var(--mantine-color-pine-7)' } : undefined}
      data-testid="notification"
    >
      <Stack gap={6}>
        <Group justify="space-between" align="baseline" gap="xs">
          <Text fw={unread ? 700 : 500}>{words.title}</Text>
          {unread && (
            <Badge color="pine" variant="light">
              {t('page.new')}
            </Badge>
          )}
        </Group>
        {words.body && <Text fz="sm">{words.body}</Text>}
        <Text fz="sm" c="dimmed">
          <time dateTime={n.createdAt}>{format.dateTime(n.createdAt)}</time>
        </Text>
        <Group gap="sm">
          {n.link && (
            <Button size="sm" onClick={() => void markRead(n.id).finally(() => navigate(n.link!))}>
              {words.action}
            </Button>
          )}
          {unread && (
            <Button size="sm" variant="subtle" onClick={() => void markRead(n.id)}>
              {t('page.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const list = useNotifications();
  const markAll = useMarkAllRead();
  return (
    <>
      <BackHome small />
      <PageTitle>{t('page.title')}</PageTitle>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.notifications.length === 0 ? (
        <EmptyState>{t('page.empty')}</EmptyState>
      ) : (
        <>
          {list.data.unreadCount > 0 && (
            <Group justify="flex-end">
              <Button variant="light" onClick={() => void markAll()}>
                {t('page.markAll')}
              </Button>
            </Group>
          )}
          <Stack component="ul" className="record-list" gap="sm" aria-label={t('page.listLabel')}>
            {list.data.notifications.map((n) => (
              <NotificationItem key={n.id} notification={n} />
            ))}
          </Stack>
        </>
      )}
    </>
  );
}
