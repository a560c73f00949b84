import { z } from 'zod';
import { participantSettings, recoveryPathways, substances } from './journey.js';
import { participantStatuses } from './participants.js';
import { uuidSchema } from './tenancy.js';

/**
 * Self-described demographics, used only for equity reporting. Every question is optional and
 * every question can be answered "prefer not to say"; the words shown come from the catalogs.
 */
export const preferNotToSay = 'prefer_not_to_say';
export const ageRanges = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_over', preferNotToSay] as const;
export const genderIdentities = ['woman', 'man', 'non_binary', 'trans_woman', 'trans_man', 'two_spirit', 'another', preferNotToSay] as const;
// The US federal categories (OMB SPD 15, 2024), several at once.
export const raceEthnicities = [
  'american_indian_alaska_native',
  'asian',
  'black_african_american',
  'hispanic_latino',
  'middle_eastern_north_african',
  'native_hawaiian_pacific_islander',
  'white',
  'another',
  preferNotToSay,
] as const;
export const sexualOrientations = ['straight', 'gay', 'lesbian', 'bisexual', 'queer', 'asexual', 'another', preferNotToSay] as const;
// Yearly household income in US dollars.
export const incomeRanges = ['under_15000', '15000_29999', '30000_49999', '50000_74999', '75000_over', preferNotToSay] as const;
export const veteranStatuses = ['yes', 'no', preferNotToSay] as const;
// "Current" means in custody, on probation or on parole now.
export const justiceInvolvements = ['none', 'past', 'current', preferNotToSay] as const;

const distinct = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const demographicsSchema = z.object({
  ageRange: z.enum(ageRanges).optional(),
  genderIdentity: z.enum(genderIdentities).optional(),
  raceEthnicity: z
    .array(z.enum(raceEthnicities))
    .max(raceEthnicities.length)
    .refine(distinct, 'list each answer once')
    .refine((v) => !v.includes(preferNotToSay) || v.length === 1, '"prefer not to say" stands alone')
    .optional(),
  sexualOrientation: z.enum(sexualOrientations).optional(),
  incomeRange: z.enum(incomeRanges).optional(),
  veteran: z.enum(veteranStatuses).optional(),
  justiceInvolved: z.enum(justiceInvolvements).optional(),
});
export type Demographics = z.infer<typeof demographicsSchema>;

/** A language the person prefers, as a BCP 47 tag (en, es, pt-BR, zh-Hant). */
export const languageTagSchema = z
  .string()
  .trim()
  .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/, 'use a language code such as en, es or pt-BR');

export const participantProfileSchema = z.object({
  id: uuidSchema,
  programId: uuidSchema,
  programName: z.string(),
  /** The program's IANA time zone: days and milestones count in it. */
  timeZone: z.string(),
  preferredName: z.string(),
  pronouns: z.string().nullable(),
  preferredLanguage: z.string(),
  pathways: z.array(z.enum(recoveryPathways)),
  substances: z.array(z.string()),
  setting: z.enum(participantSettings),
  /** Null when the actor may not see them (they are the participant's own to tell). */
  demographics: demographicsSchema.nullable(),
  countsDays: z.boolean(),
  status: z.enum(participantStatuses),
  dischargedAt: z.iso.datetime({ offset: true }).nullable(),
  dischargeReason: z.string().nullable(),
  continuedSupport: z.boolean(),
  enrolledAt: z.iso.datetime({ offset: true }),
  hasLogin: z.boolean(),
  peerWorker: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  can: z.object({
    /** Change the record's fields. */
    edit: z.boolean(),
    /** Change the participant's own choices: demographics and whether days are counted. */
    editPersonal: z.boolean(),
    /** Discharge, or return to active. Staff only. */
    changeStatus: z.boolean(),
    /** Read and set the check-in reminder. */
    reminder: z.object({ read: z.boolean(), write: z.boolean() }),
  }),
});
export type ParticipantProfile = z.infer<typeof participantProfileSchema>;

/** Every field optional: only what is sent changes. `pronouns: null` (or empty) clears them. */
export const updateParticipantProfileSchema = z.object({
  preferredName: z.string().trim().min(1).max(120).optional(),
  pronouns: z.string().trim().max(40).nullable().optional(),
  preferredLanguage: languageTagSchema.optional(),
  pathways: z.array(z.enum(recoveryPathways)).max(recoveryPathways.length).refine(distinct, 'list each pathway once').optional(),
  substances: z.array(z.enum(substances)).max(substances.length).refine(distinct, 'list each one once').optional(),
  setting: z.enum(participantSettings).optional(),
  demographics: demographicsSchema.optional(),
  countsDays: z.boolean().optional(),
});
export type UpdateParticipantProfile = z.infer<typeof updateParticipantProfileSchema>;

/** The fields only the participant chooses (staff record them only for someone without a login). */
export const personalFields = ['demographics', 'countsDays'] as const;

export const changeStatusSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('discharged'),
    reason: z.string().trim().min(2).max(500),
    /** Continued post-treatment support: they stay on their peer worker's caseload. */
    continuedSupport: z.boolean(),
  }),
  z.object({ status: z.literal('active') }),
]);
export type ChangeStatus = z.infer<typeof changeStatusSchema>;

export const statusChangeResultSchema = z.object({
  participantId: uuidSchema,
  status: z.enum(participantStatuses),
  dischargedAt: z.iso.datetime({ offset: true }).nullable(),
  dischargeReason: z.string().nullable(),
  continuedSupport: z.boolean(),
  /** False when a discharge without continued support ended the actor's own assignment: the record left their caseload. */
  stillVisible: z.boolean(),
});
export type StatusChangeResult = z.infer<typeof statusChangeResultSchema>;
