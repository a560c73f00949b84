import { and, desc, eq, sql } from 'drizzle-orm';
import type { ClinicianView, ConsentCategory } from '../../../shared/schemas/consents.js';
import { consents, participants } from '../../db/schema/index.js';
import { anyAllows, requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { assessmentHistory } from '../assessments/read-assessments.js';
import { checkInTrend } from '../checkins/check-in-trend.js';
import { listGoals } from '../goals/list-goals.js';
import { getParticipant } from '../participants/service.js';
import { listParticipantReferrals } from '../referrals/list-referrals.js';
import { getSafetyPlan } from '../safety-plan/get-safety-plan.js';
import { participantAttendance } from '../groups/attendance-summary.js';
import { listNotes } from '../notes/list-notes.js';

/** The latest contacts a consent for contact-note summaries shows. */
const CONTACTS_SHOWN = 20;

/**
 * What a clinician may see of a participant under the consents naming them: each part read through
 * its own service, so each disclosure passes the one policy and is audited with the consent it relied on.
 * Without an active consent the participant does not exist for them (404).
 */
export async function clinicianView(ctx: AuthedContext, participantId: string): Promise<ClinicianView> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'profile', access: 'read', action: 'clinician_view.read', resourceType: 'clinician_view' });
  const rels = granted.relationships;
  if (!rels.includes('clinician_consent') || !rels.consent) throw new AppError('participant.not_found', 'That participant was not found.');
  const summary = await getParticipant(ctx, participantId);
  const active = await ctx.db
    .select()
    .from(consents)
    .innerJoin(participants, eq(participants.id, consents.participantId))
    .where(and(eq(consents.participantId, participantId), sql`${consents.id} in (${sql.join(rels.consent.consentIds.map((id) => sql`${id}::uuid`), sql`, `)})`))
    .orderBy(desc(consents.signedAt));
  const categories = [...new Set(active.flatMap((r) => r.consents.categories as ConsentCategory[]))];
  const may = (c: Parameters<typeof anyAllows>[1]) => anyAllows(rels, c, 'read');
  return {
    participant: { id: summary.id, preferredName: summary.preferredName, pronouns: summary.pronouns, programName: summary.programName },
    peerWorker: summary.peerWorker,
    consents: active.map(({ consents: c }) => ({
      id: c.id,
      purpose: c.purpose,
      categories: c.categories as ConsentCategory[],
      signedAt: c.signedAt?.toISOString() ?? null,
      expiry: { kind: c.expiryKind, on: c.expiresOn, event: (c.expiryEvent as 'discharge' | null) ?? null },
    })),
    categories,
    assessments: may('assessments') ? await assessmentHistory(ctx, participantId) : null,
    checkins: may('checkins') ? await checkInTrend(ctx, participantId, { days: 30 }) : null,
    goals: may('goals') ? await listGoals(ctx, participantId) : null,
    safetyPlan: may('safety_plan') ? await getSafetyPlan(ctx, participantId) : null,
    referrals: may('referrals') ? await listParticipantReferrals(ctx, participantId) : null,
    attendance: may('groups') ? await participantAttendance(ctx, participantId) : null,
    contactSummaries: may('contact_notes') ? await contactSummaries(ctx, participantId) : null,
  };
}

/** Read through the notes service (the policy withholds the text there too); only the summary fields leave. */
async function contactSummaries(ctx: AuthedContext, participantId: string): Promise<NonNullable<ClinicianView['contactSummaries']>> {
  const { notes } = await listNotes(ctx, participantId, { limit: CONTACTS_SHOWN });
  return notes.map((n) => ({ id: n.id, contactType: n.contactType, occurredAt: n.occurredAt, durationMinutes: n.durationMinutes, activities: n.activities }));
}
