import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from './locale.js';

/** Dates, times, numbers and lists in the reader's language, through Intl. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => {
    const dateFormats = new Map<string, Intl.DateTimeFormat>();
    const dateFormat = (options: Intl.DateTimeFormatOptions) => {
      const key = JSON.stringify(options);
      let format = dateFormats.get(key);
      if (!format) {
        format = new Intl.DateTimeFormat(locale, options);
        dateFormats.set(key, format);
      }
      return format;
    };
    return {
      locale,
      /** A calendar date; in the program's time zone when one is given. */
      date: (iso: string, timeZone?: string) => dateFormat({ dateStyle: 'medium', timeZone }).format(new Date(iso)),
      dateTime: (iso: string) => dateFormat({ dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
      number: (n: number) => new Intl.NumberFormat(locale).format(n),
      list: (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items),
    };
  }, [locale]);
}
