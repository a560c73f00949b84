import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { changeRoleSchema, createProgramSchema, inviteUserSchema, orgUserSchema, programSchema, updateProgramSchema, uuidSchema } from '../../../shared/schemas/tenancy.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { createProgram, listPrograms, updateProgram } from './programs.js';
import { inviteUser, listUsers } from './users.js';
import { changeRole } from './change-role.js';

const tags = ['organization'];

export async function organizationRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/admin/programs', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: "The organization's programs", response: withErrors({ 200: z.object({ programs: z.array(programSchema) }) }) },
    handler: async (req) => ({ programs: await listPrograms(authed(req)) }),
  });

  r.post('/api/admin/programs', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: 'Create a program', body: createProgramSchema, response: withErrors({ 201: programSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createProgram(authed(req), req.body)),
  });

  r.patch('/api/admin/programs/:id', {
    config: { access: ['org_admin'] },
    schema: {
      tags,
      summary: "Rename a program or set its crisis line (shown on every page of its participants; null for the default)",
      params: idParams,
      body: updateProgramSchema,
      response: withErrors({ 200: programSchema }),
    },
    handler: (req) => updateProgram(authed(req), req.params.id, req.body),
  });

  r.get('/api/admin/users', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: 'People with an account in the organization', response: withErrors({ 200: z.object({ users: z.array(orgUserSchema) }) }) },
    handler: async (req) => ({ users: await listUsers(authed(req)) }),
  });

  r.put('/api/admin/users/:id/role', {
    config: { access: ['org_admin'] },
    schema: {
      tags,
      summary: "Change a staff member's role; their sessions end, so they sign in again under the new one",
      params: idParams,
      body: changeRoleSchema,
      response: withErrors({ 200: orgUserSchema }),
    },
    handler: (req) => changeRole(authed(req), req.params.id, req.body),
  });

  r.post('/api/admin/invitations', {
    config: { access: ['org_admin'] },
    schema: {
      tags,
      summary: 'Invite someone by email to a role; they choose their password from the link',
      body: inviteUserSchema,
      response: withErrors({ 201: z.object({ userId: uuidSchema }) }),
    },
    handler: async (req, reply) => reply.status(201).send(await inviteUser(authed(req), req.body)),
  });
}
