import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  checkEmailSchema,
  inviteCodeInputSchema,
  inviteCodeSchema,
  joinInfoSchema,
  setInviteCodeSchema,
  signUpSchema,
} from '../../../shared/schemas/sign-up.js';
import { sessionSchema } from '../../../shared/schemas/auth.js';
import { createSession, resolveSession } from '../../platform/auth/sessions.js';
import { authed } from '../../platform/http.js';
import { idParams, setSessionCookie, typed, withErrors } from '../../platform/routes.js';
import { SIGN_IN_PER_MINUTE } from '../auth/routes.js';
import { describeSession } from '../auth/sign-in.js';
import { getInviteCode, setInviteCode } from './invite-code.js';
import { describeInviteCode, signUpWithInviteCode } from './sign-up.js';

// Per client address, like sign-in: enough for a group signing up together on one network.
const signUpRateLimit = { max: SIGN_IN_PER_MINUTE, timeWindow: '1 minute' };

/** Self-sign-up with a program's invite code, and the org admin's control of that code. */
export async function selfSignUpRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/auth/sign-up/:code', {
    config: { access: 'public', rateLimit: signUpRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Where an invite code lets someone join',
      params: z.object({ code: inviteCodeInputSchema }),
      response: withErrors({ 200: joinInfoSchema }),
    },
    handler: (req) => describeInviteCode(req.ctx, req.params.code),
  });

  r.post('/api/auth/sign-up', {
    config: { access: 'public', rateLimit: signUpRateLimit },
    schema: {
      tags: ['auth'],
      summary: 'Sign myself up to a program with its invite code, and sign in (202 without a session: check your email)',
      body: signUpSchema,
      response: withErrors({ 200: sessionSchema, 202: checkEmailSchema }),
    },
    handler: async (req, reply) => {
      const outcome = await signUpWithInviteCode(req.ctx, req.body);
      if (!outcome.created) return reply.status(202).send({ checkEmail: true as const });
      const userAgent = typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null;
      const session = await createSession(req.ctx.db, req.ctx.config, outcome.userId, { ip: req.ip ?? null, userAgent });
      setSessionCookie(reply, req.ctx.config, session);
      const resolved = await resolveSession(req.ctx.db, req.ctx.config, session.token);
      return reply.status(200).send(await describeSession(req.ctx, resolved!.actor, session.csrfToken));
    },
  });

  r.get('/api/admin/programs/:id/invite-code', {
    config: { access: ['org_admin'] },
    schema: { tags: ['organization'], summary: "A program's self-sign-up code", params: idParams, response: withErrors({ 200: inviteCodeSchema }) },
    handler: (req) => getInviteCode(authed(req), req.params.id),
  });

  r.put('/api/admin/programs/:id/invite-code', {
    config: { access: ['org_admin'] },
    schema: {
      tags: ['organization'],
      summary: 'Turn self-sign-up on with a fresh code (the old one stops working), or off',
      params: idParams,
      body: setInviteCodeSchema,
      response: withErrors({ 200: inviteCodeSchema }),
    },
    handler: (req) => setInviteCode(authed(req), req.params.id, req.body.enabled),
  });
}
