import i18next from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../api/client.js';

export type FieldErrors = Partial<Record<string, string>>;

/** A catalog entry looked up by a key known only at run time (an error code, an audit action). */
export function lookup(key: string): string | null {
  return i18next.exists(key) ? (i18next.t as unknown as (k: string) => string)(key) : null;
}

/** What to tell the person about a failed call, in their language; the server's words only as a last resort. */
export function describeError(err: unknown): string {
  if (err instanceof ApiError) return lookup(`errors.codes.${err.code}`) ?? err.message;
  return i18next.t('errors.codes.server.error');
}

/** Field errors of a 400/409 answer, keyed by the input's name (`body.email` → `email`). */
export function apiFieldErrors(err: unknown): FieldErrors {
  if (!(err instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const field of err.fields) {
    const name = field.path.replace(/^body\./, '');
    const message = err.code === 'validation.failed' ? i18next.t('validation.invalid') : describeError(err);
    out[name] ??= message;
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue, value: unknown): string {
  const t = i18next.t;
  const field = issue.path.join('.');
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return t('validation.required');
  switch (issue.code) {
    case 'too_small':
      return t('validation.tooShort', { count: Number(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { count: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.format === 'email') return t('validation.email');
      return lookup(`validation.fields.${field}`) ?? t('validation.invalid');
    default:
      return lookup(`validation.fields.${field}`) ?? t('validation.invalid');
  }
}

/** Checks input with the shared schema before it is sent, with messages in the reader's language. */
export function validate<S extends z.ZodType>(schema: S, values: Record<string, unknown>): { data: z.output<S> } | { errors: FieldErrors } {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const name = issue.path.join('.');
    errors[name] ??= issueMessage(issue, values[name]);
  }
  return { errors };
}
