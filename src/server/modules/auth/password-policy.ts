import { AppError } from '../../platform/errors.js';

/**
 * Beyond the length rule in the shared schema: refuse passwords made of one repeated character
 * or a plain run. A common-password list check belongs here too.
 */
export function checkPasswordStrength(password: string): void {
  const distinct = new Set(password.toLowerCase()).size;
  if (distinct < 4) {
    throw new AppError('auth.password_weak', 'That password is too easy to guess. Try a few unrelated words.', [
      { path: 'body.password', message: 'is too easy to guess' },
    ]);
  }
}
