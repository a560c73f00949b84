import type { ResourceTip } from '../../../shared/schemas/resources.js';
import { resourceTips } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { requireService } from './resource-access.js';

/** A tip for everyone in the organization ("bring two IDs"); it stays here, never in an export or the public API. */
export async function addTip(ctx: AuthedContext, serviceId: string, body: string): Promise<ResourceTip> {
  await requireService(ctx, serviceId);
  return inTransaction(ctx, async (tx) => {
    const [tip] = await tx.db
      .insert(resourceTips)
      .values({ organizationId: ctx.actor.organizationId, serviceId, authorId: ctx.actor.userId, body })
      .returning();
    await recordAudit(tx, { action: 'resource_tip.create', resourceType: 'resource', resourceId: serviceId, details: { tipId: tip!.id } });
    return { id: tip!.id, body: tip!.body, author: { id: ctx.actor.userId, displayName: ctx.actor.displayName }, createdAt: tip!.createdAt.toISOString() };
  });
}
