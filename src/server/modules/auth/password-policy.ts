import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../platform/errors.js';

/**
 * The most common passwords seen in breaches (about 49,000), as shipped by the zxcvbn-ts project's
 * common-language package. Loaded once, lower-cased, in a Set.
 */
let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  return common;
}

const weak = () =>
  new AppError('auth.password_weak', 'That password is too easy to guess. Try a few unrelated words.', [
    { path: 'body.password', message: 'is too easy to guess' },
  ]);

/** True when the password, or its core without leading/trailing digits and symbols ("Password123!"), is a common one. */
export function isCommonPassword(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return core.length > 0 && core !== lower && list.has(core);
}

/**
 * Beyond the length rule in the shared schema (NIST SP 800-63B): refuse passwords made of one
 * repeated character or a plain run, and passwords on the common-password list.
 */
export function checkPasswordStrength(password: string): void {
  const distinct = new Set(password.toLowerCase()).size;
  if (distinct < 4 || isCommonPassword(password)) throw weak();
}
