import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorBodySchema } from '../../shared/schemas/errors.js';
import type { Config } from '../config.js';
import { SESSION_COOKIE, type NewSession } from './auth/sessions.js';
import { errorStatus } from './errors.js';

export type RouteApp = ReturnType<FastifyInstance['withTypeProvider']> & FastifyInstance<any, any, any, any, ZodTypeProvider>;

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

type ErrorHttpStatus = Exclude<(typeof errorStatus)[keyof typeof errorStatus], 500>;
const statusCodes = [...new Set(Object.values(errorStatus))].filter((s): s is ErrorHttpStatus => s !== 500);

/** The error responses every API route may give, documented once with the codes of each status. */
export function withErrors<T extends Record<number, z.ZodType>>(success: T) {
  const errors = Object.fromEntries(
    statusCodes.map((status) => {
      const codes = Object.entries(errorStatus)
        .filter(([, s]) => s === status)
        .map(([c]) => c);
      return [status, errorBodySchema.describe(`Error codes: ${codes.join(', ')}`)];
    }),
  );
  return { ...errors, ...success } as T & Record<Exclude<ErrorHttpStatus, keyof T>, typeof errorBodySchema>;
}

export const idParams = z.object({ id: z.uuid() });

export function setSessionCookie(reply: FastifyReply, config: Config, session: NewSession): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    expires: session.absoluteExpiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: config.publicUrl.startsWith('https://') });
}
