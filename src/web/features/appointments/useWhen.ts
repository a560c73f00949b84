import { useMemo } from 'react';
import { useFormat } from '../../i18n/format.js';

/** Instants on a program's clock, in the reader's language: a session at 3 pm is at 3 pm there. */
export function useWhen() {
  const { locale } = useFormat();
  return useMemo(() => {
    const make = (options: Intl.DateTimeFormatOptions) => (iso: string, timeZone?: string) => new Intl.DateTimeFormat(locale, { ...options, timeZone }).format(new Date(iso));
    return {
      /** "Thu, Nov 26" */
      day: make({ weekday: 'short', month: 'short', day: 'numeric' }),
      /** "3:00 PM" */
      time: make({ hour: 'numeric', minute: '2-digit' }),
      /** "Thu, Nov 26, 3:00 PM" */
      dateTime: make({ weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }),
      /** "Nov 26, 2026, 3:00 PM" */
      full: make({ dateStyle: 'medium', timeStyle: 'short' }),
      /** "Nov 26, 2026" */
      date: make({ dateStyle: 'medium' }),
      /** The zone's short name, for "times are on the program's clock (CST)". */
      zoneName: (timeZone: string) =>
        new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date()).find((p) => p.type === 'timeZoneName')?.value ?? timeZone,
    };
  }, [locale]);
}
