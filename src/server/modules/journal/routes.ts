import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createJournalEntrySchema,
  journalEntrySchema,
  journalListQuerySchema,
  journalPageSchema,
  updateJournalEntrySchema,
} from '../../../shared/schemas/journal.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { getJournalEntry, listJournalEntries } from './read-journal.js';
import { createJournalEntry, updateJournalEntry } from './write-journal.js';

const tags = ['journal'];
const entryParams = z.object({ id: uuidSchema, entryId: uuidSchema });

/**
 * The participant's private journal, encrypted at rest. The participant reads and writes it; their
 * assigned peer worker reads only the entries shared with them; nobody else reads it at all.
 */
export async function journalRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/participants/:id/journal', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Journal entries I may read, newest first (a peer worker sees only the shared ones)',
      params: idParams,
      querystring: journalListQuerySchema,
      response: withErrors({ 200: journalPageSchema }),
    },
    handler: (req) => listJournalEntries(authed(req), req.params.id, req.query),
  });

  r.post('/api/participants/:id/journal', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Write a journal entry (private unless shared)', params: idParams, body: createJournalEntrySchema, response: withErrors({ 201: journalEntrySchema }) },
    handler: async (req, reply) => reply.status(201).send(await createJournalEntry(authed(req), req.params.id, req.body)),
  });

  r.get('/api/participants/:id/journal/:entryId', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'One journal entry', params: entryParams, response: withErrors({ 200: journalEntrySchema }) },
    handler: (req) => getJournalEntry(authed(req), req.params.id, req.params.entryId),
  });

  r.patch('/api/participants/:id/journal/:entryId', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Change the text of an entry, or share it with the peer worker, or make it private again',
      params: entryParams,
      body: updateJournalEntrySchema,
      response: withErrors({ 200: journalEntrySchema }),
    },
    handler: (req) => updateJournalEntry(authed(req), req.params.id, req.params.entryId, req.body),
  });
}
