import { z } from 'zod';
import { uuidSchema } from './tenancy.js';

export const participantStatuses = ['active', 'discharged'] as const;

/** Kinds of participant data the access policy knows (the server's grants table is keyed by these). */
export const dataCategories = [
  'profile',
  'assignment',
  'audit_trail',
  'checkins',
  'milestones',
  'goals',
  'coping',
  'journal',
  'safety_plan',
  'assessments',
  'alerts',
  'contact_notes',
  'appointments',
  'messages',
  'match_preferences',
  'groups',
  'referrals',
] as const;
export type DataCategory = (typeof dataCategories)[number];

/** What the actor may do with a participant's record, computed by the server's access policy. */
export const participantCanSchema = z.object({
  edit: z.boolean(),
  viewAudit: z.boolean(),
  /** Per kind of data: may the actor read it, may they change it. The web app shows and hides by this. */
  access: z.record(z.enum(dataCategories), z.object({ read: z.boolean(), write: z.boolean() })),
});

export const participantSummarySchema = z.object({
  id: uuidSchema,
  preferredName: z.string(),
  pronouns: z.string().nullable(),
  status: z.enum(participantStatuses),
  programId: uuidSchema,
  programName: z.string(),
  enrolledAt: z.iso.datetime({ offset: true }),
  hasLogin: z.boolean(),
  peerWorker: z.object({ id: uuidSchema, displayName: z.string() }).nullable(),
  relationship: z.enum(['self', 'assigned_peer', 'supervisor', 'org_admin', 'clinician_consent', 'legal_representative']),
  can: participantCanSchema,
});
export type ParticipantSummary = z.infer<typeof participantSummarySchema>;

export const participantListSchema = z.object({ participants: z.array(participantSummarySchema) });

export const assignPeerWorkerSchema = z.object({
  peerWorkerId: uuidSchema,
  reason: z.string().trim().min(2).max(500),
});
export type AssignPeerWorker = z.output<typeof assignPeerWorkerSchema>;

export const createParticipantSchema = z.object({
  programId: uuidSchema,
  preferredName: z.string().trim().min(1).max(120),
  pronouns: z.string().trim().max(40).optional(),
  peerWorkerId: uuidSchema.optional(),
});
export type CreateParticipant = z.infer<typeof createParticipantSchema>;
