import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { noteHistorySchema, noteListSchema, noteSchema, type CreateNote, type Note, type UpdateNote } from '../../../shared/schemas/notes.js';
import { api, withQuery } from '../../api/client.js';

export const notesKey = (participantId: string) => ['notes', participantId] as const;
const base = (participantId: string) => `/api/participants/${encodeURIComponent(participantId)}/notes`;

/** A participant's notes, newest first, a page at a time. */
export function useNotes(participantId: string, pageSize = 20) {
  return useInfiniteQuery({
    queryKey: [...notesKey(participantId), pageSize],
    queryFn: ({ pageParam }) => api.get(withQuery(base(participantId), { limit: pageSize, cursor: pageParam }), noteListSchema),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useNoteHistory(noteId: string) {
  return useQuery({
    queryKey: ['note-history', noteId],
    queryFn: () => api.get(`/api/notes/${encodeURIComponent(noteId)}/versions`, noteHistorySchema),
  });
}

export function useNoteActions(participantId: string) {
  const queryClient = useQueryClient();
  const changed = (note: Note) => {
    void queryClient.invalidateQueries({ queryKey: notesKey(participantId) });
    void queryClient.invalidateQueries({ queryKey: ['note-history', note.id] });
    void queryClient.invalidateQueries({ queryKey: ['audit', participantId] });
    // A follow-up date puts a task on the author's list.
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    return note;
  };
  return {
    create: (input: CreateNote) => api.post(base(participantId), noteSchema, input).then(changed),
    update: (noteId: string, input: UpdateNote) => api.patch(`/api/notes/${encodeURIComponent(noteId)}`, noteSchema, input).then(changed),
  };
}
