import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Membership, Role } from '../../shared/schemas/tenancy.js';
import type { TextCipher } from './crypto.js';
import type { Mailer } from './mail.js';
import type { Realtime } from './realtime.js';

/** Who is acting. Built once per request from the session; services never look at the request. */
export interface Actor {
  userId: string;
  organizationId: string;
  displayName: string;
  memberships: Membership[];
  /** The participant record this user is, when they are a participant. */
  participantId: string | null;
  sessionId: string;
}

export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  ip: string | null;
  db: Db;
  config: Config;
  mailer: Mailer;
  /** Live events to people's open tabs (in-process, or through PostgreSQL NOTIFY across instances). */
  realtime: Realtime;
  /** Seals and opens journal text; built once in buildApp from the configured keys. */
  journalCipher: TextCipher;
  /** Inside a transaction: queues work (live events) to run once it has committed. */
  afterCommit?: (fn: () => Promise<void> | void) => void;
}

export type AuthedContext = RequestContext & { actor: Actor };

export function hasRole(actor: Actor, role: Role, programId?: string): boolean {
  return actor.memberships.some(
    (m) => m.role === role && (programId === undefined || m.programId === programId || m.programId === null),
  );
}

export function isOrgAdmin(actor: Actor): boolean {
  return actor.memberships.some((m) => m.role === 'org_admin');
}

/** Programs in which the actor holds the role. */
export function programsWithRole(actor: Actor, role: Role): string[] {
  return actor.memberships.filter((m) => m.role === role && m.programId).map((m) => m.programId!);
}

/**
 * Runs fn in one transaction; the context it receives writes through that transaction. Work queued
 * with `afterCommit` runs after the commit, so a live event never announces a row nobody can read yet.
 */
export async function inTransaction<T>(ctx: RequestContext, fn: (tx: RequestContext) => Promise<T>): Promise<T> {
  // Nested: the outermost transaction runs the queued work.
  if (ctx.afterCommit) return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
  const queued: Array<() => Promise<void> | void> = [];
  const result = await ctx.db.transaction(async (tx) =>
    fn({ ...ctx, db: tx as unknown as Db, afterCommit: (work) => void queued.push(work) }),
  );
  for (const work of queued) {
    // The change is committed; a failed notice must not turn it into an error for the person who made it.
    await Promise.resolve()
      .then(work)
      .catch((err: unknown) => process.emitWarning(`after-commit work failed: ${String(err)}`));
  }
  return result;
}

/** Runs work once the surrounding transaction commits, or at once outside a transaction. */
export async function afterCommit(ctx: RequestContext, work: () => Promise<void> | void): Promise<void> {
  if (ctx.afterCommit) ctx.afterCommit(work);
  else await work();
}
