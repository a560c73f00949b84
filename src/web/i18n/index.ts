import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import es from './es.json';
import { featureCatalogs } from './features.js';
import { initialLocale } from './locale.js';

// Each catalog is checked against the other's shape, so a key missing in either fails the type check.
const resources = {
  en: { translation: en satisfies typeof es, ...featureCatalogs.en },
  es: { translation: es satisfies typeof en, ...featureCatalogs.es },
};

export function setDocumentLanguage(lng: string): void {
  document.documentElement.lang = lng;
  document.documentElement.dir = i18next.dir(lng);
}

i18next.on('languageChanged', setDocumentLanguage);

export const i18nReady = i18next.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'es'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
