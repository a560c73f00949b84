import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { installErrorHandling, installRequestContext } from './platform/http.js';
import { createMailer, type Mailer } from './platform/mail.js';
import { typed } from './platform/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { organizationRoutes } from './modules/organizations/routes.js';
import { participantRoutes } from './modules/participants/routes.js';
import { auditRoutes } from './modules/audit/routes.js';

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export interface AppDeps {
  config: Config;
  database: Database;
  mailer?: Mailer;
}

/** Builds the whole app without listening: the server and the tests (app.inject) use the same one. */
export async function buildApp({ config, database, mailer }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      // Session cookies and CSRF tokens never reach the log.
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 300 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
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
  });
  await app.register(cookie);
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

  installErrorHandling(app);
  installRequestContext(app, {
    db: database.db,
    config,
    mailer: mailer ?? createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, logger: app.log }),
  });

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

  await serveWeb(app);
  return app;
}

/** The built React app, with every non-API path answering index.html so client routes load directly. */
async function serveWeb(app: FastifyInstance): Promise<void> {
  if (!existsSync(path.join(webRoot, 'index.html'))) return;
  await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, (req, reply) => {
    if (req.url.startsWith('/api/')) {
      return reply.status(404).send({ error: { code: 'route.not_found', message: `There is no ${req.method} ${req.url.split('?')[0]}.`, requestId: req.id } });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
