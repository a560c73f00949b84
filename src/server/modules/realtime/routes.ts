import type { FastifyInstance } from 'fastify';
import { userChannel, type RealtimeEvent } from '../../platform/realtime.js';
import { authed } from '../../platform/http.js';
import { AppError } from '../../platform/errors.js';

const HEARTBEAT_MS = 25_000;

/**
 * One socket per open tab. It hears everything published to its user's channel; a sign-out
 * publishes `session.ended`, which closes that session's sockets in every instance.
 */
export async function realtimeRoutes(app: FastifyInstance): Promise<void> {
  app.get(
    '/api/ws',
    {
      websocket: true,
      config: { access: 'signed_in' },
      schema: { tags: ['realtime'], summary: 'Live events for the signed-in user (WebSocket)' },
      // A page on another site must not open a socket with this user's cookie.
      preValidation: async (req) => {
        const origin = req.headers.origin;
        if (origin && new URL(origin).host !== req.headers.host) throw new AppError('auth.forbidden', 'Cross-site socket refused.');
      },
    },
    (socket, req) => {
      const ctx = authed(req);
      const actor = ctx.actor;
      const send = (event: RealtimeEvent) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(event));
      };
      const unsubscribe = ctx.realtime.subscribe(userChannel(actor.userId), (event) => {
        if (event.type === 'session.ended') {
          // '*': every session of the person ended (their role changed, or their data was erased).
          if (event.sessionId === actor.sessionId || event.sessionId === '*') socket.close(4401, 'signed out');
          return;
        }
        send(event);
      });
      const heartbeat = setInterval(() => socket.ping(), HEARTBEAT_MS);
      heartbeat.unref();
      socket.on('message', (raw: Buffer) => {
        // The only message a client sends is a ping of its own, to learn the socket is alive.
        if (raw.toString() === 'ping') send({ type: 'pong' });
      });
      socket.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      send({ type: 'ready', userId: actor.userId });
    },
  );
}
