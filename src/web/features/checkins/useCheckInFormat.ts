import { useMemo } from 'react';
import { useFormat } from '../../i18n/format.js';

/** Check-in dates in the reader's language: instants in the program's time zone, calendar days as they are. */
export function useCheckInFormat() {
  const { locale, number } = useFormat();
  return useMemo(() => {
    // A calendar day (YYYY-MM-DD) is read at UTC midnight and shown in UTC, so no zone moves it.
    const dayOf = (date: string) => new Date(`${date}T00:00:00Z`);
    const shortDay = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' });
    const longDay = new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' });
    const moments = new Map<string, Intl.DateTimeFormat>();
    return {
      number,
      shortDay: (date: string) => shortDay.format(dayOf(date)),
      longDay: (date: string) => longDay.format(dayOf(date)),
      /** When a check-in was made, where the program is. */
      when: (iso: string, timeZone?: string) => {
        const key = timeZone ?? '';
        let format = moments.get(key);
        if (!format) {
          format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
          moments.set(key, format);
        }
        return format.format(new Date(iso));
      },
    };
  }, [locale, number]);
}
