import { useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  communityMeSchema,
  memberLookupSchema,
  myModerationSchema,
  spacePeopleSchema,
  transparencySchema,
  type CreateSpace,
  moderationResultSchema,
  postListSchema,
  postSchema,
  publishResultSchema,
  queueSchema,
  reportReceivedSchema,
  blockListSchema,
  roomListSchema,
  roomSchema,
  roomSendResultSchema,
  spaceListSchema,
  spaceSchema,
  storyListSchema,
  storySchema,
  crisisSupportSchema,
  threadSchema,
  type CreatePost,
  type Moderate,
} from '../../../shared/schemas/community.js';
import type { ReactionKind } from '../../../shared/community/vocabulary.js';
import { api, withQuery } from '../../api/client.js';

const enc = encodeURIComponent;

export const useCommunityMe = () => useQuery({ queryKey: ['community', 'me'], queryFn: () => api.get('/api/community/me', communityMeSchema) });
export const useSpaces = () => useQuery({ queryKey: ['community', 'spaces'], queryFn: () => api.get('/api/community/spaces', spaceListSchema) });
export const useSpace = (id: string) => useQuery({ queryKey: ['community', 'space', id], queryFn: () => api.get(`/api/community/spaces/${enc(id)}`, spaceSchema) });
export const useSpacePosts = (id: string) => useQuery({ queryKey: ['community', 'posts', id], queryFn: () => api.get(`/api/community/spaces/${enc(id)}/posts`, postListSchema) });
export const useThread = (id: string) => useQuery({ queryKey: ['community', 'thread', id], queryFn: () => api.get(`/api/community/posts/${enc(id)}`, threadSchema) });
export const useSearch = (q: string) =>
  useQuery({ queryKey: ['community', 'search', q], queryFn: () => api.get(withQuery('/api/community/search', { q }), postListSchema), enabled: q.trim().length >= 2 });
export const useQueue = (enabled: boolean) => useQuery({ queryKey: ['community', 'queue'], queryFn: () => api.get('/api/community/moderation/queue', queueSchema), enabled });
export const useStories = () => useQuery({ queryKey: ['community', 'stories'], queryFn: () => api.get('/api/community/stories', storyListSchema) });
export const useRooms = () => useQuery({ queryKey: ['community', 'rooms'], queryFn: () => api.get('/api/community/rooms', roomListSchema) });
export const useGroupRooms = (groupId: string) =>
  useQuery({ queryKey: ['community', 'rooms', 'group', groupId], queryFn: () => api.get(withQuery('/api/community/rooms', { groupId }), roomListSchema) });
export const useTransparency = (month: string) => useQuery({ queryKey: ['community', 'transparency', month], queryFn: () => api.get(withQuery('/api/community/transparency', { month }), transparencySchema) });
export const useMyModeration = () => useQuery({ queryKey: ['community', 'my-moderation'], queryFn: () => api.get('/api/community/me/moderation', myModerationSchema) });
export const useBlocks = () => useQuery({ queryKey: ['community', 'blocks'], queryFn: () => api.get('/api/community/me/blocks', blockListSchema) });
export const useSpacePeople = (id: string, enabled: boolean) =>
  useQuery({ queryKey: ['community', 'space-people', id], queryFn: () => api.get(`/api/community/spaces/${enc(id)}/people`, spacePeopleSchema), enabled });
/** A member by community name (exact, ignoring case); rejects with a 404 when nobody has that name. */
export const lookupMember = (name: string) => api.get(withQuery('/api/community/members', { name }), memberLookupSchema).then((r) => r.member);
const storySubmitted = z.object({ story: storySchema, crisis: z.object({ detected: z.boolean(), support: crisisSupportSchema.nullable() }) });
export const useRoom = (id: string) => useQuery({ queryKey: ['community', 'room', id], queryFn: () => api.get(`/api/community/rooms/${enc(id)}`, roomSchema) });

/** Every write refreshes what the community shows. */
export function useCommunityActions() {
  const qc = useQueryClient();
  const refresh = <T,>(value: T) => {
    void qc.invalidateQueries({ queryKey: ['community'] });
    return value;
  };
  return {
    join: (communityName: string) => api.post('/api/community/me', communityMeSchema, { communityName }).then(refresh),
    onboarded: () => api.patch('/api/community/me', communityMeSchema, { onboarded: true }).then(refresh),
    post: (spaceId: string, input: CreatePost) => api.post(`/api/community/spaces/${enc(spaceId)}/posts`, publishResultSchema, input).then(refresh),
    reply: (postId: string, input: { body: string; acceptGuidelines?: boolean }) => api.post(`/api/community/posts/${enc(postId)}/replies`, publishResultSchema, input).then(refresh),
    react: (postId: string, kind: ReactionKind, on: boolean) => api.post(`/api/community/posts/${enc(postId)}/reactions`, postSchema, { kind, on }).then(refresh),
    follow: (postId: string, following: boolean) => api.put(`/api/community/posts/${enc(postId)}/follow`, z.object({ following: z.boolean() }), { following }).then(refresh),
    report: (input: { postId?: string; memberId?: string; reason: string }) => api.post('/api/community/reports', reportReceivedSchema, input).then(refresh),
    block: (memberId: string, kind: 'block' | 'mute') => api.put(`/api/community/members/${enc(memberId)}/block`, blockListSchema, { kind }).then(refresh),
    moderate: (itemId: string, input: Moderate) => api.post(`/api/community/moderation/queue/${enc(itemId)}`, moderationResultSchema, input).then(refresh),
    unblock: (memberId: string) => api.delete(`/api/community/members/${enc(memberId)}/block`, blockListSchema).then(refresh),
    appeal: (actionId: string, body: string) => api.post(`/api/community/me/moderation/${enc(actionId)}/appeal`, myModerationSchema, { body }).then(refresh),
    createSpace: (input: CreateSpace) => api.post('/api/community/spaces', spaceSchema, input).then(refresh),
    updateSpace: (id: string, input: CreateSpace) => api.patch(`/api/community/spaces/${enc(id)}`, spaceSchema, input).then(refresh),
    submitStory: (input: { title: string; body: string; contentNotes: string[]; acceptGuidelines?: boolean }) => api.post('/api/community/stories', storySubmitted, input).then(refresh),
    createRoom: (input: { topic: string; rules: string; capacity?: number; startsAt?: string; groupId?: string; keepTranscript?: boolean }) => api.post('/api/community/rooms', roomSchema, input).then(refresh),
    joinRoom: (roomId: string) => api.post(`/api/community/rooms/${enc(roomId)}/join`, roomSchema).then(refresh),
    say: (roomId: string, body: string) => api.post(`/api/community/rooms/${enc(roomId)}/messages`, roomSendResultSchema, { body }),
    control: (roomId: string, action: 'mute' | 'unmute' | 'remove' | 'lock' | 'unlock' | 'end', memberId?: string) =>
      api.post(`/api/community/rooms/${enc(roomId)}/control`, roomSchema, { action, memberId }).then(refresh),
  };
}
