import { requireParticipantAccess, type Access, type DataCategory, type Granted } from '../../platform/access.js';
import { recordAudit, type AuditAction } from '../../platform/audit.js';
import type { RequestContext } from '../../platform/context.js';
import { AppError, notFound, type ErrorCode } from '../../platform/errors.js';

interface RecordRequest {
  /** The participant the record belongs to, or null when no record in the actor's organization has this id. */
  participantId: string | null;
  category: DataCategory;
  access: Access;
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  notFound: Extract<ErrorCode, `${string}.not_found`>;
  what: string;
}

/**
 * The access policy for one record reached by its own id (a note, an appointment). An unknown id
 * and a record outside the actor's reach get the same audited 404, so nobody learns that it exists.
 */
export async function requireRecordAccess(ctx: RequestContext, req: RecordRequest): Promise<Granted> {
  if (req.participantId === null) {
    await recordAudit(ctx, {
      action: req.action,
      outcome: 'denied',
      resourceType: req.resourceType,
      resourceId: req.resourceId,
      details: { category: req.category, access: req.access, reason: 'unknown' },
    });
    throw notFound(req.notFound, req.what);
  }
  try {
    return await requireParticipantAccess(ctx, {
      participantId: req.participantId,
      category: req.category,
      access: req.access,
      action: req.action,
      resourceType: req.resourceType,
      resourceId: req.resourceId,
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'participant.not_found') throw notFound(req.notFound, req.what);
    throw err;
  }
}
