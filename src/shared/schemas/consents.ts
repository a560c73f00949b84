import { z } from 'zod';
import type { DataCategory } from './participants.js';
import { assessmentHistorySchema } from './assessments.js';
import { checkInTrendSchema } from './checkins.js';
import { participantAttendanceSchema } from './groups.js';
import { contactActivitySchema, contactTypeSchema } from './notes.js';
import { goalListSchema } from './goals.js';
import { referralListSchema } from './referrals.js';
import { safetyPlanSchema } from './safety-plan.js';
import { uuidSchema } from './tenancy.js';

/** What a consent may cover, each chosen separately. Contact-note text is never shared: only summaries. */
export const consentCategories = [
  'checkin_trends',
  'assessment_scores',
  'goals',
  'safety_plan',
  'contact_note_summaries',
  'referrals',
  'attendance',
] as const;
export type ConsentCategory = (typeof consentCategories)[number];

/**
 * The access policy's data categories each consent category opens (read only).
 * The one mapping between what a person agrees to and what the policy enforces.
 */
export const consentCategoryGrants: Record<ConsentCategory, readonly DataCategory[]> = {
  checkin_trends: ['checkins'],
  assessment_scores: ['assessments'],
  goals: ['goals'],
  safety_plan: ['safety_plan'],
  contact_note_summaries: ['contact_notes'],
  referrals: ['referrals'],
  attendance: ['groups', 'appointments'],
};

/** The consent categories that open a data category. */
export function consentCategoriesFor(category: DataCategory): ConsentCategory[] {
  return consentCategories.filter((c) => consentCategoryGrants[c].includes(category));
}

export const consentPurposes = ['treatment', 'payment', 'health_care_operations', 'care_coordination', 'court_or_probation', 'research'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
/** Treatment, payment and health care operations: may run "until I revoke it", and carry the TPO statements. */
export const tpoPurposes: readonly ConsentPurpose[] = ['treatment', 'payment', 'health_care_operations'];

export const consentRecipientKinds = ['clinician', 'care_team', 'outside_provider'] as const;
export const consentExpiryKinds = ['date', 'event', 'revocation'] as const;
export const consentExpiryEvents = ['discharge'] as const;
export const consentStatuses = ['draft', 'active', 'revoked', 'expired'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

export const createConsentSchema = z
  .object({
    recipient: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('clinician'), userId: uuidSchema }),
      z.object({ kind: z.literal('care_team'), programId: uuidSchema }),
      z.object({ kind: z.literal('outside_provider'), name: z.string().trim().min(2).max(200), integrationClientId: uuidSchema.optional() }),
    ]),
    purpose: z.enum(consentPurposes),
    categories: z.array(z.enum(consentCategories)).min(1).max(consentCategories.length),
    expiry: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('date'), on: z.iso.date() }),
      z.object({ kind: z.literal('event'), event: z.enum(consentExpiryEvents) }),
      z.object({ kind: z.literal('revocation') }),
    ]),
  })
  .refine((c) => c.expiry.kind !== 'revocation' || tpoPurposes.includes(c.purpose), {
    message: '"Until I revoke it" is for treatment, payment or health care operations consents.',
    path: ['expiry'],
  })
  .refine((c) => new Set(c.categories).size === c.categories.length, { message: 'Each category once.', path: ['categories'] });
export type CreateConsent = z.output<typeof createConsentSchema>;

export const signConsentSchema = z.object({
  typedName: z.string().trim().min(2).max(120),
  agreed: z.literal(true),
  /** The client the signature was made on (the server adds the user agent and address). */
  client: z.string().trim().max(200).optional(),
});
export type SignConsent = z.output<typeof signConsentSchema>;

/** A legal representative recorded on the participant's record (by a supervisor or org admin). */
export const setLegalRepresentativeSchema = z.strictObject({
  name: z.string().trim().min(2).max(120),
  /** For example "court-appointed guardian", "parent", "health care proxy". */
  relationship: z.string().trim().min(2).max(80),
  /** The representative's own login in the organization, when they may sign consents in Peerpath: by id or by email. */
  userId: uuidSchema.optional(),
  userEmail: z.string().trim().toLowerCase().pipe(z.email()).optional(),
}).refine((v) => v.userId === undefined || v.userEmail === undefined, { path: ['userEmail'], message: 'name the login by id or by email, not both' });
export type SetLegalRepresentative = z.output<typeof setLegalRepresentativeSchema>;

export const legalRepresentativeSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  relationship: z.string(),
  /** The login that may sign for the participant; null when they sign on paper only. */
  user: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  recordedBy: z.object({ id: uuidSchema, displayName: z.string() }),
  recordedAt: z.iso.datetime({ offset: true }),
});
export type LegalRepresentative = z.infer<typeof legalRepresentativeSchema>;
export const legalRepresentativeResponseSchema = z.object({ representative: legalRepresentativeSchema.nullable(), can: z.object({ record: z.boolean() }) });

export const consentParams = z.object({ id: uuidSchema, consentId: uuidSchema });

export const consentSchema = z.object({
  id: uuidSchema,
  participantId: uuidSchema,
  participantName: z.string(),
  discloser: z.string(),
  recipient: z.object({
    kind: z.enum(consentRecipientKinds),
    userId: uuidSchema.nullable(),
    programId: uuidSchema.nullable(),
    name: z.string(),
  }),
  purpose: z.enum(consentPurposes),
  categories: z.array(z.enum(consentCategories)),
  expiry: z.object({ kind: z.enum(consentExpiryKinds), on: z.iso.date().nullable(), event: z.enum(consentExpiryEvents).nullable() }),
  tpo: z.boolean(),
  status: z.enum(consentStatuses),
  preparedBy: z.object({ id: uuidSchema, displayName: z.string() }),
  signedName: z.string().nullable(),
  /** Who signed: the participant, or their legal representative recorded on the record (named here). */
  signedAs: z.enum(['participant', 'legal_representative']).nullable(),
  signedRepresentative: z.object({ name: z.string(), relationship: z.string() }).nullable(),
  signedAt: z.iso.datetime({ offset: true }).nullable(),
  signedClient: z.string().nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  can: z.object({ sign: z.boolean(), revoke: z.boolean() }),
});
export type Consent = z.infer<typeof consentSchema>;
export const consentListSchema = z.object({ consents: z.array(consentSchema) });

export const disclosureSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  recipient: z.object({ id: uuidSchema.nullable(), displayName: z.string(), role: z.string().nullable() }),
  action: z.string(),
  what: z.string(),
  consentId: uuidSchema,
  purpose: z.enum(consentPurposes).nullable(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;
export const accountingSchema = z.object({ from: z.iso.datetime({ offset: true }), disclosures: z.array(disclosureSchema) });

/** Who can be named as a recipient: the organization's clinicians and care-team programs. */
export const consentRecipientsSchema = z.object({
  clinicians: z.array(z.object({ id: uuidSchema, displayName: z.string() })),
  careTeams: z.array(z.object({ id: uuidSchema, name: z.string() })),
});

/**
 * A clinician's consented summary: each part is present only when a consent covers it (null otherwise),
 * read through the same services (and the same policy and audit) as everywhere else.
 */
export const clinicianViewSchema = z.object({
  participant: z.object({ id: uuidSchema, preferredName: z.string(), pronouns: z.string().nullable(), programName: z.string() }),
  peerWorker: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  consents: z.array(
    z.object({
      id: uuidSchema,
      purpose: z.enum(consentPurposes),
      categories: z.array(z.enum(consentCategories)),
      signedAt: z.iso.datetime({ offset: true }).nullable(),
      expiry: z.object({ kind: z.enum(consentExpiryKinds), on: z.iso.date().nullable(), event: z.enum(consentExpiryEvents).nullable() }),
    }),
  ),
  categories: z.array(z.enum(consentCategories)),
  assessments: assessmentHistorySchema.nullable(),
  checkins: checkInTrendSchema.nullable(),
  goals: goalListSchema.nullable(),
  safetyPlan: safetyPlanSchema.nullable(),
  referrals: referralListSchema.nullable(),
  /** Group attendance and mutual-aid meetings logged (consent category: attendance). */
  attendance: participantAttendanceSchema.nullable(),
  /** Contact-note summaries: type, date, duration, what was done; never the note's text. */
  contactSummaries: z
    .array(z.object({ id: uuidSchema, contactType: contactTypeSchema, occurredAt: z.iso.datetime({ offset: true }), durationMinutes: z.number().int(), activities: z.array(contactActivitySchema) }))
    .nullable(),
});
export type ClinicianView = z.infer<typeof clinicianViewSchema>;

export const careMessageSchema = z.strictObject({ body: z.string().trim().min(1).max(2000) });

export const integrationScopes = ['read', 'write'] as const;
export const createIntegrationClientSchema = z.object({ name: z.string().trim().min(2).max(120), scope: z.enum(integrationScopes) });
export const integrationClientSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  scope: z.enum(integrationScopes),
  createdAt: z.iso.datetime({ offset: true }),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
});
export const integrationClientCreatedSchema = integrationClientSchema.extend({ token: z.string() });
export const integrationClientListSchema = z.object({ clients: z.array(integrationClientSchema) });
