import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Role } from '../../shared/schemas/tenancy.js';
import type { ErrorBody } from '../../shared/schemas/errors.js';
import { AppError, type FieldError } from './errors.js';
import { hasRole, type AuthedContext, type RequestContext } from './context.js';
import { resolveSession, SESSION_COOKIE } from './auth/sessions.js';
import type { SessionCache } from './auth/session-cache.js';
import { safeEqual } from './auth/tokens.js';

/**
 * Every route declares who may call it. 'public' needs nobody; 'signed_in' any signed-in user;
 * a list of roles any of them (in any program). Finer rules (which participant) are the access
 * policy's, asked by the service.
 */
export type RouteAccess = 'public' | 'signed_in' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    ctx: RequestContext;
    csrfToken: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installRequestContext(
  app: FastifyInstance,
  base: Omit<RequestContext, 'actor' | 'requestId' | 'ip'>,
  sessionCache?: SessionCache,
): void {
  app.decorateRequest('ctx', null as unknown as RequestContext);
  app.decorateRequest('csrfToken', null);

  app.addHook('onRequest', async (req) => {
    req.ctx = { ...base, actor: null, requestId: req.id, ip: req.ip ?? null };
    const token = req.cookies?.[SESSION_COOKIE];
    if (!token || !req.url.startsWith('/api/')) return;
    const session = await resolveSession(base.db, base.config, token, sessionCache);
    if (session) {
      req.ctx.actor = session.actor;
      req.csrfToken = session.csrfToken;
      // A write on a signed-in route is refused without the session's CSRF token before its body is
      // even read or validated.
      const access = req.routeOptions.config?.access;
      if (access !== undefined && access !== 'public' && !SAFE_METHODS.has(req.method)) checkCsrf(req);
    }
  });

  // PostgreSQL text cannot hold a NUL character: refuse it up front, naming the field, rather than
  // failing inside the database with a 500 (found by test/api/fuzz.test.ts).
  app.addHook('preValidation', async (req) => {
    const found = [nulPath(req.body, 'body'), nulPath(req.query, 'querystring'), nulPath(req.params, 'params')].find(Boolean);
    if (found) throw new AppError('validation.failed', `Please check: ${found}.`, [{ path: found, message: 'contains a NUL character' }]);
  });

  // Runs after body validation, so bad input is a 400 naming the field even before sign-in checks.
  app.addHook('preHandler', async (req) => {
    const access = req.routeOptions.config?.access;
    if (access === undefined) {
      if (req.url.startsWith('/api/') && req.routeOptions.url?.startsWith('/api/') && !req.routeOptions.url.startsWith('/api/docs')) {
        // A route without a declared access rule is a bug: refuse rather than guess.
        throw new AppError('auth.forbidden', 'This route has no access rule.');
      }
      return;
    }
    if (access === 'public') return;
    const actor = req.ctx.actor;
    if (!actor) throw new AppError('auth.required', 'Please sign in.');
    if (!SAFE_METHODS.has(req.method)) checkCsrf(req);
    if (access !== 'signed_in' && !access.some((role) => hasRole(actor, role))) {
      throw new AppError('auth.forbidden', 'Your role does not allow this.');
    }
  });
}

function checkCsrf(req: FastifyRequest): void {
  const sent = req.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !req.csrfToken || !safeEqual(sent, req.csrfToken)) {
    throw new AppError('auth.csrf_failed', 'This request is missing its security token. Reload the page and try again.');
  }
}

// Path segments that are secrets: invitation tokens, self-sign-up codes, calendar feed tokens.
const SECRET_IN_PATH = /^(\/api\/(?:auth\/invitations|auth\/sign-up|calendar|group-calendars)\/)(?!accept(?:$|[/?]))[^/?]+/;

/** A request's URL as the log may show it: secret path segments and query values masked. */
export function redactUrlForLog(url: string): string {
  const [pathPart, query] = [url.split('?')[0]!, url.includes('?') ? url.slice(url.indexOf('?') + 1) : undefined];
  const masked = pathPart.replace(SECRET_IN_PATH, '$1[redacted]');
  if (query === undefined) return masked;
  return `${masked}?${query.replace(/(^|&)(token|code|key|secret)=[^&]*/gi, '$1$2=[redacted]')}`;
}

/** The logger's view of a request: no headers, and the URL without secrets. */
export function serializeRequestForLog(req: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return { method: req.method, url: redactUrlForLog(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** The path of the first string (or key) holding a NUL character, or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 64) return null;
  for (const [key, inner] of Object.entries(value)) {
    const here = `${path}.${key}`;
    if (key.includes('\u0000')) return here;
    const found = nulPath(inner, here, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The context of a route that declared a non-public access rule. */
export function authed(req: FastifyRequest): AuthedContext {
  if (!req.ctx.actor) throw new AppError('auth.required', 'Please sign in.');
  return req.ctx as AuthedContext;
}

function body(req: FastifyRequest, code: string, message: string, fields?: FieldError[]): ErrorBody {
  return { error: { code, message, requestId: req.id, ...(fields ? { fields } : {}) } };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return reply.status(err.status).send(body(req, err.code, err.message, err.fields));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields = err.validation.map((v) => ({
        path: [where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'is not valid',
      }));
      return reply.status(400).send(body(req, 'validation.failed', `Please check: ${fields.map((f) => f.path).join(', ')}.`, fields));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.status(500).send(body(req, 'server.error', 'Something went wrong on our side. It has been logged.'));
    }
    const status = err.statusCode ?? 500;
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.status(413).send(body(req, 'request.too_large', 'The request is too large.'));
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(body(req, 'request.unsupported_media_type', 'Send JSON (Content-Type: application/json).'));
    }
    if (status === 429) return reply.status(429).send(body(req, 'rate.limited', 'Too many attempts. Please wait a little and try again.'));
    if (status >= 400 && status < 500) {
      return reply.status(status).send(body(req, 'request.malformed', 'The request could not be read. Check that it is valid JSON.'));
    }
    if (isDatabaseDown(err)) {
      req.log.error({ err }, 'database unavailable');
      return reply.status(503).send(body(req, 'database.unavailable', 'The database is not reachable right now. Please try again shortly.'));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body(req, 'server.error', 'Something went wrong on our side. It has been logged.'));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.status(404).send(body(req, 'route.not_found', `There is no ${req.method} ${req.url.split('?')[0]}.`));
  });
}

function isDatabaseDown(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === 'ECONNRESET';
}
