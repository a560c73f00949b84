import { auditEvents } from '../db/schema/index.js';
import type { RequestContext } from './context.js';

/** Every kind of event the trail knows. New features add their actions here. */
export type AuditAction =
  | 'participant.read'
  | 'participant.list'
  | 'participant.create'
  | 'participant.update'
  | 'participant.assign'
  | 'participant.discharge'
  | 'participant.self_sign_up'
  | 'checkin.create'
  | 'checkin.read'
  | 'milestone.read'
  | 'milestone.create'
  | 'milestone.celebrate'
  | 'recovery_start.set'
  | 'reminder.read'
  | 'reminder.update'
  | 'goal.read'
  | 'goal.create'
  | 'goal.update'
  | 'goal_step.create'
  | 'goal_step.update'
  | 'coping_plan.read'
  | 'coping_plan.update'
  | 'craving.read'
  | 'craving.create'
  | 'craving.update'
  | 'journal.read'
  | 'journal.create'
  | 'journal.update'
  | 'journal.share'
  | 'journal.reencrypt'
  | 'safety_plan.read'
  | 'safety_plan.update'
  | 'assessment.read'
  | 'assessment.create'
  | 'alert.raise'
  | 'alert.read'
  | 'alert.acknowledge'
  | 'alert.resolve'
  | 'audit.read'
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'invitation.create'
  | 'invitation.accept'
  | 'user.create'
  | 'program.create'
  | 'program.update'
  | 'instruments.import';

export interface AuditEventInput {
  action: AuditAction;
  outcome?: 'allowed' | 'denied';
  participantId?: string | null;
  resourceType?: string;
  resourceId?: string | null;
  details?: Record<string, unknown>;
  /** For events before a session exists (failed sign-in), the account concerned. */
  actorUserId?: string | null;
  organizationId?: string | null;
}

/** What an event needs to know about its context; a command-line task without a request has this much too. */
export type AuditContext = Pick<RequestContext, 'actor' | 'requestId' | 'ip' | 'db'>;

function toRow(ctx: AuditContext, e: AuditEventInput) {
  const actor = ctx.actor;
  return {
    organizationId: e.organizationId ?? actor?.organizationId ?? null,
    actorUserId: e.actorUserId ?? actor?.userId ?? null,
    actorRole: actor ? [...new Set(actor.memberships.map((m) => m.role))].sort().join(',') : null,
    action: e.action,
    participantId: e.participantId ?? null,
    resourceType: e.resourceType ?? null,
    resourceId: e.resourceId ?? null,
    outcome: e.outcome ?? 'allowed',
    ip: ctx.ip,
    requestId: ctx.requestId,
    details: e.details ?? {},
  } as const;
}

/**
 * Appends events through ctx.db: inside a transaction they commit or roll back with the change they
 * record. No chain head is touched here; the sealer links committed rows later.
 */
export async function recordAudit(ctx: AuditContext, ...events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await ctx.db.insert(auditEvents).values(events.map((e) => toRow(ctx, e)));
}
