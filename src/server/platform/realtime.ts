import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { PGlite } from '@electric-sql/pglite';
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
  /**
   * The database's notices that a user's sessions, account or memberships changed (migration
   * 0014's triggers), handed to the session cache; `live(false)` while notices cannot arrive.
   */
  watchActorChanges(watcher: ActorChangeWatcher): () => void;
  close(): Promise<void>;
}

export interface ActorChangeWatcher {
  changed(userId: string): void;
  live(live: boolean): void;
}

const ACTOR_CHANNEL = 'peerpath_actor_changed';

/** The watchers of one realtime, told of every notice and of whether notices can arrive. */
class ActorWatchers {
  private readonly watchers = new Set<ActorChangeWatcher>();
  private isLive = false;
  add(watcher: ActorChangeWatcher): () => void {
    this.watchers.add(watcher);
    watcher.live(this.isLive);
    return () => {
      this.watchers.delete(watcher);
      watcher.live(false);
    };
  }
  changed(userId: string): void {
    for (const w of this.watchers) w.changed(userId);
  }
  live(live: boolean): void {
    this.isLive = live;
    for (const w of this.watchers) w.live(live);
  }
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

/**
 * One process. Given the embedded database, its notices arrive before the statement that caused
 * them returns; without one (a test's shared realtime), there are none and sessions are not cached.
 */
export async function createLocalRealtime(pglite?: PGlite): Promise<Realtime> {
  const local = new LocalFanOut();
  const watchers = new ActorWatchers();
  const unlisten = pglite ? await pglite.listen(ACTOR_CHANNEL, (userId) => watchers.changed(userId)) : undefined;
  watchers.live(unlisten !== undefined);
  return {
    async publish(channel, event) {
      local.deliver(channel, event);
    },
    subscribe: (channel, handler) => local.subscribe(channel, handler),
    watchActorChanges: (watcher) => watchers.add(watcher),
    async close() {
      watchers.live(false);
      await unlisten?.().catch(() => {});
    },
  };
}

export async function createPostgresRealtime(opts: { url: string; pool: pg.Pool; logger: FastifyBaseLogger }): Promise<Realtime> {
  const local = new LocalFanOut();
  const watchers = new ActorWatchers();
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: opts.url });
    c.on('notification', (msg) => {
      if (msg.channel === ACTOR_CHANNEL && msg.payload) return watchers.changed(msg.payload);
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
      watchers.live(false);
      opts.logger.warn({ err }, 'realtime listener lost its connection; reconnecting');
      scheduleReconnect();
    });
    await c.connect();
    await c.query(`LISTEN ${PG_CHANNEL}; LISTEN ${ACTOR_CHANNEL}`);
    client = c;
    watchers.live(true);
  };

  const scheduleReconnect = () => {
    watchers.live(false);
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
    watchActorChanges: (watcher) => watchers.add(watcher),
    async close() {
      closed = true;
      watchers.live(false);
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => {});
    },
  };
}
