import { and, asc, eq, inArray } from 'drizzle-orm';
import { consentCategoryGrants, type ConsentCategory, type ConsentPurpose } from '../../../shared/schemas/consents.js';
import type { ReferralStatus } from '../../../shared/schemas/referrals.js';
import { assessmentResponses, consents, fhirLinks, goals, legalRepresentatives, participants, referrals } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';
import { responsesQuery, toResponseView } from '../assessments/response-view.js';
import { consentStatus } from '../consents/consent-rows.js';

type Resource = Record<string, unknown> & { resourceType: string; id: string };

/** LOINC codes for the instruments' totals, where they exist. */
const loinc: Record<string, { code: string; display: string }> = {
  phq9: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  gad7: { code: '70274-6', display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]' },
  phq2: { code: '55758-7', display: 'Patient Health Questionnaire 2 item (PHQ-2) total score [Reported]' },
};

const purposeCodes: Record<ConsentPurpose, string> = {
  treatment: 'TREAT',
  payment: 'HPAYMT',
  health_care_operations: 'HOPERAT',
  care_coordination: 'CAREMGT',
  court_or_probation: 'HLEGAL',
  research: 'HRESCH',
};

const taskStatus: Record<ReferralStatus, string> = {
  draft: 'draft',
  sent: 'requested',
  accepted: 'accepted',
  declined: 'rejected',
  completed: 'completed',
  closed_unmet: 'cancelled',
};
const serviceRequestStatus: Record<ReferralStatus, string> = {
  draft: 'draft',
  sent: 'active',
  accepted: 'active',
  declined: 'revoked',
  completed: 'completed',
  closed_unmet: 'revoked',
};
const goalStatus: Record<string, string> = { suggested: 'proposed', active: 'active', completed: 'completed', set_aside: 'on-hold' };

const CATEGORY_SYSTEM = 'https://peerpath.example/fhir/CodeSystem/consent-category';

/**
 * A participant's data under one consent, as a FHIR R4 collection Bundle: the Patient, the Consent
 * (inactive once revoked or ended, and then nothing else), and only the consented categories.
 * Every export carries the consent's scope and the Part 2 redisclosure labels.
 */
export async function buildConsentBundle(ctx: RequestContext, consentId: string, base: string): Promise<{ bundle: Resource; categories: ConsentCategory[]; active: boolean }> {
  const [row] = await ctx.db
    .select({ c: consents, p: participants, representative: { name: legalRepresentatives.name, relationship: legalRepresentatives.relationship } })
    .from(consents)
    .innerJoin(participants, eq(participants.id, consents.participantId))
    .leftJoin(legalRepresentatives, eq(legalRepresentatives.id, consents.signedRepresentativeId))
    .where(eq(consents.id, consentId));
  if (!row) throw new Error('consent not found');
  const { c, p, representative } = row;
  const status = consentStatus(c, p.status);
  const active = status === 'active';
  const categories = c.categories as ConsentCategory[];
  const covered = new Set(active ? categories.flatMap((k) => consentCategoryGrants[k]) : []);
  const patientRef = { reference: `Patient/${p.id}`, display: p.preferredName };
  const resources: Resource[] = [
    { resourceType: 'Patient', id: p.id, active: p.status === 'active', name: [{ text: p.preferredName }] },
    {
      resourceType: 'Consent',
      id: c.id,
      status: status === 'draft' ? 'draft' : active ? 'active' : 'inactive',
      scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy', display: 'Privacy Consent' }] },
      category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] }],
      patient: patientRef,
      ...(c.signedAt ? { dateTime: c.signedAt.toISOString() } : {}),
      // Who agreed: the participant, or the legal representative recorded on the record who signed for them.
      ...(c.signedAt
        ? { performer: [representative?.name ? { display: `${representative.name} (legal representative: ${representative.relationship})` } : patientRef] }
        : {}),
      policy: [{ uri: 'https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2' }],
      provision: {
        type: 'permit',
        period: { ...(c.signedAt ? { start: c.signedAt.toISOString() } : {}), ...((c.revokedAt ?? c.expiresAt) ? { end: (c.revokedAt ?? c.expiresAt)!.toISOString() } : {}) },
        actor: [
          {
            role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] },
            reference: { display: c.recipientName },
          },
        ],
        purpose: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActReason', code: purposeCodes[c.purpose] }],
        class: categories.map((k) => ({ system: CATEGORY_SYSTEM, code: k })),
      },
    },
  ];

  if (covered.has('assessments')) {
    const rows = await responsesQuery(ctx)
      .where(and(eq(assessmentResponses.participantId, p.id), eq(assessmentResponses.organizationId, p.organizationId), eq(assessmentResponses.status, 'complete')))
      .orderBy(asc(assessmentResponses.completedAt));
    for (const r of rows.map(toResponseView)) {
      const qrId = `qr-${r.id}`;
      resources.push({
        resourceType: 'QuestionnaireResponse',
        id: qrId,
        status: 'completed',
        questionnaire: `https://peerpath.example/fhir/Questionnaire/${r.instrumentId}|${r.instrumentVersion}`,
        subject: patientRef,
        authored: r.completedAt,
        item: Object.entries(r.answers).map(([linkId, value]) => ({ linkId, answer: [{ valueInteger: Math.round(value) }] })),
      });
      const [scoreId, score] = Object.entries(r.scores).find(([k]) => k === 'total') ?? Object.entries(r.scores)[0] ?? [];
      if (scoreId === undefined || score === undefined) continue;
      const code = loinc[r.instrumentId];
      const band = r.bands[scoreId];
      resources.push({
        resourceType: 'Observation',
        id: `obs-${r.id}`,
        status: 'final',
        category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
        code: code ? { coding: [{ system: 'http://loinc.org', ...code }], text: `${r.instrumentId} ${scoreId}` } : { text: `${r.instrumentId} ${scoreId}` },
        subject: patientRef,
        effectiveDateTime: r.completedAt,
        valueQuantity: { value: score, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
        ...(band ? { interpretation: [{ text: band.label.en }] } : {}),
        derivedFrom: [{ reference: `QuestionnaireResponse/${qrId}` }],
      });
    }
  }

  if (covered.has('goals')) {
    const rows = await ctx.db.select().from(goals).where(eq(goals.participantId, p.id)).orderBy(asc(goals.createdAt));
    for (const g of rows) {
      resources.push({
        resourceType: 'Goal',
        id: g.id,
        lifecycleStatus: goalStatus[g.status] ?? 'active',
        description: { text: g.title },
        subject: patientRef,
      });
    }
  }

  if (covered.has('referrals')) {
    const rows = await ctx.db.select().from(referrals).where(and(eq(referrals.participantId, p.id), inArray(referrals.status, ['sent', 'accepted', 'declined', 'completed', 'closed_unmet'])));
    const links = rows.length
      ? await ctx.db.select().from(fhirLinks).where(and(eq(fhirLinks.localType, 'referral'), inArray(fhirLinks.localId, rows.map((r) => r.id))))
      : [];
    for (const r of rows) {
      const link = links.find((l) => l.localId === r.id);
      const srId = link?.externalId ?? r.id;
      resources.push({
        resourceType: 'ServiceRequest',
        id: srId,
        status: serviceRequestStatus[r.status],
        intent: 'order',
        code: { text: r.need },
        subject: patientRef,
        performer: [{ display: r.serviceName }],
        authoredOn: r.createdAt.toISOString(),
      });
      resources.push({
        resourceType: 'Task',
        id: link?.taskExternalId ?? `task-${r.id}`,
        status: taskStatus[r.status],
        intent: 'order',
        code: { coding: [{ system: 'http://hl7.org/fhir/CodeSystem/task-code', code: 'fulfill' }] },
        focus: { reference: `ServiceRequest/${srId}` },
        for: patientRef,
        lastModified: r.updatedAt.toISOString(),
        ...(r.status === 'closed_unmet' && r.unmetReason ? { statusReason: { text: r.unmetReason } } : {}),
      });
    }
  }

  const bundle: Resource = {
    resourceType: 'Bundle',
    id: `export-${c.id}-${Date.now()}`,
    meta: {
      security: [
        { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2', display: '42 CFR Part2' },
        { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'NORDSCLCD', display: 'no redisclosure without consent directive' },
      ],
    },
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: resources.map((r) => ({ fullUrl: `${base}/${r.resourceType}/${r.id}`, resource: r })),
  };
  return { bundle, categories, active };
}
