import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { installErrorHandling, installRequestContext, serializeRequestForLog } from './platform/http.js';
import { journalCipherFor } from './platform/crypto.js';
import { createMailer, type Mailer } from './platform/mail.js';
import { createLocalRealtime, createPostgresRealtime, type Realtime } from './platform/realtime.js';
import { SessionCache } from './platform/auth/session-cache.js';
import websocket from '@fastify/websocket';
import { typed } from './platform/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { participantRoutes } from './modules/participants/routes.js';
import { auditRoutes } from './modules/audit/routes.js';
import { realtimeRoutes } from './modules/realtime/routes.js';
import { assessmentRoutes } from './modules/assessments/routes.js';
import { checkInRoutes } from './modules/checkins/routes.js';
import { journalRoutes } from './modules/journal/routes.js';
import { safetyPlanRoutes } from './modules/safety-plan/routes.js';
import { goalRoutes } from './modules/goals/routes.js';
import { copingRoutes } from './modules/coping/routes.js';
import { milestoneRoutes } from './modules/milestones/routes.js';
import { notificationRoutes } from './modules/notifications/routes.js';
import { resourceRoutes } from './modules/resources/routes.js';
import { referralRoutes } from './modules/referrals/routes.js';
import { communityRoutes } from './modules/community/routes.js';
import { consentRoutes } from './modules/consents/routes.js';
import { fhirRoutes } from './modules/fhir/routes.js';
import { integrationRoutes } from './modules/integrations/routes.js';
import { outcomeRoutes } from './modules/outcomes/routes.js';
import { meetingRoutes } from './modules/meetings/routes.js';
import { groupRoutes } from './modules/groups/routes.js';
import { noteRoutes } from './modules/notes/routes.js';
import { appointmentRoutes } from './modules/appointments/routes.js';
import { messagingRoutes } from './modules/messaging/routes.js';
import { matchingRoutes } from './modules/matching/routes.js';
import { caseloadRoutes } from './modules/caseload/routes.js';
import { alertRoutes } from './modules/alerts/routes.js';
import { taskRoutes } from './modules/tasks/routes.js';
import { privacyRoutes } from './modules/privacy/routes.js';
import { workforceRoutes } from './modules/workforce/routes.js';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

declare module 'fastify' {
  interface FastifyInstance {
    /** The instance's live-event fan-out, for jobs and tools that publish outside a request. */
    realtime: Realtime;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  mailer?: Mailer;
  /** Shared by the instances of one test; otherwise built here from the database. */
  realtime?: Realtime;
  /** Where log lines go (one JSON object per line); standard output when absent. Tests capture it. */
  logStream?: { write(line: string): void };
}

/** Builds the whole app without listening: the server and the tests (app.inject) use the same one. */
export async function buildApp({ config, database, mailer, realtime: givenRealtime, logStream }: AppDeps): Promise<FastifyInstance> {
  // First: a missing journal key stops here, before anything listens.
  const journalCipher = journalCipherFor(config);
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // Session cookies and CSRF tokens never reach the log.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      // Secrets that travel in the path (invitation tokens, invite codes, calendar feed tokens) are masked.
      serializers: { req: serializeRequestForLog },
      ...(logStream && { stream: logStream }),
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 300 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Helmet's headers. Nothing in them varies by request (no nonces), so they are worked out once
  // (the Fastify plugin reruns helmet's middleware on every request) and set with the reply's own.
  const securityHeaders = headersOf(helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
    referrerPolicy: { policy: 'no-referrer' },
  }));
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(cookie);
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Peerpath API',
        version: '0.1.0',
        description:
          'Peer support in addiction recovery. Cookie sessions: send the `csrfToken` from GET /api/auth/session as the `x-csrf-token` header on every write.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'peerpath_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  // The OpenAPI document marks every route that needs a session (and so the CSRF token on writes).
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (access === undefined || access === 'public' || !route.url.startsWith('/api/')) return;
    route.schema = { ...(route.schema ?? {}), security: [{ session: [] }] };
  });

  const realtime =
    givenRealtime ??
    (database.kind === 'postgres' && database.url && database.pool
      ? await createPostgresRealtime({ url: database.url, pool: database.pool, logger: app.log })
      : await createLocalRealtime(database.pglite));
  if (!givenRealtime) app.addHook('onClose', () => realtime.close());
  const sessionCache = new SessionCache();
  const stopWatching = realtime.watchActorChanges({ changed: (userId) => sessionCache.forgetUser(userId), live: (live) => sessionCache.setLive(live) });
  app.addHook('onClose', async () => {
    stopWatching();
    sessionCache.close();
  });
  app.decorate('realtime', realtime);

  installErrorHandling(app);
  installRequestContext(app, {
    db: database.db,
    config,
    mailer: mailer ?? createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger: app.log }),
    journalCipher,
    realtime,
  }, sessionCache);

  typed(app).get('/healthz', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: 'Alive, and the database answers',
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }), 503: z.object({ status: z.literal('unavailable') }) },
    },
    handler: async (_req, reply) => {
      try {
        await database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: database.kind };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const });
      }
    },
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(organizationRoutes);
  await app.register(participantRoutes);
  await app.register(auditRoutes);
  await app.register(realtimeRoutes);
  await app.register(assessmentRoutes);
  await app.register(checkInRoutes);
  await app.register(journalRoutes);
  await app.register(safetyPlanRoutes);
  await app.register(goalRoutes);
  await app.register(copingRoutes);
  await app.register(milestoneRoutes);
  await app.register(notificationRoutes);
  await app.register(meetingRoutes);
  await app.register(groupRoutes);
  await app.register(noteRoutes);
  await app.register(appointmentRoutes);
  await app.register(messagingRoutes);
  await app.register(matchingRoutes);
  await app.register(caseloadRoutes);
  await app.register(alertRoutes);
  await app.register(taskRoutes);
  await app.register(privacyRoutes);
  await app.register(workforceRoutes);
  await app.register(resourceRoutes);
  await app.register(referralRoutes);
  await app.register(communityRoutes);
  await app.register(consentRoutes);
  await app.register(fhirRoutes);
  await app.register(integrationRoutes);
  await app.register(outcomeRoutes);

  await serveWeb(app);
  return app;
}

/**
 * The built React app. Files are looked up at request time (a rebuild while running is picked up);
 * every other non-API path answers index.html, so client routes load directly.
 */
async function serveWeb(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, { root: webRoot, serve: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    const urlPath = decodeURIComponent(req.url.split('?')[0]!);
    if (urlPath.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'route.not_found', message: `There is no ${req.method} ${urlPath}.`, requestId: req.id } });
    }
    const file = path.resolve(webRoot, `.${urlPath}`);
    if (file.startsWith(webRoot + path.sep) && existsSync(file) && statSync(file).isFile()) {
      // Vite names built assets by content hash: they never change, so browsers may keep them.
      const immutable = urlPath.startsWith('/assets/');
      return reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache').sendFile(path.relative(webRoot, file));
    }
    if (!existsSync(path.join(webRoot, 'index.html'))) {
      return reply.status(503).send({ error: { code: 'server.error', message: 'The web app is not built yet: run `npm run build`.', requestId: req.id } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

/** The headers a request-independent middleware (helmet's) sets, read once from a stand-in response. */
function headersOf(middleware: (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let failed: unknown;
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (err) => (failed = err));
  if (failed) throw failed;
  return headers;
}
