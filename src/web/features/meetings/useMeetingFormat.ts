import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { meetingTypeName } from '../../../shared/meetings/types.js';
import type { MeetingSummary } from '../../../shared/schemas/meetings.js';
import { intlLocale } from '../../i18n/locale.js';

/** Meeting days, times and type names in the reader's language; times on the meeting's own clock. */
export function useMeetingFormat() {
  const { t, i18n } = useTranslation('meetings');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const locale = intlLocale(language);
  return useMemo(() => {
    const weekday = (day: number) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + day, 12)));
    const wallTime = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number) as [number, number];
      return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1, h, m)));
    };
    const zoneName = (iso: string, timeZone: string) =>
      new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' }).formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
    return {
      weekday,
      wallTime,
      typeName: (code: string) => meetingTypeName(code, language) ?? code,
      /** "Tuesday 7:00 PM CST", or "By appointment". */
      when: (m: Pick<MeetingSummary, 'day' | 'time' | 'timeZone' | 'nextStart' | 'endTime'>) => {
        if (m.day === null || m.time === null) return t('byAppointment');
        const zone = m.timeZone && m.nextStart ? ` ${zoneName(m.nextStart, m.timeZone)}` : '';
        const end = m.endTime ? `–${wallTime(m.endTime)}` : '';
        return `${weekday(m.day)} ${wallTime(m.time)}${end}${zone}`;
      },
      /** "in 20 min", "started 5 min ago", "in 3 h", or null beyond a day. */
      soon: (minutes: number | null) => {
        if (minutes === null) return null;
        if (minutes < 0) return t('startedAgo', { count: -minutes });
        if (minutes === 0) return t('startingNow');
        if (minutes <= 90) return t('startsIn', { count: minutes });
        if (minutes < 24 * 60) return t('startsInHours', { count: Math.round(minutes / 60) });
        return null;
      },
      distance: (d: number, unit: 'mi' | 'km') => t(`distance.${unit}`, { value: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(d) }),
    };
  }, [locale, language, t]);
}
