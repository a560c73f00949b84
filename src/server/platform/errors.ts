/**
 * The one error type. Its code is stable (clients and tests match on it) and maps to an HTTP
 * status in one table, which the OpenAPI document also lists.
 */
export const errorStatus = {
  'validation.failed': 400,
  'request.malformed': 400,
  'auth.token_invalid': 400,
  'assessment.answer_invalid': 400,
  'auth.password_weak': 400,
  'signup.code_invalid': 400,
  'meeting_feed.invalid': 400,
  'auth.required': 401,
  'auth.sign_in_failed': 401,
  'auth.csrf_failed': 403,
  'auth.forbidden': 403,
  'route.not_found': 404,
  'participant.not_found': 404,
  'program.not_found': 404,
  'user.not_found': 404,
  'milestone.not_found': 404,
  'notification.not_found': 404,
  'contact_note.not_found': 404,
  'appointment.not_found': 404,
  'calendar_feed.not_found': 404,
  'contact_note.author_only': 403,
  'assessment.not_found': 404,
  'journal_entry.not_found': 404,
  'goal.not_found': 404,
  'goal_step.not_found': 404,
  'craving.not_found': 404,
  'resource.not_found': 404,
  'referral.not_found': 404,
  'meeting.not_found': 404,
  'group.not_found': 404,
  'group_session.not_found': 404,
  'alert.not_found': 404,
  'consent.not_found': 404,
  'integration_client.not_found': 404,
  'consent.participant_signs': 403,
  'consent.not_draft': 409,
  'consent.already_ended': 409,
  'integration.token_invalid': 401,
  'integration.scope': 403,
  'fhir.invalid': 400,
  'task.not_found': 404,
  'thread.not_found': 404,
  'supervision.not_found': 404,
  'wellbeing.not_found': 404,
  'incident.not_found': 404,
  'cosign.not_pending': 409,
  'thread.cannot_leave': 409,
  'message.client_id_taken': 409,
  'goal.participant_decides': 403,
  'referral.peer_worker_refers': 403,
  'referral.participant_reports': 403,
  'peer_profile.peer_decides': 403,
  'goal.status_change_invalid': 409,
  'referral.transition_invalid': 409,
  'referral.finished': 409,
  'resource.not_local': 409,
  'appointment.status_change_invalid': 409,
  'appointment.closed': 409,
  'calendar_feed.limit_reached': 409,
  'craving.already_ended': 409,
  'group.full': 409,
  'group.ended': 409,
  'group_session.cancelled': 409,
  'group_session.not_yet': 409,
  'alert.already_resolved': 409,
  'user.email_taken': 409,
  'program.slug_taken': 409,
  'safety_plan.changed': 409,
  'community_space.not_found': 404,
  'community_post.not_found': 404,
  'community_member.not_found': 404,
  'community_queue_item.not_found': 404,
  'community_action.not_found': 404,
  'community_story.not_found': 404,
  'community_room.not_found': 404,
  'community.restricted': 403,
  'community.profile_required': 409,
  'community.guidelines_required': 409,
  'community.name_taken': 409,
  'community.action_invalid': 409,
  'community_room.closed': 409,
  'community_room.full': 409,
  'community_room.muted': 403,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'rate.limited': 429,
  'server.error': 500,
  'database.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.status = errorStatus[code];
  }
}

export const notFound = (code: Extract<ErrorCode, `${string}.not_found`>, what = 'That record') =>
  new AppError(code, `${what} was not found.`);
