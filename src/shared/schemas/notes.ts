import { z } from 'zod';
import { contactActivities, contactTypes } from './journey.js';
import { uuidSchema } from './tenancy.js';
import { cosignStateSchema } from './workforce.js';

/**
 * Contact notes: the peer worker's record of their work with a participant, written in under a
 * minute. Read by the author and their supervisor; the participant does not see them. Edits keep
 * every earlier version.
 */

export const contactTypeSchema = z.enum(contactTypes);
export const contactActivitySchema = z.enum(contactActivities);
export type ContactType = z.infer<typeof contactTypeSchema>;
export type ContactActivity = z.infer<typeof contactActivitySchema>;

export const NOTE_MAX_MINUTES = 480;
export const NOTE_MAX_TOPICS = 12;
/** The quick choices of the form; any whole number of minutes up to the maximum is accepted. */
export const noteDurationChoices = [15, 30, 45, 60] as const;
// A clock a little ahead of the server's must not turn "just now" into an error.
const FUTURE_SLACK_MS = 5 * 60_000;

const summary = z.string().trim().min(1).max(4000);
const nextSteps = z.string().trim().max(2000);
const topic = z.string().trim().min(1).max(40);
const durationMinutes = z.number().int().min(1).max(NOTE_MAX_MINUTES);
const occurredAt = z.iso
  .datetime({ offset: true })
  .refine((v) => Date.parse(v) <= Date.now() + FUTURE_SLACK_MS, { message: 'a note records a contact that has happened; the time cannot be in the future' });
/** A calendar date (YYYY-MM-DD) in the program's time zone. */
const followUpOn = z.iso.date();

export const createNoteSchema = z.object({
  contactType: contactTypeSchema,
  /** When the contact happened; now when left out. */
  occurredAt: occurredAt.optional(),
  durationMinutes,
  activities: z.array(contactActivitySchema).max(contactActivities.length).default([]),
  topics: z.array(topic).max(NOTE_MAX_TOPICS).default([]),
  summary,
  nextSteps: nextSteps.optional(),
  /** Puts a follow-up on the author's task list for that day. */
  followUpOn: followUpOn.optional(),
  /** A billable service, billed under the program's service code. */
  billable: z.boolean().default(false),
});
export type CreateNote = z.infer<typeof createNoteSchema>;
export type CreateNoteInput = z.input<typeof createNoteSchema>;

export const updateNoteSchema = z
  .object({
    contactType: contactTypeSchema.optional(),
    occurredAt: occurredAt.optional(),
    durationMinutes: durationMinutes.optional(),
    activities: z.array(contactActivitySchema).max(contactActivities.length).optional(),
    topics: z.array(topic).max(NOTE_MAX_TOPICS).optional(),
    summary: summary.optional(),
    /** null clears it. */
    nextSteps: nextSteps.nullable().optional(),
    /** null takes the follow-up off the task list; a new date moves it. */
    followUpOn: followUpOn.nullable().optional(),
    billable: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'send at least one change' });
export type UpdateNote = z.infer<typeof updateNoteSchema>;

/** What a version of a note says: the current note and each kept earlier version have this shape. */
export const noteContentSchema = z.object({
  contactType: contactTypeSchema,
  occurredAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int(),
  activities: z.array(contactActivitySchema),
  topics: z.array(z.string()),
  summary: z.string(),
  nextSteps: z.string().nullable(),
  followUpOn: z.iso.date().nullable(),
});
export type NoteContent = z.infer<typeof noteContentSchema>;

const person = z.object({ id: uuidSchema, displayName: z.string() });

export const noteSchema = noteContentSchema.extend({
  id: uuidSchema,
  participantId: uuidSchema,
  author: person,
  /** 1 for a note never edited; each edit adds one. */
  version: z.number().int(),
  edited: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  can: z.object({ edit: z.boolean() }),
  billable: z.boolean().optional(),
  serviceCode: z.string().nullable().optional(),
  /** The newest co-sign request or decision; null when the note never needed one. */
  cosign: cosignStateSchema.nullable().optional(),
});
export type Note = z.infer<typeof noteSchema>;

export const noteListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  /** From the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
});

export const noteListSchema = z.object({
  /** Newest contact first. */
  notes: z.array(noteSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
  can: z.object({ create: z.boolean() }),
});
export type NoteList = z.infer<typeof noteListSchema>;

export const noteVersionSchema = z.object({
  version: z.number().int(),
  content: noteContentSchema,
  /** Who wrote this version, and when: the author for the first, the editor for later ones. */
  writtenBy: person.nullable(),
  writtenAt: z.iso.datetime({ offset: true }),
  current: z.boolean(),
});
export type NoteVersion = z.infer<typeof noteVersionSchema>;

export const noteHistorySchema = z.object({
  noteId: uuidSchema,
  participantId: uuidSchema,
  /** Newest version first. */
  versions: z.array(noteVersionSchema),
});
export type NoteHistory = z.infer<typeof noteHistorySchema>;
