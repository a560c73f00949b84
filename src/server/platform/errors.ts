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
  'assessment.not_found': 404,
  'journal_entry.not_found': 404,
  'goal.not_found': 404,
  'goal_step.not_found': 404,
  'craving.not_found': 404,
  'goal.participant_decides': 403,
  'goal.status_change_invalid': 409,
  'craving.already_ended': 409,
  'user.email_taken': 409,
  'program.slug_taken': 409,
  'safety_plan.changed': 409,
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
