import { randomUUID } from 'node:crypto';
import type { LocalResource, ServiceDetail } from '../../../shared/schemas/resources.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { deleteRecords, directorySource, directoryTimeZone, indexServices, upsertRecords, type Directory } from './directory-store.js';
import { recordKey } from './hsds/records.js';
import { localResourceRecords } from './local-resource-records.js';
import { getServiceDetail } from './get-service.js';
import { localDate } from '../../../shared/milestones.js';
import { directoryOf, requireService } from './resource-access.js';

/** The records a local service is made of now (its own children, and its location's address). */
async function currentRecords(dir: Directory, serviceId: string) {
  const source = directorySource(dir);
  const children = await source.pointingAt(['phone', 'language', 'cost_option', 'schedule', 'attribute', 'service_at_location'], [serviceId]);
  const locations = children.filter((c) => c.table === 'service_at_location').map((c) => String(c.fields.location_id));
  const addresses = locations.length ? await source.pointingAt(['address'], locations) : [];
  return [...children, ...addresses];
}

async function write(ctx: AuthedContext, serviceId: string, input: LocalResource, action: 'resource.create' | 'resource.update'): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const dir = directoryOf({ ...tx, actor: ctx.actor });
    const records = localResourceRecords(serviceId, input, localDate(new Date(), await directoryTimeZone(dir)));
    const before = action === 'resource.update' ? await currentRecords(dir, serviceId) : [];
    const keep = new Set(records.map((r) => recordKey(r.table, r.id)));
    // A phone or opening hours taken out of the form leave the directory too.
    await deleteRecords(dir, before.filter((r) => !keep.has(recordKey(r.table, r.id))));
    await upsertRecords(dir, records, { local: true });
    await indexServices(dir, [serviceId], { createdBy: ctx.actor.userId });
    await recordAudit(tx, { action, resourceType: 'resource', resourceId: serviceId, details: { categories: input.categories } });
  });
}

/** A peer worker adds a resource the directory did not have; it is verified today by them. */
export async function createLocalResource(ctx: AuthedContext, input: LocalResource): Promise<ServiceDetail> {
  const id = randomUUID();
  await write(ctx, id, input, 'resource.create');
  return getServiceDetail(ctx, id);
}

/** Only resources added here are edited here: an imported one is corrected at its source and re-imported. */
export async function updateLocalResource(ctx: AuthedContext, id: string, input: LocalResource): Promise<ServiceDetail> {
  const row = await requireService(ctx, id);
  if (!row.local) throw new AppError('resource.not_local', 'This resource comes from an imported directory; correct it at its source and import it again.');
  await write(ctx, id, input, 'resource.update');
  return getServiceDetail(ctx, id);
}
