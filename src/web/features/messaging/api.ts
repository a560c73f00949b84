import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import {
  messagePageSchema,
  readReceiptSchema,
  sentMessageSchema,
  threadListSchema,
  threadSchema,
  unreadSummarySchema,
  type Message,
  type MessagePage,
  type Thread,
} from '../../../shared/schemas/messaging.js';
import { api, withQuery } from '../../api/client.js';

export const messagingKey = ['messaging'] as const;
export const unreadKey = [...messagingKey, 'unread'] as const;
export const threadsKey = [...messagingKey, 'threads'] as const;
export const threadKey = (participantId: string) => [...messagingKey, 'thread', participantId] as const;
export const messagesKey = (threadId: string) => [...messagingKey, 'messages', threadId] as const;

const threadPath = (threadId: string) => `/api/threads/${encodeURIComponent(threadId)}`;

/** The number on the Messages badges; kept current by live events (see useMessagingLiveUpdates). */
export function useUnreadMessages(enabled = true) {
  return useQuery({ queryKey: unreadKey, queryFn: () => api.get('/api/threads/unread', unreadSummarySchema), enabled });
}

export function useThreads() {
  return useQuery({ queryKey: threadsKey, queryFn: () => api.get('/api/threads', threadListSchema) });
}

export function useParticipantThread(participantId: string) {
  return useQuery({
    queryKey: threadKey(participantId),
    queryFn: () => api.get(`/api/participants/${encodeURIComponent(participantId)}/thread`, threadSchema),
  });
}

/** History, newest page first; `fetchNextPage` loads older messages. */
export function useMessages(threadId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: messagesKey(threadId),
    queryFn: ({ pageParam }) => api.get(withQuery(`${threadPath(threadId)}/messages`, { before: pageParam }), messagePageSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: MessagePage) => page.before ?? undefined,
    enabled,
  });
}

/** Puts a sent message into the newest page at once, before any refetch. */
function addToNewestPage(data: InfiniteData<MessagePage, string | undefined> | undefined, message: Message) {
  if (!data || data.pages.some((p) => p.messages.some((m) => m.id === message.id))) return data;
  const [newest, ...older] = data.pages;
  return { ...data, pages: [{ ...newest!, messages: [...newest!.messages, message] }, ...older] };
}

export function useThreadActions(participantId: string, threadId: string) {
  const queryClient = useQueryClient();
  const setThread = (thread: Thread) => {
    queryClient.setQueryData(threadKey(participantId), thread);
    void queryClient.invalidateQueries({ queryKey: messagesKey(threadId) });
    void queryClient.invalidateQueries({ queryKey: unreadKey });
    void queryClient.invalidateQueries({ queryKey: threadsKey });
    return thread;
  };
  return {
    send: (body: string, clientId: string) =>
      api.post(`${threadPath(threadId)}/messages`, sentMessageSchema, { body, clientId }).then((sent) => {
        queryClient.setQueryData<InfiniteData<MessagePage, string | undefined>>(messagesKey(threadId), (data) => addToNewestPage(data, sent.message));
        return sent;
      }),
    markRead: (upTo: string) =>
      api.post(`${threadPath(threadId)}/read`, readReceiptSchema, { upTo }).then((receipt) => {
        void queryClient.invalidateQueries({ queryKey: unreadKey });
        void queryClient.invalidateQueries({ queryKey: threadsKey });
        return receipt;
      }),
    join: () => api.post(`${threadPath(threadId)}/join`, threadSchema).then(setThread),
    leave: () => api.post(`${threadPath(threadId)}/leave`, threadSchema).then(setThread),
  };
}
