import { recordAudit, type AuditAction } from '../../platform/audit.js';
import { isOrgAdmin, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireProgram } from '../organizations/programs.js';

/**
 * A program's flag rules are set by its supervisors and the organization's admins. Anyone else is
 * told the program was not found, and the attempt is audited.
 */
export async function requireRulesAccess(ctx: AuthedContext, programId: string, action: AuditAction) {
  const allowed = isOrgAdmin(ctx.actor) || ctx.actor.memberships.some((m) => m.role === 'supervisor' && m.programId === programId);
  const program = allowed ? await requireProgram(ctx, programId).catch(() => null) : null;
  if (!program) {
    await recordAudit(ctx, { action, outcome: 'denied', resourceType: 'program', resourceId: programId });
    throw new AppError('program.not_found', 'That program was not found.');
  }
  return program;
}
