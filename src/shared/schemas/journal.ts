import { z } from 'zod';
import { uuidSchema } from './tenancy.js';

/** Long enough for a real page of writing; the limit keeps one entry from being a whole book. */
export const JOURNAL_TEXT_MAX = 20_000;

export const journalTextSchema = z.string().trim().min(1).max(JOURNAL_TEXT_MAX);

export const createJournalEntrySchema = z.object({
  text: journalTextSchema,
  /** Private unless the participant says so. */
  shareWithPeer: z.boolean().default(false),
});
export type CreateJournalEntry = z.output<typeof createJournalEntrySchema>;

export const updateJournalEntrySchema = z
  .object({
    text: journalTextSchema.optional(),
    /** true shares the entry with the peer worker; false makes it private again. */
    sharedWithPeer: z.boolean().optional(),
  })
  .refine((v) => v.text !== undefined || v.sharedWithPeer !== undefined, {
    path: ['text'],
    message: 'send the new text, sharedWithPeer, or both',
  });
export type UpdateJournalEntry = z.output<typeof updateJournalEntrySchema>;

export const journalListQuerySchema = z.object({
  /** The last entry of the previous page: the next page holds older entries. */
  before: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const journalEntrySchema = z.object({
  id: uuidSchema,
  /** Null when the entry cannot be opened with the configured keys (say, its key was removed before re-encryption). */
  text: z.string().nullable(),
  sharedWithPeer: z.boolean(),
  sharedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  can: z.object({ edit: z.boolean() }),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalPageSchema = z.object({
  entries: z.array(journalEntrySchema),
  /** Pass as `before` for older entries; null when there are none. */
  nextBefore: uuidSchema.nullable(),
  /** The reader sees only the entries shared with them (a peer worker), not the whole journal. */
  sharedOnly: z.boolean(),
  can: z.object({ write: z.boolean() }),
});
export type JournalPage = z.infer<typeof journalPageSchema>;
