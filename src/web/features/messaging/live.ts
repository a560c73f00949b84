import { useQueryClient } from '@tanstack/react-query';
import { useLiveEvent } from '../../api/live.js';
import { messagesKey, threadKey, threadsKey, unreadKey } from './api.js';

const events = ['message.created', 'message.read', 'thread.updated', 'live.reconnected'] as const;

/** Keeps the badges and the conversation list current; mounted once with the header's Messages button. */
export function useMessagingBadgeUpdates(): void {
  const queryClient = useQueryClient();
  useLiveEvent(events, () => {
    void queryClient.invalidateQueries({ queryKey: unreadKey });
    void queryClient.invalidateQueries({ queryKey: threadsKey });
  });
}

/** Keeps an open conversation current: new messages, the other's read receipt, members joining or leaving. */
export function useConversationUpdates(participantId: string, threadId: string | undefined): void {
  const queryClient = useQueryClient();
  useLiveEvent(events, (event) => {
    if (!threadId) return;
    const here = event.threadId === threadId;
    if (event.type === 'live.reconnected' || (here && event.type !== 'message.read')) {
      void queryClient.invalidateQueries({ queryKey: messagesKey(threadId) });
    }
    if (event.type === 'live.reconnected' || (here && event.type !== 'message.created')) {
      void queryClient.invalidateQueries({ queryKey: threadKey(participantId) });
    }
  });
}
