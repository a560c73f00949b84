import { z } from 'zod';
import type { MatchBlockKind, MatchReasonKind, Weekday } from '../matching/score.js';
import { genders, livedExperiences, participantSettings } from './journey.js';
import { languageTagSchema } from './profile.js';
import { uuidSchema } from './tenancy.js';

/**
 * Peer worker profiles for matching, a participant's match preferences, ranked suggestions and
 * the assignment history. Times are weekly windows in the program's time zone.
 */

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const satisfies readonly Weekday[];

const timeOfDay = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'use a 24-hour time such as 09:30');
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

export const weeklyTimeSchema = z
  .object({ day: z.enum(weekdays), from: timeOfDay, to: timeOfDay })
  .refine((w) => minutesOf(w.to) > minutesOf(w.from), { path: ['to'], message: 'ends after it starts' });
export type WeeklyTimeWindow = z.infer<typeof weeklyTimeSchema>;

/** Windows of one week; two windows on the same day may not overlap (say it as one longer window). */
export const weeklyTimesSchema = z
  .array(weeklyTimeSchema)
  .max(28)
  .refine(
    (windows) =>
      windows.every((a, i) =>
        windows.every((b, j) => i === j || a.day !== b.day || minutesOf(a.to) <= minutesOf(b.from) || minutesOf(b.to) <= minutesOf(a.from)),
      ),
    'two times on the same day overlap',
  );

const distinct = <T>(items: readonly T[]) => new Set(items).size === items.length;
const distinctTags = (tags: readonly string[]) => distinct(tags.map((t) => t.toLowerCase()));

const livedExperienceList = z.array(z.enum(livedExperiences)).max(livedExperiences.length).refine(distinct, 'list each one once');

/** The genders a participant may ask for in a peer worker. */
export const matchGenders = ['woman', 'man', 'non_binary'] as const;

// ---------------------------------------------------------------- peer worker profile

export const peerProfileFields = ['livedExperience', 'languages', 'gender', 'settings', 'availability', 'capacity', 'bio'] as const;
export type PeerProfileField = (typeof peerProfileFields)[number];
/** What a supervisor of the peer worker's program, or an org admin, may change; the rest is the peer worker's own. */
export const managedPeerProfileFields = ['capacity', 'settings'] as const satisfies readonly PeerProfileField[];

export const MAX_CAPACITY = 100;

/** Only what is sent changes. Everything a peer worker shares about themself is optional and their choice. */
export const updatePeerProfileSchema = z
  .object({
    livedExperience: livedExperienceList.optional(),
    languages: z.array(languageTagSchema).min(1, 'name at least one language').max(10).refine(distinctTags, 'list each language once').optional(),
    gender: z.enum(genders).nullable().optional(),
    settings: z.array(z.enum(participantSettings)).max(participantSettings.length).refine(distinct, 'list each one once').optional(),
    availability: weeklyTimesSchema.optional(),
    capacity: z.number().int().min(0).max(MAX_CAPACITY).optional(),
    bio: z.string().trim().max(600).nullable().optional(),
  })
  .refine((v) => peerProfileFields.some((f) => v[f] !== undefined), { message: 'send at least one field to change' });
export type UpdatePeerProfile = z.output<typeof updatePeerProfileSchema>;

/** What matching shows to colleagues and to the participant they walk alongside. */
export const peerWorkerSharedSchema = z.object({
  id: uuidSchema,
  displayName: z.string(),
  livedExperience: z.array(z.enum(livedExperiences)),
  languages: z.array(z.string()),
  settings: z.array(z.enum(participantSettings)),
  bio: z.string().nullable(),
});
export type PeerWorkerShared = z.infer<typeof peerWorkerSharedSchema>;

export const peerWorkerProfileSchema = peerWorkerSharedSchema.extend({
  /** Null for readers who see only what matching shows. */
  details: z
    .object({
      gender: z.enum(genders).nullable(),
      availability: z.array(weeklyTimeSchema),
      capacity: z.number().int(),
      /** People walking with this peer worker now, in every program. */
      caseload: z.number().int(),
      openPlaces: z.number().int(),
    })
    .nullable(),
  /** Null until the peer worker (or their supervisor) first saves it. */
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  can: z.object({ edit: z.array(z.enum(peerProfileFields)) }),
});
export type PeerWorkerProfile = z.infer<typeof peerWorkerProfileSchema>;

export const peerWorkerListSchema = z.object({ peerWorkers: z.array(peerWorkerProfileSchema) });
export const peerWorkerListQuery = z.object({ programId: uuidSchema.optional() });

// ---------------------------------------------------------------- match preferences

/** Only what is sent changes; null (or an empty list) clears a preference. */
export const updateMatchPreferencesSchema = z
  .object({
    requiredLanguage: languageTagSchema.nullable().optional(),
    preferredGender: z.enum(matchGenders).nullable().optional(),
    wantedExperience: livedExperienceList.optional(),
    preferredTimes: weeklyTimesSchema.optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one preference' });
export type UpdateMatchPreferences = z.output<typeof updateMatchPreferencesSchema>;

export const matchPreferencesSchema = z.object({
  participantId: uuidSchema,
  requiredLanguage: z.string().nullable(),
  preferredGender: z.enum(matchGenders).nullable(),
  wantedExperience: z.array(z.enum(livedExperiences)),
  preferredTimes: z.array(weeklyTimeSchema),
  updatedAt: z.iso.datetime({ offset: true }).nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type MatchPreferences = z.infer<typeof matchPreferencesSchema>;

// ---------------------------------------------------------------- suggestions

/** Reasons come in both languages; the reader's app picks the one it shows, as the scorer gives them. */
export const localizedTextSchema = z.object({ en: z.string(), es: z.string() });

const reasonKinds = ['wanted_experience', 'shared_experience', 'language', 'setting', 'availability', 'room'] as const satisfies readonly MatchReasonKind[];
const blockKinds = ['required_language', 'gender_preference', 'no_room'] as const satisfies readonly MatchBlockKind[];

export const peerWorkerMatchSchema = z.object({
  peerWorker: peerWorkerSharedSchema,
  score: z.number(),
  reasons: z.array(z.object({ kind: z.enum(reasonKinds), points: z.number(), text: localizedTextSchema })),
  /** Empty for a suggestion; why this peer worker cannot be matched otherwise. */
  blockedBy: z.array(z.object({ kind: z.enum(blockKinds), text: localizedTextSchema })),
  capacity: z.number().int(),
  caseload: z.number().int(),
  openPlaces: z.number().int(),
  /** The participant's peer worker now (scored as if the participant were not yet on their caseload). */
  current: z.boolean(),
});
export type PeerWorkerMatch = z.infer<typeof peerWorkerMatchSchema>;

export const matchListSchema = z.object({
  participantId: uuidSchema,
  /** False when the participant has not said what they look for: the ranking then rests on their record alone. */
  hasPreferences: z.boolean(),
  /** Best first. */
  suggestions: z.array(peerWorkerMatchSchema),
  blocked: z.array(peerWorkerMatchSchema),
});
export type MatchList = z.infer<typeof matchListSchema>;

// ---------------------------------------------------------------- history

const person = z.object({ id: uuidSchema, displayName: z.string() });

export const assignmentHistorySchema = z.object({
  /** Newest first; the one without an end is the current one. */
  assignments: z.array(
    z.object({
      id: uuidSchema,
      peerWorker: person,
      reason: z.string().nullable(),
      assignedBy: person.nullable(),
      startedAt: z.iso.datetime({ offset: true }),
      endedAt: z.iso.datetime({ offset: true }).nullable(),
    }),
  ),
});
export type AssignmentHistory = z.infer<typeof assignmentHistorySchema>;
