import { and, eq, sql } from 'drizzle-orm';
import type { ServiceDetail } from '../../../shared/schemas/resources.js';
import { hsdsRecords, resourceServices } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { directoryTimeZone, indexServices } from './directory-store.js';
import { getServiceDetail } from './get-service.js';
import { localDate } from '../../../shared/milestones.js';
import { directoryOf, requireService } from './resource-access.js';

/**
 * "I called them, it is still right": clears the six-month flag. A local resource also carries
 * the date as its HSDS assured_date; an imported one keeps its source's and we note ours beside it.
 */
export async function verifyService(ctx: AuthedContext, id: string): Promise<ServiceDetail> {
  const row = await requireService(ctx, id);
  await inTransaction(ctx, async (tx) => {
    const dir = directoryOf({ ...tx, actor: ctx.actor });
    await tx.db
      .update(resourceServices)
      .set({ verifiedAt: new Date(), verifiedBy: ctx.actor.userId })
      .where(and(eq(resourceServices.organizationId, dir.organizationId), eq(resourceServices.id, id)));
    if (row.local) {
      const today = localDate(new Date(), await directoryTimeZone(dir));
      await tx.db
        .update(hsdsRecords)
        .set({ record: sql`jsonb_set(${hsdsRecords.record}, '{assured_date}', to_jsonb(${today}::text))`, updatedAt: new Date() })
        .where(and(eq(hsdsRecords.organizationId, dir.organizationId), eq(hsdsRecords.tableName, 'service'), eq(hsdsRecords.id, id)));
      await indexServices(dir, [id]);
    }
    await recordAudit(tx, { action: 'resource.verify', resourceType: 'resource', resourceId: id });
  });
  return getServiceDetail(ctx, id);
}
