import { z } from 'zod';
import { alertKinds, alertSeverities, alertStatuses } from './journey.js';
import { uuidSchema } from './tenancy.js';

/**
 * Alerts are signals that must reach a person: the participant's peer worker first, the program's
 * supervisors when an urgent one waits too long. Acknowledging says "I have it"; resolving closes it
 * with a note of what was done.
 */

export const alertKindSchema = z.enum(alertKinds);
export const alertStatusSchema = z.enum(alertStatuses);
const instant = z.iso.datetime({ offset: true });
const person = z.object({ id: uuidSchema, displayName: z.string() });

export const alertSchema = z.object({
  id: uuidSchema,
  participantId: uuidSchema,
  participantName: z.string(),
  programId: uuidSchema,
  kind: alertKindSchema,
  severity: z.enum(alertSeverities),
  /** Plain words from what raised it (stored in English). */
  reason: z.string(),
  status: alertStatusSchema,
  createdAt: instant,
  acknowledgedAt: instant.nullable(),
  acknowledgedBy: person.nullable(),
  resolvedAt: instant.nullable(),
  resolvedBy: person.nullable(),
  resolutionNote: z.string().nullable(),
  /** When it went to the program's supervisors for not being acknowledged in time. */
  escalatedAt: instant.nullable(),
  can: z.object({ acknowledge: z.boolean(), resolve: z.boolean() }),
});
export type Alert = z.infer<typeof alertSchema>;

export const alertListSchema = z.object({ alerts: z.array(alertSchema) });
export type AlertList = z.infer<typeof alertListSchema>;

/** 'unresolved' is open and acknowledged together: what still needs someone. */
export const alertStatusFilters = ['unresolved', 'open', 'acknowledged', 'resolved'] as const;

export const alertListQuerySchema = z.object({
  status: z.enum(alertStatusFilters).default('unresolved'),
  severity: z.enum(alertSeverities).optional(),
  /** Only alerts that went to the supervisors. */
  escalated: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  participantId: uuidSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type AlertListQuery = z.output<typeof alertListQuerySchema>;

export const participantAlertsQuerySchema = alertListQuerySchema.pick({ status: true, limit: true });

export const resolveAlertSchema = z.object({
  /** What was done: required, so the next person reading the alert knows. */
  note: z.string().trim().min(1, 'say what was done').max(2000),
});
export type ResolveAlert = z.infer<typeof resolveAlertSchema>;
