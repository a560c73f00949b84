import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group } from '../../../shared/schemas/groups.js';
import { intlLocale } from '../../i18n/locale.js';
import { localDate } from '../../../shared/milestones.js';

/** Group times in the reader's language, always on the group's program clock. */
export function useGroupFormat() {
  const { t, i18n } = useTranslation('groups');
  const locale = intlLocale(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(() => {
    const list = new Intl.ListFormat(locale, { type: 'conjunction' });
    const wallTime = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, h, m)));
    };
    return {
      locale,
      /** "Tue, Nov 25, 6:00 PM" on the program clock. */
      session: (iso: string, timeZone: string) =>
        new Intl.DateTimeFormat(locale, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(iso)),
      day: (date: string) => new Intl.DateTimeFormat(locale, { weekday: 'long', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`)),
      wallTime,
      /** "Every week on Tuesday at 6:00 PM (90 min)". */
      schedule: (s: Group['schedule']) => {
        const pattern =
          s.frequency === 'daily'
            ? t('frequency.daily', { count: s.interval })
            : t('frequency.weekly', { count: s.interval, days: list.format(s.weekdays.map((d) => t(`weekday.${d}`))) });
        return t('when', { pattern, time: wallTime(s.startTime), minutes: s.durationMinutes });
      },
    };
  }, [locale, t]);
}

/** Today's date (YYYY-MM-DD) on a program's clock. */
export function todayIn(timeZone: string): string {
  return localDate(new Date(), timeZone);
}
