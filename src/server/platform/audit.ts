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
  | 'user.role_change'
  | 'participant.export'
  | 'participant.erase'
  | 'program.create'
  | 'program.update'
  | 'instruments.import'
  | 'peer_profile.read'
  | 'peer_profile.update'
  | 'match.read'
  | 'match.preferences_update'
  | 'match.batch_assign'
  | 'caseload.read'
  | 'flag_rules.read'
  | 'flag_rules.update'
  | 'contact_note.read'
  | 'contact_note.create'
  | 'contact_note.update'
  | 'contact_note.history'
  | 'contact_note.cosign'
  | 'contact_note.cosign_return'
  | 'billing.export'
  | 'workforce_settings.update'
  | 'team.read'
  | 'supervision.create'
  | 'supervision.read'
  | 'supervision.update'
  | 'wellbeing.create'
  | 'wellbeing.share'
  | 'wellbeing.read'
  | 'incident.create'
  | 'incident.read'
  | 'incident.update'
  | 'training.create'
  | 'training.read'
  | 'certification.create'
  | 'onboarding.update'
  | 'appointment.read'
  | 'appointment.create'
  | 'appointment.update'
  | 'calendar_feed.create'
  | 'calendar_feed.revoke'
  | 'calendar_feed.read'
  | 'task.create'
  | 'task.update'
  | 'message.read'
  | 'message.send'
  | 'thread.join'
  | 'thread.leave'
  | 'alert.escalate'
  | 'resources.import'
  | 'resources.export'
  | 'resource.create'
  | 'resource.update'
  | 'resource.verify'
  | 'resource_tip.create'
  | 'resource_place.create'
  | 'referral.read'
  | 'referral.create'
  | 'referral.update'
  | 'referral.status_change'
  | 'referral.report_visit'
  | 'consent.prepare'
  | 'consent.sign'
  | 'consent.sign_refused'
  | 'consent.revoke'
  | 'consent.read'
  | 'consent.accounting'
  | 'consent.care_message'
  | 'legal_representative.record'
  | 'legal_representative.end'
  | 'clinician_view.read'
  | 'fhir.export'
  | 'fhir.import'
  | 'integration_client.create'
  | 'integration_client.revoke'
  | 'integration.denied'
  | 'meetings.import'
  | 'meeting.save'
  | 'meeting_attendance.create'
  | 'group.create'
  | 'group.update'
  | 'group_session.update'
  | 'group_enrolment.create'
  | 'group_enrolment.withdraw'
  | 'group_rsvp.update'
  | 'group_attendance.record'
  | 'group_attendance.read'
  | 'report.read'
  | 'report.export'
  | 'report.extract'
  | 'community.join'
  | 'community.profile_update'
  | 'community.leave'
  | 'community.space_create'
  | 'community.space_update'
  | 'community.post_create'
  | 'community.react'
  | 'community.report'
  | 'community.block'
  | 'community.moderate'
  | 'community.queue_read'
  | 'community.appeal'
  | 'community.appeal_decide'
  | 'community.rules_update'
  | 'community.story_submit'
  | 'community.room_create'
  | 'community.room_join'
  | 'community.room_control';

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
