import { and, eq } from 'drizzle-orm';
import type { Role } from '../../../shared/schemas/tenancy.js';
import { resourceServices } from '../../db/schema/index.js';
import { notFound } from '../../platform/errors.js';
import type { Actor, AuthedContext, RequestContext } from '../../platform/context.js';
import type { Directory } from './directory-store.js';

/**
 * The directory is the organization's shared knowledge: everyone signed in to it may search and
 * read it (participants too, tips included); the staff who work with people keep it up to date.
 */
export const DIRECTORY_EDITORS: readonly Role[] = ['peer_worker', 'supervisor', 'org_admin'];

export const editsDirectory = (actor: Actor) => actor.memberships.some((m) => DIRECTORY_EDITORS.includes(m.role));
export const refersParticipants = (actor: Actor) => actor.memberships.some((m) => m.role === 'peer_worker');

export const directoryOf = (ctx: AuthedContext | (RequestContext & { actor: Actor })): Directory => ({ db: ctx.db, organizationId: ctx.actor.organizationId });

/** The service's search row in the actor's organization, or 404. */
export async function requireService(ctx: AuthedContext, id: string) {
  const [row] = await ctx.db
    .select()
    .from(resourceServices)
    .where(and(eq(resourceServices.organizationId, ctx.actor.organizationId), eq(resourceServices.id, id)));
  if (!row) throw notFound('resource.not_found', 'That resource');
  return row;
}

