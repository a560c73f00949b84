import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  completeTokenSchema,
  invitationInfoSchema,
  okSchema,
  requestPasswordResetSchema,
  sessionSchema,
  signInSchema,
  updateProfileSchema,
} from '../../../shared/schemas/auth.js';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import { createSession, resolveSession } from '../../platform/auth/sessions.js';
import { authed } from '../../platform/http.js';
import { clearSessionCookie, setSessionCookie, typed, withErrors } from '../../platform/routes.js';
import { completeLink, describeInvitation, requestPasswordReset } from './links.js';
import { describeSession, signIn, signOut } from './sign-in.js';
import { checkPasswordStrength } from './password-policy.js';

// Per client address, on top of the per-account lockout. Generous enough for a shared computer lab
// or a treatment centre's one network at the start of a group.
export const SIGN_IN_PER_MINUTE = 20;
const authRateLimit = { max: SIGN_IN_PER_MINUTE, timeWindow: '1 minute' };
const tags = ['auth'];

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  const client = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip ?? null,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });

  r.get('/api/auth/session', {
    config: { access: 'public' },
    schema: { tags, summary: 'Who is signed in, with the CSRF token for writes', response: withErrors({ 200: sessionSchema }) },
    handler: (req) => describeSession(req.ctx, req.ctx.actor, req.csrfToken),
  });

  r.post('/api/auth/sign-in', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: { tags, summary: 'Sign in with email and password', body: signInSchema, response: withErrors({ 200: sessionSchema }) },
    handler: async (req, reply) => {
      const session = await signIn(req.ctx, req.body, client(req), req.ctx.actor?.sessionId);
      setSessionCookie(reply, req.ctx.config, session);
      const resolved = await resolveSession(req.ctx.db, req.ctx.config, session.token);
      return describeSession(req.ctx, resolved!.actor, session.csrfToken);
    },
  });

  r.post('/api/auth/sign-out', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Sign out: the server forgets the session', response: withErrors({ 200: okSchema }) },
    handler: async (req, reply) => {
      await signOut(req.ctx, authed(req).actor);
      clearSessionCookie(reply, req.ctx.config);
      return { ok: true as const };
    },
  });

  r.post('/api/auth/password-reset', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: {
      tags,
      summary: 'Mail a password reset link (answers the same whether or not the email is known)',
      body: requestPasswordResetSchema,
      response: withErrors({ 200: okSchema }),
    },
    handler: async (req) => {
      await requestPasswordReset(req.ctx, req.body.email);
      return { ok: true as const };
    },
  });

  r.post('/api/auth/password-reset/complete', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: { tags, summary: 'Choose a new password with a reset link', body: completeTokenSchema, response: withErrors({ 200: okSchema }) },
    handler: async (req) => {
      checkPasswordStrength(req.body.password);
      await completeLink(req.ctx, 'password_reset', req.body.token, req.body.password);
      return { ok: true as const };
    },
  });

  r.get('/api/auth/invitations/:token', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: {
      tags,
      summary: 'What an invitation link is for',
      params: z.object({ token: z.string().min(20).max(200) }),
      response: withErrors({ 200: invitationInfoSchema }),
    },
    handler: (req) => describeInvitation(req.ctx, req.params.token),
  });

  r.post('/api/auth/invitations/accept', {
    config: { access: 'public', rateLimit: authRateLimit },
    schema: { tags, summary: 'Accept an invitation: choose a password and sign in', body: completeTokenSchema, response: withErrors({ 200: sessionSchema }) },
    handler: async (req, reply) => {
      checkPasswordStrength(req.body.password);
      const userId = await completeLink(req.ctx, 'invitation', req.body.token, req.body.password);
      const session = await createSession(req.ctx.db, req.ctx.config, userId, client(req));
      setSessionCookie(reply, req.ctx.config, session);
      const resolved = await resolveSession(req.ctx.db, req.ctx.config, session.token);
      return describeSession(req.ctx, resolved!.actor, session.csrfToken);
    },
  });

  r.patch('/api/me', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'Change my display name or language', body: updateProfileSchema, response: withErrors({ 200: sessionSchema }) },
    handler: async (req) => {
      const ctx = authed(req);
      if (req.body.displayName !== undefined || req.body.locale !== undefined) {
        await ctx.db.update(users).set(req.body).where(eq(users.id, ctx.actor.userId));
      }
      return describeSession(ctx, { ...ctx.actor, displayName: req.body.displayName ?? ctx.actor.displayName }, req.csrfToken);
    },
  });
}
