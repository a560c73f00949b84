import type { Locale } from '../../../shared/schemas/tenancy.js';

/** Task titles, in the task owner's language when the task is made. */
export const followUpTitle: Record<Locale, (name: string) => string> = {
  en: (name) => `Follow up with ${name}`,
  es: (name) => `Dar seguimiento a ${name}`,
};
