import { Alert, Box, Button, Center, Paper, Stack } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrisisResources, Thread } from '../../../shared/schemas/messaging.js';
import { isApiError } from '../../api/client.js';
import { useSignedIn } from '../../api/session.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useMessages, useThreadActions } from './api.js';
import { newClientId } from './client-id.js';
import { Composer } from './Composer.js';
import { CrisisPanel } from './CrisisPanel.js';
import { useConversationUpdates } from './live.js';
import { DayLine, MemberLine, MessageItem, PendingItem } from './MessageItem.js';
import { useMessageTime } from './time.js';
import { buildTimeline, type PendingMessage } from './timeline.js';
import { useMarkReadWhenSeen } from './useMarkReadWhenSeen.js';

// Within this many pixels of the end counts as "at the newest message".
const NEAR_END_PX = 80;

/** The messages of a conversation the reader is in, live, with the composer below. */
export function Conversation({ thread }: { thread: Thread }) {
  const { t } = useTranslation('messaging');
  const { user } = useSignedIn();
  const history = useMessages(thread.id, true);
  const actions = useThreadActions(thread.participant.id, thread.id);
  const when = useMessageTime(thread.participant.programId);
  const [pending, setPending] = useState<PendingMessage[]>([]);
  const [crisis, setCrisis] = useState<CrisisResources | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useConversationUpdates(thread.participant.id, thread.id);

  const messages = useMemo(() => (history.data ? [...history.data.pages].reverse().flatMap((p) => p.messages) : []), [history.data]);
  const from = history.hasNextPage ? (messages[0]?.createdAt ?? null) : null;
  const items = useMemo(
    () => buildTimeline({ thread, messages, pending, me: user.id, from, dayKey: when.dayKey }),
    [thread, messages, pending, user.id, from, when],
  );

  const deliver = useCallback(
    (message: PendingMessage) => {
      setRefused(null);
      setPending((list) => [...list.filter((p) => p.clientId !== message.clientId), { ...message, status: 'sending' }]);
      actions
        .send(message.body, message.clientId)
        .then((sent) => {
          setPending((list) => list.filter((p) => p.clientId !== message.clientId));
          if (sent.crisis.detected && sent.crisis.resources) setCrisis(sent.crisis.resources);
        })
        .catch((err: unknown) => {
          // Refused for what it says (too long): nothing to retry. Anything else: keep it, to send again.
          if (isApiError(err, 400)) {
            setPending((list) => list.filter((p) => p.clientId !== message.clientId));
            setRefused(message.body);
          } else {
            setPending((list) => list.map((p) => (p.clientId === message.clientId ? { ...p, status: 'failed' } : p)));
          }
        });
    },
    [actions],
  );

  // Scrolling: start at the newest message, follow new ones when already there, and stay put when older ones load above.
  const scroller = useRef<HTMLDivElement>(null);
  const nearEnd = useRef(true);
  const heightBeforeOlder = useRef<number | null>(null);
  const lastKey = items.at(-1)?.key;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (heightBeforeOlder.current !== null) {
      el.scrollTop += el.scrollHeight - heightBeforeOlder.current;
      heightBeforeOlder.current = null;
    } else if (nearEnd.current) {
      el.scrollTop = el.scrollHeight;
    }
  }, [items.length, lastKey]);
  const loadOlder = () => {
    heightBeforeOlder.current = scroller.current?.scrollHeight ?? null;
    void history.fetchNextPage();
  };

  const endRef = useMarkReadWhenSeen({ thread, messages, me: user.id, root: scroller, markRead: actions.markRead });

  if (history.isPending) return <Loading />;
  if (history.isError) return <LoadError error={history.error} onRetry={() => void history.refetch()} />;

  return (
    <>
      {crisis && <CrisisPanel resources={crisis} onClose={() => setCrisis(null)} />}
      <Paper withBorder radius="md" bg="sand.0" style={{ overflow: 'hidden' }}>
        <Box
          ref={scroller}
          role="log"
          aria-label={t('conversation.label')}
          tabIndex={0}
          px={{ base: 'xs', sm: 'md' }}
          py="sm"
          style={{ maxHeight: 'min(60vh, 640px)', minHeight: 200, overflowY: 'auto' }}
          onScroll={(e) => {
            const el = e.currentTarget;
            nearEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_END_PX;
          }}
          data-testid="conversation"
        >
          {history.hasNextPage && (
            <Center mb="sm">
              <Button variant="subtle" size="compact-sm" onClick={loadOlder} loading={history.isFetchingNextPage}>
                {t('conversation.older')}
              </Button>
            </Center>
          )}
          {items.length === 0 ? (
            <EmptyState>{t('conversation.empty')}</EmptyState>
          ) : (
            <Stack component="ul" className="record-list" gap={10}>
              {items.map((item) =>
                item.kind === 'day' ? (
                  <DayLine key={item.key} label={when.day(item.at)} />
                ) : item.kind === 'member' ? (
                  <MemberLine key={item.key} member={item.member} change={item.change} when={when.time(item.at)} />
                ) : item.kind === 'pending' ? (
                  <PendingItem key={item.key} pending={item.pending} onRetry={deliver} />
                ) : (
                  <MessageItem key={item.key} entry={item} time={when.time} staffView={user.participantId !== thread.participant.id} />
                ),
              )}
            </Stack>
          )}
          <div ref={endRef} style={{ height: 1 }} />
        </Box>
      </Paper>
      {refused && (
        <Alert color="clay" withCloseButton onClose={() => setRefused(null)} closeButtonLabel={t('conversation.dismiss')}>
          {t('conversation.refused')}
        </Alert>
      )}
      {thread.can.send && (
        <Composer
          onSend={(body) => {
            nearEnd.current = true;
            deliver({ clientId: newClientId(), body, at: new Date().toISOString(), status: 'sending' });
          }}
        />
      )}
    </>
  );
}
