import { desc, eq } from 'drizzle-orm';
import { resourceImports, users } from '../../db/schema/index.js';
import type { AuthedContext } from '../../platform/context.js';

/** The organization's last imports, newest first, with who ran them. */
export async function listImports(ctx: AuthedContext) {
  const rows = await ctx.db
    .select({ row: resourceImports, by: users.displayName })
    .from(resourceImports)
    .leftJoin(users, eq(users.id, resourceImports.actorUserId))
    .where(eq(resourceImports.organizationId, ctx.actor.organizationId))
    .orderBy(desc(resourceImports.createdAt))
    .limit(20);
  return rows.map(({ row, by }) => ({
    id: row.id,
    format: row.format,
    source: row.source,
    imported: row.imported,
    updated: row.updated,
    unchanged: row.unchanged,
    rejected: row.rejected,
    createdAt: row.createdAt.toISOString(),
    by: by ?? null,
  }));
}
