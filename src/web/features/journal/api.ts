import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import {
  journalEntrySchema,
  journalPageSchema,
  type CreateJournalEntry,
  type JournalEntry,
  type JournalPage,
  type UpdateJournalEntry,
} from '../../../shared/schemas/journal.js';
import { api, withQuery } from '../../api/client.js';

export const journalKey = (participantId: string) => ['journal', participantId] as const;
const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/journal`;

/** The journal a page at a time, newest first; `fetchNextPage` brings older entries. */
export function useJournal(participantId: string) {
  return useInfiniteQuery({
    queryKey: journalKey(participantId),
    queryFn: ({ pageParam }) => api.get(withQuery(base(participantId), { before: pageParam }), journalPageSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useJournalActions(participantId: string) {
  const queryClient = useQueryClient();
  const trailChanged = () => void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
  // An edited entry replaces itself in the pages already loaded, so the reader keeps their place.
  const replace = (entry: JournalEntry) => {
    queryClient.setQueryData<InfiniteData<JournalPage>>(journalKey(participantId), (data) =>
      data && { ...data, pages: data.pages.map((page) => ({ ...page, entries: page.entries.map((e) => (e.id === entry.id ? entry : e)) })) },
    );
    trailChanged();
    return entry;
  };
  return {
    create: async (input: CreateJournalEntry) => {
      const entry = await api.post(base(participantId), journalEntrySchema, input);
      await queryClient.invalidateQueries({ queryKey: journalKey(participantId) });
      trailChanged();
      return entry;
    },
    update: (entryId: string, input: UpdateJournalEntry) =>
      api.patch(`${base(participantId)}/${encodeURIComponent(entryId)}`, journalEntrySchema, input).then(replace),
  };
}
