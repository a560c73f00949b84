import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../api/session.js';
import { useFormat } from '../../i18n/format.js';
import { programTimeZone } from '../../roles.js';

const DAY = 86_400_000;

/** Times of messages in the program's time zone and the reader's language. */
export function useMessageTime(programId: string) {
  const { t } = useTranslation('messaging');
  const { user } = useSignedIn();
  const { locale } = useFormat();
  const timeZone = programTimeZone(user, programId);
  return useMemo(() => {
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
    const weekday = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
    const dayKey = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone });
    const key = (iso: string | Date) => dayKey.format(new Date(iso));
    const daysAgo = (iso: string) => Math.round((Date.parse(`${key(new Date())}T00:00:00Z`) - Date.parse(`${key(iso)}T00:00:00Z`)) / DAY);
    const day = (iso: string) => {
      const ago = daysAgo(iso);
      if (ago === 0) return t('time.today');
      if (ago === 1) return t('time.yesterday');
      return ago < 7 ? weekday.format(new Date(iso)) : date.format(new Date(iso));
    };
    return {
      /** The calendar day a message belongs to, for grouping. */
      dayKey: key,
      /** "Today", "Yesterday", a weekday this week, else the date. */
      day,
      time: (iso: string) => time.format(new Date(iso)),
      /** For a list: the time today, otherwise the day. */
      short: (iso: string) => (daysAgo(iso) === 0 ? time.format(new Date(iso)) : day(iso)),
    };
  }, [locale, timeZone, t]);
}
