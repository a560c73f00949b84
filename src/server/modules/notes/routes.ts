import type { FastifyInstance } from 'fastify';
import { createNoteSchema, noteHistorySchema, noteListQuery, noteListSchema, noteSchema, updateNoteSchema } from '../../../shared/schemas/notes.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { createNote } from './create-note.js';
import { listNotes } from './list-notes.js';
import { noteHistory } from './note-history.js';
import { updateNote } from './update-note.js';

const tags = ['contact notes'];

// Who may read or write a participant's notes is the access policy's ('contact_notes': the assigned
// peer worker writes, their supervisor reads, the participant does not see them). Each use case asks it.
export async function noteRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.post('/api/participants/:id/notes', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Write a contact note (the assigned peer worker); a follow-up date puts a task on their list',
      params: idParams,
      body: createNoteSchema,
      response: withErrors({ 201: noteSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await createNote(authed(req), req.params.id, req.body)),
  });

  r.get('/api/participants/:id/notes', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "A participant's contact notes, newest contact first, a page at a time",
      params: idParams,
      querystring: noteListQuery,
      response: withErrors({ 200: noteListSchema }),
    },
    handler: (req) => listNotes(authed(req), req.params.id, req.query),
  });

  r.patch('/api/notes/:id', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Edit a note (its author); the version it replaces is kept',
      params: idParams,
      body: updateNoteSchema,
      response: withErrors({ 200: noteSchema }),
    },
    handler: (req) => updateNote(authed(req), req.params.id, req.body),
  });

  r.get('/api/notes/:id/versions', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Every version of a note, newest first, with who wrote each and when', params: idParams, response: withErrors({ 200: noteHistorySchema }) },
    handler: (req) => noteHistory(authed(req), req.params.id),
  });
}
