import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { newSearchPlaceSchema, searchPlaceSchema } from '../../../shared/schemas/resources.js';
import { programs, resourceSearchPlaces } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import type { Origin } from './search-services.js';

type SearchPlace = z.infer<typeof searchPlaceSchema>;

const view = (p: typeof resourceSearchPlaces.$inferSelect): SearchPlace => ({ id: p.id, name: p.name, latitude: p.latitude, longitude: p.longitude, programId: p.programId });

/** The organization's named points to search from (a program's office). */
export async function listSearchPlaces(ctx: AuthedContext): Promise<SearchPlace[]> {
  const rows = await ctx.db.select().from(resourceSearchPlaces).where(eq(resourceSearchPlaces.organizationId, ctx.actor.organizationId)).orderBy(asc(resourceSearchPlaces.name));
  return rows.map(view);
}

export async function addSearchPlace(ctx: AuthedContext, input: z.infer<typeof newSearchPlaceSchema>): Promise<SearchPlace> {
  if (input.programId) {
    const [p] = await ctx.db.select({ id: programs.id }).from(programs).where(and(eq(programs.id, input.programId), eq(programs.organizationId, ctx.actor.organizationId)));
    if (!p) throw notFound('program.not_found', 'That program');
  }
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(resourceSearchPlaces)
      .values({ organizationId: ctx.actor.organizationId, programId: input.programId ?? null, name: input.name, latitude: input.latitude, longitude: input.longitude })
      .returning();
    await recordAudit(tx, { action: 'resource_place.create', resourceType: 'resource_place', resourceId: row!.id });
    return view(row!);
  });
}

/** A search's origin: a named place of this organization, or a point. */
export async function resolveOrigin(ctx: AuthedContext, q: { placeId?: string; lat?: number; lon?: number }): Promise<Origin | null> {
  if (q.placeId) {
    const [p] = await ctx.db
      .select()
      .from(resourceSearchPlaces)
      .where(and(eq(resourceSearchPlaces.id, q.placeId), eq(resourceSearchPlaces.organizationId, ctx.actor.organizationId)));
    if (!p) throw notFound('resource.not_found', 'That place');
    return { latitude: p.latitude, longitude: p.longitude, name: p.name };
  }
  return q.lat !== undefined && q.lon !== undefined ? { latitude: q.lat, longitude: q.lon, name: null } : null;
}
