import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import type { ThreadSummary } from '../../../shared/schemas/messaging.js';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useThreads } from './api.js';
import { useMessageTime } from './time.js';
import { conversationPath } from './paths.js';

/** Messages: a participant goes straight to their one conversation; staff see theirs, most recent first. */
export function MessagesPage() {
  const { user } = useSignedIn();
  if (user.participantId) return <Navigate to={conversationPath(user.participantId)} replace />;
  return <ThreadListPage />;
}

function ThreadListPage() {
  const { t } = useTranslation('messaging');
  const threads = useThreads();
  return (
    <>
      <BackHome small />
      <PageTitle>{t('list.title')}</PageTitle>
      {threads.isPending ? (
        <Loading />
      ) : threads.isError ? (
        <LoadError error={threads.error} onRetry={() => void threads.refetch()} />
      ) : threads.data.threads.length === 0 ? (
        <EmptyState>{t('list.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm" data-testid="thread-list" aria-label={t('list.title')}>
          {threads.data.threads.map((thread) => (
            <ThreadRow key={thread.id} thread={thread} />
          ))}
        </Stack>
      )}
    </>
  );
}

function ThreadRow({ thread }: { thread: ThreadSummary }) {
  const { t } = useTranslation('messaging');
  const { user } = useSignedIn();
  const when = useMessageTime(thread.participant.programId);
  const last = thread.lastMessage;
  // Who else is here besides the participant and me: a peer worker, for a supervisor who joined.
  const staff = thread.others.filter((o) => o.role !== 'participant');
  const unread = thread.unreadCount > 0;
  // The participant's own words need no name: the row is theirs. Mine and other staff's do.
  const senderLabel = (m: NonNullable<typeof last>) =>
    m.senderId === user.id ? `${t('list.you')}: ` : thread.others.some((o) => o.role === 'participant' && o.userId === m.senderId) ? '' : `${m.senderName}: `;
  return (
    <li>
      <UnstyledButton component={Link} to={conversationPath(thread.participant.id)} w="100%" data-testid="thread-row">
        <Paper withBorder p="md" radius="md" bg={unread ? 'pine.0' : undefined}>
          <Stack gap={4}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text fw={unread ? 700 : 600} fz="lg" truncate>
                {thread.participant.preferredName}
              </Text>
              {last && (
                <Text fz="sm" c="dimmed" style={{ flexShrink: 0 }}>
                  {when.short(last.createdAt)}
                </Text>
              )}
            </Group>
            {staff.length > 0 && (
              <Text fz="sm" c="dimmed">
                {t('list.with', { names: staff.map((o) => o.displayName).join(', ') })}
              </Text>
            )}
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <Text fz="sm" lineClamp={2} fw={unread ? 600 : undefined}>
                {last ? senderLabel(last) + last.preview : t('list.noMessages')}
              </Text>
              {unread && (
                <Badge color="clay" variant="filled" style={{ flexShrink: 0 }}>
                  {t('list.unread', { count: thread.unreadCount })}
                </Badge>
              )}
            </Group>
          </Stack>
        </Paper>
      </UnstyledButton>
    </li>
  );
}
