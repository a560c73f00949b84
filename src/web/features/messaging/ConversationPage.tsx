import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Thread } from '../../../shared/schemas/messaging.js';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { isApiError } from '../../api/client.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoadError, Loading } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { describeError } from '../../forms/errors.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useParticipantThread, useThreadActions } from './api.js';
import { Conversation } from './Conversation.js';
import { messagesPath } from './paths.js';

/** A participant's conversation with their peer worker, seen by either of them (or a supervisor who joined). */
export function ConversationPage() {
  return <WithParticipant>{(p) => <ConversationFor participant={p} />}</WithParticipant>;
}

function ConversationFor({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('messaging');
  const thread = useParticipantThread(participant.id);
  const self = participant.relationship === 'self';
  const peerName = participant.peerWorker?.displayName;
  const title = self ? (peerName ? t('conversation.titleSelf', { name: peerName }) : t('conversation.titleSelfNoPeer')) : t('conversation.title', { name: participant.preferredName });

  if (isApiError(thread.error, 404)) return <NotYoursPage />;
  return (
    <>
      {self ? (
        <BackHome small />
      ) : (
        <Anchor component={Link} to={messagesPath} fz="sm">
          <span aria-hidden="true">← </span>
          {t('conversation.back')}
        </Anchor>
      )}
      <PageTitle>{title}</PageTitle>
      {thread.isPending ? (
        <Loading />
      ) : thread.isError ? (
        <LoadError error={thread.error} onRetry={() => void thread.refetch()} />
      ) : (
        <ConversationBody thread={thread.data} participant={participant} />
      )}
    </>
  );
}

function ConversationBody({ thread, participant }: { thread: Thread; participant: ParticipantSummary }) {
  const { t } = useTranslation('messaging');
  const self = participant.relationship === 'self';
  const peerInIt = thread.members.some((m) => m.role === 'peer_worker' && m.leftAt === null);
  return (
    <Stack gap="md">
      {self && !peerInIt && <Text c="dimmed">{t('conversation.noPeer')}</Text>}
      {!self && !thread.participant.hasLogin && <Text c="dimmed">{t('conversation.noLogin', { name: participant.preferredName })}</Text>}
      {thread.can.read ? (
        <>
          {thread.can.leave && <LeaveBar thread={thread} />}
          <Conversation thread={thread} />
        </>
      ) : thread.can.join ? (
        <JoinPanel thread={thread} />
      ) : null}
    </Stack>
  );
}

/** A supervisor sees that the conversation exists; they read it only after joining, which everyone in it sees. */
function JoinPanel({ thread }: { thread: Thread }) {
  const { t } = useTranslation('messaging');
  const { join } = useThreadActions(thread.participant.id, thread.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} data-testid="join-thread">
      <Stack gap="sm">
        <Text>{t('join.body', { name: thread.participant.preferredName })}</Text>
        <Text fz="sm" c="dimmed">
          {t('join.recorded')}
        </Text>
        {error && <Alert color="clay">{error}</Alert>}
        <Button
          style={{ alignSelf: 'flex-start' }}
          loading={busy}
          onClick={() => {
            setBusy(true);
            join()
              .catch((err: unknown) => setError(describeError(err)))
              .finally(() => setBusy(false));
          }}
        >
          {t('join.action')}
        </Button>
      </Stack>
    </Paper>
  );
}

function LeaveBar({ thread }: { thread: Thread }) {
  const { t } = useTranslation('messaging');
  const { leave } = useThreadActions(thread.participant.id, thread.id);
  const [busy, setBusy] = useState(false);
  return (
    <Group justify="space-between" gap="sm">
      <Text fz="sm" c="dimmed">
        {t('leave.body')}
      </Text>
      <Button
        variant="outline"
        size="compact-md"
        loading={busy}
        onClick={() => {
          setBusy(true);
          void leave().finally(() => setBusy(false));
        }}
      >
        {t('leave.action')}
      </Button>
    </Group>
  );
}
