import i18next from 'i18next';
import { localeSchema, type Locale } from '../../shared/schemas/tenancy.js';

const STORAGE_KEY = 'peerpath.locale';

function stored(): Locale | null {
  try {
    const parsed = localeSchema.safeParse(localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Before we know who is signed in: the last language used on this device, else the browser's. */
export function initialLocale(): Locale {
  const fromBrowser = navigator.languages?.find((l) => l.startsWith('es') || l.startsWith('en'));
  return stored() ?? (fromBrowser?.startsWith('es') ? 'es' : 'en');
}

export function currentLocale(): Locale {
  const parsed = localeSchema.safeParse(i18next.resolvedLanguage ?? i18next.language);
  return parsed.success ? parsed.data : 'en';
}

export function applyLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private browsing may refuse storage; the language still changes for this visit.
  }
  if (currentLocale() !== locale) void i18next.changeLanguage(locale);
}

// A language picked before signing in is saved to the account once the person signs in.
let signedOutChoice: Locale | null = null;

export function chooseLocaleSignedOut(locale: Locale): void {
  signedOutChoice = locale;
  applyLocale(locale);
}

export function takeSignedOutChoice(): Locale | null {
  const choice = signedOutChoice;
  signedOutChoice = null;
  return choice;
}

/** The BCP 47 tag for Intl: the app's language, with the browser's region when it matches. */
export function intlLocale(locale: string): string {
  return navigator.languages?.find((l) => l.split('-')[0] === locale) ?? locale;
}
