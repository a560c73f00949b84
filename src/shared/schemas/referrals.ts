import { z } from 'zod';
import { resourceCategories } from '../resources/categories.js';
import { uuidSchema } from './tenancy.js';

/**
 * Closed-loop referrals. A peer worker refers a participant to a service with the need, what the
 * participant agrees to share, and a date to follow up. A referral counts when the need is met:
 * it ends either completed (met) or closed with the need unmet and why.
 */
export const referralStatuses = ['draft', 'sent', 'accepted', 'declined', 'completed', 'closed_unmet'] as const;
export const referralStatusSchema = z.enum(referralStatuses);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/** The lifecycle: every change not listed here is refused (409). */
export const referralTransitions: Record<ReferralStatus, readonly ReferralStatus[]> = {
  draft: ['sent', 'closed_unmet'],
  sent: ['accepted', 'declined', 'closed_unmet'],
  accepted: ['completed', 'closed_unmet'],
  declined: ['closed_unmet'],
  completed: [],
  closed_unmet: [],
};
export const isFinished = (s: ReferralStatus) => referralTransitions[s].length === 0;

/** What may be shared, always in the same order (as the form lists it). */
export const inShareOrder = <T extends string>(items: readonly T[]): T[] =>
  [...new Set(items)].sort((a, b) => shareableItems.indexOf(a as never) - shareableItems.indexOf(b as never));

/** Why a need went unmet: the outcome reports count these. */
export const unmetReasons = ['waitlist', 'not_eligible', 'no_response', 'declined_by_service', 'participant_choice', 'cost', 'transportation', 'closed_or_moved', 'other'] as const;
/** What the participant may agree to share with the service. */
export const shareableItems = ['name', 'phone', 'email', 'need', 'language', 'recovery_status'] as const;
export const helpedAnswers = ['yes', 'somewhat', 'no'] as const;

const calendarDate = z.iso.date();
const need = z.string().trim().min(2).max(1000);
const note = z.string().trim().max(1000);
export const referralCategorySchema = z.enum(resourceCategories);

export const createReferralSchema = z
  .object({
    serviceId: uuidSchema,
    category: referralCategorySchema,
    need,
    share: z.array(z.enum(shareableItems)).max(shareableItems.length).default([]),
    consentNote: note.optional(),
    followUpOn: calendarDate,
    /** Send now (the participant has agreed) or keep as a draft. */
    send: z.boolean().default(false),
    /** Required to send: the participant agreed to share what is listed in `share`. */
    consentGiven: z.boolean().default(false),
  })
  .refine((v) => !v.send || v.consentGiven, { message: "sending needs the participant's agreement to share what is listed", path: ['consentGiven'] });
export type CreateReferral = z.output<typeof createReferralSchema>;
export type CreateReferralInput = z.input<typeof createReferralSchema>;

export const updateReferralSchema = z
  .object({
    category: referralCategorySchema.optional(),
    need: need.optional(),
    share: z.array(z.enum(shareableItems)).max(shareableItems.length).optional(),
    consentNote: note.nullable().optional(),
    followUpOn: calendarDate.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateReferral = z.infer<typeof updateReferralSchema>;

export const changeReferralStatusSchema = z
  .object({
    to: z.enum(['sent', 'accepted', 'declined', 'completed', 'closed_unmet']),
    reason: z.enum(unmetReasons).optional(),
    note: note.optional(),
    consentGiven: z.boolean().optional(),
  })
  .refine((v) => v.to !== 'closed_unmet' || v.reason !== undefined, { message: 'say why the need was not met', path: ['reason'] })
  .refine((v) => v.to !== 'sent' || v.consentGiven === true, { message: "sending needs the participant's agreement to share", path: ['consentGiven'] });
export type ChangeReferralStatus = z.infer<typeof changeReferralStatusSchema>;

/** The participant's own word: "I went", and whether it helped. */
export const reportVisitSchema = z
  .object({
    went: z.boolean(),
    helped: z.enum(helpedAnswers).optional(),
    comment: note.optional(),
  })
  .refine((v) => !v.went || v.helped !== undefined, { message: 'say whether it helped', path: ['helped'] })
  .refine((v) => v.went || v.helped === undefined, { message: 'only a visit can have helped', path: ['helped'] });
export type ReportVisit = z.infer<typeof reportVisitSchema>;

const person = z.object({ id: uuidSchema, displayName: z.string() });

export const referralEventSchema = z.object({
  kind: z.enum(['created', 'status', 'visit', 'edited']),
  from: referralStatusSchema.nullable(),
  to: referralStatusSchema.nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  by: person.nullable(),
  at: z.iso.datetime({ offset: true }),
});

export const referralSchema = z.object({
  id: uuidSchema,
  participantId: uuidSchema,
  participantName: z.string(),
  /** The participant's program clock: dates of the referral are shown on it. */
  timeZone: z.string(),
  service: z.object({
    id: uuidSchema,
    name: z.string(),
    providerName: z.string().nullable(),
    /** Still in the directory (a referral keeps its service's name even if the entry goes). */
    listed: z.boolean(),
  }),
  category: referralCategorySchema,
  need: z.string(),
  share: z.array(z.enum(shareableItems)),
  consentNote: z.string().nullable(),
  consentRecordedAt: z.iso.datetime({ offset: true }).nullable(),
  followUpOn: z.iso.date().nullable(),
  followUpDue: z.boolean(),
  status: referralStatusSchema,
  unmetReason: z.enum(unmetReasons).nullable(),
  outcomeNote: z.string().nullable(),
  participantReport: z
    .object({ went: z.boolean(), helped: z.enum(helpedAnswers).nullable(), comment: z.string().nullable(), at: z.iso.datetime({ offset: true }) })
    .nullable(),
  createdBy: person,
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  history: z.array(referralEventSchema),
  can: z.object({
    edit: z.boolean(),
    changeStatusTo: z.array(referralStatusSchema),
    reportVisit: z.boolean(),
  }),
});
export type Referral = z.infer<typeof referralSchema>;

export const referralListSchema = z.object({
  referrals: z.array(referralSchema),
  can: z.object({ create: z.boolean() }),
});
export type ReferralList = z.infer<typeof referralListSchema>;

export const referralParams = z.object({ id: uuidSchema, referralId: uuidSchema });

export const myReferralsQuerySchema = z.object({
  status: z.enum(['open', 'finished', 'all']).default('open'),
});

/** Needs met per category, for the outcome reports: only finished referrals count as met or unmet. */
export const referralOutcomesQuerySchema = z.object({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  programId: uuidSchema.optional(),
});
export const referralOutcomesSchema = z.object({
  from: z.iso.date().nullable(),
  to: z.iso.date().nullable(),
  categories: z.array(
    z.object({
      category: referralCategorySchema,
      referred: z.number().int(),
      met: z.number().int(),
      unmet: z.number().int(),
      open: z.number().int(),
      unmetReasons: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type ReferralOutcomes = z.infer<typeof referralOutcomesSchema>;
