import type { FastifyInstance } from 'fastify';
import {
  markReadSchema,
  messagePageQuerySchema,
  messagePageSchema,
  readReceiptSchema,
  sendMessageSchema,
  sentMessageSchema,
  threadListSchema,
  threadParams,
  threadSchema,
  unreadSummarySchema,
} from '../../../shared/schemas/messaging.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { getParticipantThread } from './get-participant-thread.js';
import { joinThread } from './join-thread.js';
import { leaveThread } from './leave-thread.js';
import { listMessages } from './list-messages.js';
import { listThreads, unreadSummary } from './list-threads.js';
import { markRead } from './mark-read.js';
import { sendMessage } from './send-message.js';

const tags = ['messaging'];

// Who may use a conversation is the access policy's ('messages' category) plus membership: the
// participant and their peer worker are members; a supervisor reads only after joining. So each
// route is open to any signed-in user and the use case asks about the thread.
export async function messagingRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/threads', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "The caller's conversations, most recent first: participant, the others in it, the last message's start and the unread count",
      response: withErrors({ 200: threadListSchema }),
    },
    handler: (req) => listThreads(authed(req)),
  });

  r.get('/api/threads/unread', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Unread messages across the caller’s conversations (the badge)', response: withErrors({ 200: unreadSummarySchema }) },
    handler: (req) => unreadSummary(authed(req)),
  });

  r.get('/api/participants/:id/thread', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'The participant’s conversation with their peer worker, started on first use; members follow the current assignment',
      params: idParams,
      response: withErrors({ 200: threadSchema }),
    },
    handler: (req) => getParticipantThread(authed(req), req.params.id),
  });

  r.get('/api/threads/:id/messages', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'A page of the conversation, newest page first (oldest first within it); `before` pages back. Members only.',
      params: threadParams,
      querystring: messagePageQuerySchema,
      response: withErrors({ 200: messagePageSchema }),
    },
    handler: (req) => listMessages(authed(req), req.params.id, req.query),
  });

  r.post('/api/threads/:id/messages', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary:
        'Send a message (201; 200 when the same clientId was sent before). A participant’s message with crisis language raises an urgent alert and the answer carries crisis resources.',
      params: threadParams,
      body: sendMessageSchema,
      response: withErrors({ 200: sentMessageSchema, 201: sentMessageSchema }),
    },
    handler: async (req, reply) => {
      const { created, sent } = await sendMessage(authed(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(sent);
    },
  });

  r.post('/api/threads/:id/read', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Read receipt: the caller has read up to this message (only ever moves forward); the others hear of it',
      params: threadParams,
      body: markReadSchema,
      response: withErrors({ 200: readReceiptSchema }),
    },
    handler: (req) => markRead(authed(req), req.params.id, req.body),
  });

  r.post('/api/threads/:id/join', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'A supervisor of the program joins the conversation for a handover (audited)', params: threadParams, response: withErrors({ 200: threadSchema }) },
    handler: (req) => joinThread(authed(req), req.params.id),
  });

  r.post('/api/threads/:id/leave', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Leave a conversation joined for a handover (the participant and their peer worker stay in theirs)',
      params: threadParams,
      response: withErrors({ 200: threadSchema }),
    },
    handler: (req) => leaveThread(authed(req), req.params.id),
  });
}
