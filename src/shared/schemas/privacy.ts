import { z } from 'zod';
import { uuidSchema } from './tenancy.js';

/** Everything held about a participant: each table's rows that refer to them. */
export const participantExportSchema = z.object({
  exportedAt: z.string(),
  participantId: uuidSchema,
  preferredName: z.string(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type ParticipantExport = z.infer<typeof participantExportSchema>;

export const exportQuerySchema = z.object({ format: z.enum(['json', 'html']).default('json') });

/** An erasure on a verified request: the admin types the name as a check, and notes how the request was verified. */
export const eraseParticipantSchema = z.object({
  confirmName: z.string().trim().min(1).max(200),
  /** Where the verified request is on file (a ticket number, a letter's date); not the person's name. */
  requestReference: z.string().trim().min(3).max(200),
});
export type EraseParticipant = z.infer<typeof eraseParticipantSchema>;

export const erasureReportSchema = z.object({
  erased: z.literal(true),
  rowsRemoved: z.int(),
  tables: z.record(z.string(), z.int()),
});
export type ErasureReport = z.infer<typeof erasureReportSchema>;
