import { useMemo } from 'react';
import { daysBetween, localDate } from '../../../shared/milestones.js';
import { useFormat } from '../../i18n/format.js';

/**
 * A moment as people say it, on the program's clock: "today, 4:34 PM", "yesterday, 9:10 AM", or a
 * date further back. `day` does the same for calendar dates (YYYY-MM-DD) without a time.
 */
export function useWhen(timeZone?: string) {
  const { locale } = useFormat();
  return useMemo(() => {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
    const calendarDate = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const ago = (day: string) => daysBetween(day, localDate(new Date(), zone));
    const day = (calendar: string): string => {
      const d = ago(calendar);
      return d >= -1 && d <= 1 ? relative.format(-d, 'day') : calendarDate.format(new Date(`${calendar}T12:00:00Z`));
    };
    const moment = (iso: string): string => {
      const d = ago(localDate(new Date(iso), zone));
      return d === 0 || d === 1 ? `${relative.format(-d, 'day')}, ${time.format(new Date(iso))}` : date.format(new Date(iso));
    };
    /** Just the date of a moment, with today and yesterday in words. */
    const dateOf = (iso: string): string => day(localDate(new Date(iso), zone));
    return { moment, day, dateOf };
  }, [locale, timeZone]);
}
