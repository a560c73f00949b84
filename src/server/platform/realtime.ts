import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';

/**
 * Live events to people's open tabs. A channel is `user:<id>`: every socket of that user listens.
 *
 * On the embedded database there is one process, so an in-process emitter is the whole story. On
 * PostgreSQL several instances share the database, so every publish goes through NOTIFY and each
 * instance's one LISTEN connection hands it to the sockets it holds: two or twenty instances
 * behave as one.
 */
export interface RealtimeEvent {
  type: string;
  [key: string]: unknown;
}

export interface Realtime {
  publish(channel: string, event: RealtimeEvent): Promise<void>;
  subscribe(channel: string, handler: (event: RealtimeEvent) => void): () => void;
  close(): Promise<void>;
}

export const userChannel = (userId: string) => `user:${userId}`;

const PG_CHANNEL = 'peerpath_events';
// NOTIFY payloads are limited to 8000 bytes; events carry ids and short previews, never whole records.
const MAX_PAYLOAD = 7_900;

class LocalFanOut {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(0);
  }
  deliver(channel: string, event: RealtimeEvent): void {
    this.emitter.emit(channel, event);
  }
  subscribe(channel: string, handler: (event: RealtimeEvent) => void): () => void {
    this.emitter.on(channel, handler);
    return () => this.emitter.off(channel, handler);
  }
}

export function createLocalRealtime(): Realtime {
  const local = new LocalFanOut();
  return {
    async publish(channel, event) {
      local.deliver(channel, event);
    },
    subscribe: (channel, handler) => local.subscribe(channel, handler),
    async close() {},
  };
}

export async function createPostgresRealtime(opts: { url: string; pool: pg.Pool; logger: FastifyBaseLogger }): Promise<Realtime> {
  const local = new LocalFanOut();
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: opts.url });
    c.on('notification', (msg) => {
      if (msg.channel !== PG_CHANNEL || !msg.payload) return;
      try {
        const { channel, event } = JSON.parse(msg.payload) as { channel: string; event: RealtimeEvent };
        local.deliver(channel, event);
      } catch (err) {
        opts.logger.warn({ err }, 'unreadable realtime notification');
      }
    });
    // When the database restarts, listen again once it is back.
    c.on('error', (err) => {
      opts.logger.warn({ err }, 'realtime listener lost its connection; reconnecting');
      scheduleReconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${PG_CHANNEL}`);
    client = c;
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    void client?.end().catch(() => {});
    client = undefined;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(() => scheduleReconnect());
    }, 1_000);
    retry.unref();
  };

  await connect();
  return {
    async publish(channel, event) {
      const payload = JSON.stringify({ channel, event });
      if (Buffer.byteLength(payload) > MAX_PAYLOAD) throw new Error(`realtime event too large for NOTIFY (${event.type})`);
      await opts.pool.query('select pg_notify($1, $2)', [PG_CHANNEL, payload]);
    },
    subscribe: (channel, handler) => local.subscribe(channel, handler),
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
