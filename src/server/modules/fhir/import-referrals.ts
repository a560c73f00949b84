import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { ReferralStatus } from '../../../shared/schemas/referrals.js';
import { fhirLinks, participants, referralEvents, referrals, resourceServices } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { validateFhir } from './validate.js';

type Json = Record<string, any>;

/** SDOH domains (Gravity temporary codes) and a few words, to Peerpath's resource categories. */
const domainCategory: Array<[RegExp, string]> = [
  [/food/i, 'food'],
  [/housing|homeless/i, 'housing'],
  [/transport/i, 'transportation'],
  [/employ|job/i, 'employment'],
  [/legal/i, 'legal'],
  [/education/i, 'education'],
  [/financ|income|benefit/i, 'benefits'],
];

const fromTask: Record<string, ReferralStatus> = {
  draft: 'sent',
  requested: 'sent',
  received: 'sent',
  ready: 'accepted',
  accepted: 'accepted',
  'in-progress': 'accepted',
  'on-hold': 'accepted',
  rejected: 'declined',
  completed: 'completed',
  cancelled: 'closed_unmet',
  failed: 'closed_unmet',
};

export interface ImportSource {
  /** The user the referrals are recorded as made by (the actor, or the integration client's creator). */
  userId: string;
  organizationId: string;
  label: string;
  integrationClientId?: string;
}

/** Resources from a Bundle (any type) or a list. */
function resourcesOf(input: Json): Json[] {
  if (Array.isArray(input)) return input;
  if (input.resourceType === 'Bundle') return (input.entry ?? []).map((e: Json) => e.resource).filter(Boolean);
  return [input];
}

const display = (cc: Json | undefined): string | undefined => cc?.text ?? cc?.coding?.find((c: Json) => c.display)?.display;

/**
 * Imports a partner's referrals (FHIR ServiceRequest, with the Task that tracks it) for one
 * participant. Each becomes a Peerpath referral, linked to the partner's ids so the export sends
 * its status back as an update of their Task. Importing the same ServiceRequest again changes nothing.
 */
export async function importReferrals(ctx: RequestContext, participantId: string, input: Json, source: ImportSource): Promise<{ imported: string[]; existing: string[] }> {
  const resources = resourcesOf(input);
  const requests = resources.filter((r) => r?.resourceType === 'ServiceRequest');
  if (requests.length === 0) throw new AppError('fhir.invalid', 'No ServiceRequest to import.');
  for (const r of resources) {
    try {
      validateFhir(r);
    } catch (err) {
      throw new AppError('fhir.invalid', `A ${String(r?.resourceType)} is not valid FHIR R4: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const [person] = await ctx.db
    .select({ id: participants.id })
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.organizationId, source.organizationId)));
  if (!person) throw new AppError('participant.not_found', 'That participant was not found.');

  return inTransaction(ctx, async (tx) => {
    const imported: string[] = [];
    const existing: string[] = [];
    for (const sr of requests) {
      const externalId = String(sr.id ?? sr.identifier?.[0]?.value ?? '');
      if (!externalId) throw new AppError('fhir.invalid', 'A ServiceRequest needs an id.');
      const [linked] = await tx.db
        .select({ id: fhirLinks.localId })
        .from(fhirLinks)
        .where(and(eq(fhirLinks.organizationId, source.organizationId), eq(fhirLinks.resourceType, 'ServiceRequest'), eq(fhirLinks.externalId, externalId)));
      if (linked) {
        existing.push(linked.id);
        continue;
      }
      const task = resources.find((r) => r.resourceType === 'Task' && r.focus?.reference === `ServiceRequest/${externalId}`);
      const status: ReferralStatus = fromTask[task?.status as string] ?? 'sent';
      const domain = [...(sr.category ?? []).flatMap((c: Json) => (c.coding ?? []).map((x: Json) => `${x.code} ${x.display ?? ''}`)), display(sr.code) ?? ''].join(' ');
      const category = domainCategory.find(([re]) => re.test(domain))?.[1] ?? 'recovery_support';
      const performer = sr.performer?.[0]?.display as string | undefined;
      const activity = display(task?.output?.[0]?.valueCodeableConcept);
      const serviceName = performer ?? activity ?? display(sr.code) ?? 'Partner service';
      // The partner's service joins the directory (as a local entry) the first time it is referred to.
      const [known] = await tx.db
        .select({ id: resourceServices.id })
        .from(resourceServices)
        .where(and(eq(resourceServices.organizationId, source.organizationId), eq(resourceServices.name, serviceName), eq(resourceServices.providerName, source.label)))
        .limit(1);
      const serviceId = known?.id ?? randomUUID();
      if (!known) {
        await tx.db
          .insert(resourceServices)
          .values({ organizationId: source.organizationId, id: serviceId, name: serviceName, providerName: source.label, status: 'active', categories: [category], local: true, createdBy: source.userId, searchText: serviceName });
      }
      const [row] = await tx.db
        .insert(referrals)
        .values({
          organizationId: source.organizationId,
          participantId,
          serviceId,
          serviceName,
          providerName: source.label,
          category,
          need: display(sr.code) ?? serviceName,
          status,
          consentNote: `Referred by a clinical partner (${source.label}) through FHIR`,
          createdBy: source.userId,
          ...(status === 'closed_unmet' ? { unmetReason: 'other' } : {}),
          ...(status === 'completed' || status === 'closed_unmet' || status === 'declined' ? { closedAt: new Date() } : {}),
        })
        .returning({ id: referrals.id });
      await tx.db.insert(referralEvents).values({ organizationId: source.organizationId, referralId: row!.id, kind: 'created', toStatus: status, note: `Imported from ${source.label} (FHIR ServiceRequest ${externalId})`, actorUserId: source.userId });
      await tx.db.insert(fhirLinks).values({
        organizationId: source.organizationId,
        resourceType: 'ServiceRequest',
        externalId,
        localType: 'referral',
        localId: row!.id,
        taskExternalId: task?.id ?? null,
        importedBy: source.integrationClientId ?? source.userId,
      });
      imported.push(row!.id);
    }
    await recordAudit(tx, {
      action: 'fhir.import',
      participantId,
      resourceType: 'referral',
      organizationId: source.organizationId,
      details: { imported, existing, source: source.label, ...(source.integrationClientId ? { integrationClientId: source.integrationClientId } : {}) },
    });
    return { imported, existing };
  });
}
