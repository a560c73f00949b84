import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  actionParams,
  appealSchema,
  blockListSchema,
  blockSchema,
  communityMeSchema,
  createPostSchema,
  createReplySchema,
  createRoomSchema,
  createSpaceSchema,
  createStorySchema,
  crisisSupportSchema,
  followSchema,
  joinCommunitySchema,
  leaveSchema,
  memberLookupQuerySchema,
  memberLookupSchema,
  memberParams,
  moderateSchema,
  moderationResultSchema,
  myModerationSchema,
  postListSchema,
  postParams,
  postSchema,
  publishResultSchema,
  queueItemParams,
  queueSchema,
  reactSchema,
  reportReceivedSchema,
  reportSchema,
  roomControlSchema,
  roomListQuerySchema,
  roomListSchema,
  roomParams,
  roomSchema,
  roomSendResultSchema,
  roomTranscriptSchema,
  ruleSetSchema,
  safetyRulesSchema,
  searchQuerySchema,
  sendRoomMessageSchema,
  spaceListSchema,
  spaceParams,
  spacePeopleSchema,
  spaceSchema,
  storyListSchema,
  storySchema,
  threadSchema,
  transparencyQuerySchema,
  transparencySchema,
  updateProfileSchema,
  updateSpaceSchema,
} from '../../../shared/schemas/community.js';
import { authed } from '../../platform/http.js';
import { typed, withErrors } from '../../platform/routes.js';
import { blockMember, followThread, listBlocks, react, unblockMember } from './interact.js';
import { appeal, myModeration } from './moderation/appeals.js';
import { moderate } from './moderation/moderate.js';
import { listQueue } from './moderation/queue.js';
import { report } from './moderation/report.js';
import { transparency } from './moderation/transparency.js';
import { lookupMember } from './members.js';
import { getMe, joinCommunity, leaveCommunity, updateProfile } from './profile.js';
import { createPost, createReply } from './publish-post.js';
import { getThread, listSpacePosts, searchPosts } from './read-posts.js';
import { controlRoom, createRoom, getRoom, joinRoom, leaveRoom, listRooms, roomTranscript, sendRoomMessage } from './rooms.js';
import { currentRules, saveRules } from './rule-set.js';
import { createSpace, getSpace, listSpaces, spacePeople, updateSpace } from './spaces.js';
import { listStories, submitStory } from './stories.js';

const tags = ['community'];
const MODERATORS = ['moderator', 'org_admin'] as const;
const following = z.object({ following: z.boolean() });

/**
 * The online peer community. Everyone signed in may take part under a community name; which spaces,
 * posts and rooms each person sees is decided in the services (space-access.ts, post-view.ts), and
 * what a moderator may act on in moderation/queue.ts. No payload carries a legal name, an email, a
 * phone number or a user or participant record id: members appear by opaque member id.
 */
export async function communityRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const signedIn = { access: 'signed_in' as const };

  r.get('/api/community/me', { config: signedIn, schema: { tags, summary: 'My community profile (or none yet), and where to get help now', response: withErrors({ 200: communityMeSchema }) }, handler: (req) => getMe(authed(req)) });
  r.post('/api/community/me', { config: signedIn, schema: { tags, summary: 'Join under a community name of my choosing (never my legal name)', body: joinCommunitySchema, response: withErrors({ 200: communityMeSchema }) }, handler: (req) => joinCommunity(authed(req), req.body.communityName) });
  r.patch('/api/community/me', { config: signedIn, schema: { tags, summary: 'Change my community name, or mark the onboarding read', body: updateProfileSchema, response: withErrors({ 200: communityMeSchema }) }, handler: (req) => updateProfile(authed(req), req.body) });
  r.post('/api/community/me/leave', { config: signedIn, schema: { tags, summary: 'Leave the community; my posts are removed or kept without my name, as I choose', body: leaveSchema, response: withErrors({ 200: communityMeSchema }) }, handler: (req) => leaveCommunity(authed(req), req.body.posts) });
  r.get('/api/community/me/moderation', { config: signedIn, schema: { tags, summary: 'What moderators did about me or my posts, and why', response: withErrors({ 200: myModerationSchema }) }, handler: (req) => myModeration(authed(req)) });
  r.post('/api/community/me/moderation/:actionId/appeal', { config: signedIn, schema: { tags, summary: 'Appeal a moderation action', params: actionParams, body: appealSchema, response: withErrors({ 200: myModerationSchema }) }, handler: (req) => appeal(authed(req), req.params.actionId, req.body.body) });
  r.get('/api/community/me/blocks', { config: signedIn, schema: { tags, summary: 'People I blocked or muted', response: withErrors({ 200: blockListSchema }) }, handler: (req) => listBlocks(authed(req)) });

  r.get('/api/community/spaces', { config: signedIn, schema: { tags, summary: 'Spaces I can see', response: withErrors({ 200: spaceListSchema }) }, handler: (req) => listSpaces(authed(req)) });
  r.post('/api/community/spaces', { config: { access: MODERATORS }, schema: { tags, summary: 'Create a space (moderators)', body: createSpaceSchema, response: withErrors({ 201: spaceSchema }) }, handler: async (req, reply) => reply.status(201).send(await createSpace(authed(req), req.body)) });
  r.get('/api/community/spaces/:spaceId', { config: signedIn, schema: { tags, summary: 'One space: description, rules, moderators', params: spaceParams, response: withErrors({ 200: spaceSchema }) }, handler: (req) => getSpace(authed(req), req.params.spaceId) });
  r.patch('/api/community/spaces/:spaceId', { config: { access: MODERATORS }, schema: { tags, summary: 'Change a space: who it is for, what it says, its members and moderators (moderators)', params: spaceParams, body: updateSpaceSchema, response: withErrors({ 200: spaceSchema }) }, handler: (req) => updateSpace(authed(req), req.params.spaceId, req.body) });
  r.get('/api/community/spaces/:spaceId/people', { config: { access: MODERATORS }, schema: { tags, summary: "A space's members and moderators, by community name (moderators)", params: spaceParams, response: withErrors({ 200: spacePeopleSchema }) }, handler: (req) => spacePeople(authed(req), req.params.spaceId) });
  r.get('/api/community/spaces/:spaceId/posts', { config: signedIn, schema: { tags, summary: "A space's threads, newest first", params: spaceParams, response: withErrors({ 200: postListSchema }) }, handler: (req) => listSpacePosts(authed(req), req.params.spaceId) });
  r.post('/api/community/spaces/:spaceId/posts', {
    config: signedIn,
    schema: { tags, summary: 'Post in a space; it passes the safety checks first and may be held for review', params: spaceParams, body: createPostSchema, response: withErrors({ 201: publishResultSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createPost(authed(req), req.params.spaceId, req.body)),
  });
  r.get('/api/community/search', { config: signedIn, schema: { tags, summary: 'Search the spaces I can see', querystring: searchQuerySchema, response: withErrors({ 200: postListSchema }) }, handler: (req) => searchPosts(authed(req), req.query.q, req.query.spaceId) });

  r.get('/api/community/posts/:postId', { config: signedIn, schema: { tags, summary: 'A thread with its replies', params: postParams, response: withErrors({ 200: threadSchema }) }, handler: (req) => getThread(authed(req), req.params.postId) });
  r.post('/api/community/posts/:postId/replies', {
    config: signedIn,
    schema: { tags, summary: 'Reply in a thread (same safety checks)', params: postParams, body: createReplySchema, response: withErrors({ 201: publishResultSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createReply(authed(req), req.params.postId, req.body)),
  });
  r.post('/api/community/posts/:postId/reactions', { config: signedIn, schema: { tags, summary: 'A supportive reaction, on or off', params: postParams, body: reactSchema, response: withErrors({ 200: postSchema }) }, handler: (req) => react(authed(req), req.params.postId, req.body.kind, req.body.on) });
  r.put('/api/community/posts/:postId/follow', { config: signedIn, schema: { tags, summary: 'Follow or unfollow a thread', params: postParams, body: followSchema, response: withErrors({ 200: following }) }, handler: (req) => followThread(authed(req), req.params.postId, req.body.following) });

  r.get('/api/community/members', { config: signedIn, schema: { tags, summary: 'Find a member by community name (exact, ignoring case)', querystring: memberLookupQuerySchema, response: withErrors({ 200: memberLookupSchema }) }, handler: (req) => lookupMember(authed(req), req.query.name) });
  r.put('/api/community/members/:memberId/block', { config: signedIn, schema: { tags, summary: 'Block (both ways) or mute (one way) a member', params: memberParams, body: blockSchema, response: withErrors({ 200: blockListSchema }) }, handler: (req) => blockMember(authed(req), req.params.memberId, req.body.kind) });
  r.delete('/api/community/members/:memberId/block', { config: signedIn, schema: { tags, summary: 'Unblock or unmute', params: memberParams, response: withErrors({ 200: blockListSchema }) }, handler: (req) => unblockMember(authed(req), req.params.memberId) });

  r.post('/api/community/reports', { config: signedIn, schema: { tags, summary: 'Report a post, a story or a person; the reporter stays anonymous', body: reportSchema, response: withErrors({ 201: reportReceivedSchema }) }, handler: async (req, reply) => reply.status(201).send(await report(authed(req), req.body)) });

  r.get('/api/community/moderation/queue', { config: signedIn, schema: { tags, summary: 'The moderation queue, most urgent first (moderators)', response: withErrors({ 200: queueSchema }) }, handler: (req) => listQueue(authed(req)) });
  r.post('/api/community/moderation/queue/:itemId', { config: signedIn, schema: { tags, summary: 'Act on a queue item (moderators)', params: queueItemParams, body: moderateSchema, response: withErrors({ 200: moderationResultSchema }) }, handler: (req) => moderate(authed(req), req.params.itemId, req.body) });
  r.get('/api/community/transparency', { config: signedIn, schema: { tags, summary: "A month's moderation figures for the organization", querystring: transparencyQuerySchema, response: withErrors({ 200: transparencySchema }) }, handler: (req) => transparency(authed(req), req.query.month) });
  r.get('/api/community/rules', {
    config: { access: MODERATORS },
    schema: { tags, summary: "The organization's safety rules (current version)", response: withErrors({ 200: ruleSetSchema }) },
    handler: async (req) => {
      const set = await currentRules(authed(req).db, authed(req).actor.organizationId);
      return { version: set.version, rules: set.rules, createdAt: set.createdAt?.toISOString() ?? null };
    },
  });
  r.put('/api/community/rules', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: 'A new version of the safety rules (org admins)', body: safetyRulesSchema, response: withErrors({ 200: ruleSetSchema }) },
    handler: async (req) => {
      const set = await saveRules(authed(req), req.body);
      return { version: set.version, rules: set.rules, createdAt: set.createdAt?.toISOString() ?? null };
    },
  });

  r.get('/api/community/stories', { config: signedIn, schema: { tags, summary: 'Published recovery stories, and my own in review', response: withErrors({ 200: storyListSchema }) }, handler: (req) => listStories(authed(req)) });
  r.post('/api/community/stories', {
    config: signedIn,
    schema: { tags, summary: 'Share a story; a moderator reviews it before it is published', body: createStorySchema, response: withErrors({ 201: z.object({ story: storySchema, crisis: z.object({ detected: z.boolean(), support: crisisSupportSchema.nullable() }) }) }) },
    handler: async (req, reply) => reply.status(201).send(await submitStory(authed(req), req.body)),
  });

  r.get('/api/community/rooms', { config: signedIn, schema: { tags, summary: 'Live rooms open or coming up (or those of one group)', querystring: roomListQuerySchema, response: withErrors({ 200: roomListSchema }) }, handler: (req) => listRooms(authed(req), req.query.groupId) });
  r.post('/api/community/rooms', { config: signedIn, schema: { tags, summary: 'Open a peer-led room (peer workers)', body: createRoomSchema, response: withErrors({ 201: roomSchema }) }, handler: async (req, reply) => reply.status(201).send(await createRoom(authed(req), req.body)) });
  r.get('/api/community/rooms/:roomId', { config: signedIn, schema: { tags, summary: 'A room: rules, who is here', params: roomParams, response: withErrors({ 200: roomSchema }) }, handler: (req) => getRoom(authed(req), req.params.roomId) });
  r.post('/api/community/rooms/:roomId/join', { config: signedIn, schema: { tags, summary: 'Join a room (its rules are shown on entry)', params: roomParams, response: withErrors({ 200: roomSchema }) }, handler: (req) => joinRoom(authed(req), req.params.roomId) });
  r.post('/api/community/rooms/:roomId/leave', { config: signedIn, schema: { tags, summary: 'Leave a room', params: roomParams, response: withErrors({ 200: roomSchema }) }, handler: (req) => leaveRoom(authed(req), req.params.roomId) });
  r.post('/api/community/rooms/:roomId/messages', { config: signedIn, schema: { tags, summary: 'Say something in the room (live; same safety checks)', params: roomParams, body: sendRoomMessageSchema, response: withErrors({ 200: roomSendResultSchema }) }, handler: (req) => sendRoomMessage(authed(req), req.params.roomId, req.body.body) });
  r.post('/api/community/rooms/:roomId/control', { config: signedIn, schema: { tags, summary: 'Host controls: mute, remove, lock, end', params: roomParams, body: roomControlSchema, response: withErrors({ 200: roomSchema }) }, handler: (req) => controlRoom(authed(req), req.params.roomId, req.body) });
  r.get('/api/community/rooms/:roomId/transcript', { config: signedIn, schema: { tags, summary: "The room's transcript, when its settings keep one", params: roomParams, response: withErrors({ 200: roomTranscriptSchema }) }, handler: (req) => roomTranscript(authed(req), req.params.roomId) });
}
