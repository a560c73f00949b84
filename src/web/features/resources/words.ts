import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format.js';

/** Language names, weekdays and times of day in the reader's language, through Intl. */
export function useResourceWords() {
  const { i18n } = useTranslation();
  const format = useFormat();
  const locale = format.locale;
  return useMemo(() => {
    const names = new Intl.DisplayNames([locale], { type: 'language' });
    const time = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
    const weekdayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    return {
      ...format,
      languageName: (code: string) => {
        try {
          return names.of(code) ?? code;
        } catch {
          return code;
        }
      },
      /** "HH:MM" on a clock, "24:00" as midnight. */
      timeOfDay: (hhmm: string) => time.format(new Date(`1970-01-01T${hhmm === '24:00' ? '00:00' : hhmm}:00Z`)),
      /** 0 = Sunday. 1 January 2023 was a Sunday. */
      weekday: (day: number) => weekdayFormat.format(new Date(Date.UTC(2023, 0, 1 + day))),
      /** An instant on a clock: "5:00 PM", or "Monday 9:00 AM" when it is not today there. */
      moment: (iso: string, timeZone: string) => {
        const at = new Date(iso);
        const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
        const sameDay = day(at) === day(new Date());
        return new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit', ...(sameDay ? {} : { weekday: 'long' }) }).format(at);
      },
    };
    // i18n.language changes the locale format gives; listed so the names follow a language switch.
  }, [format, locale, i18n.language]);
}
