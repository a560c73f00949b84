import { z } from 'zod';
import { uuidSchema } from './tenancy.js';

export const auditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.iso.datetime({ offset: true }),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied']),
  /** 'outside': someone of another organization (who is not shown); 'system': no person (seed, jobs). */
  actor: z.object({
    kind: z.enum(['user', 'outside', 'system']),
    id: uuidSchema.nullable(),
    displayName: z.string(),
    role: z.string().nullable(),
  }),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;

export const auditTrailSchema = z.object({
  events: z.array(auditEventSchema),
  nextBefore: z.number().int().nullable(),
});

export const auditTrailQuerySchema = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
