import { useTranslation } from 'react-i18next';
import type { WeeklyTimeWindow } from '../../../shared/schemas/matching.js';
import { weekdays } from '../../../shared/schemas/matching.js';
import { useFormat } from '../../i18n/format.js';

/** Names for the codes matching uses, in the reader's language. */
export function useMatchingWords() {
  const { t } = useTranslation('matching');
  const format = useFormat();
  const languageNames = new Intl.DisplayNames([format.locale], { type: 'language', fallback: 'code' });
  const language = (tag: string) => {
    try {
      return languageNames.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };
  const clock = new Intl.DateTimeFormat(format.locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  // "17:00" as the reader says it ("5:00 PM", "17:00"); "24:00" is the end of the day.
  const time = (hhmm: string) => clock.format(new Date(Date.UTC(1970, 0, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)))));
  const byDay = (windows: readonly WeeklyTimeWindow[]) =>
    weekdays
      .map((day) => ({ day, windows: windows.filter((w) => w.day === day) }))
      .filter((d) => d.windows.length > 0);
  return {
    language,
    time,
    languages: (tags: readonly string[]) => format.list(tags.map(language)),
    /** "Tuesday: 17:00 to 21:00; Saturday: …" */
    times: (windows: readonly WeeklyTimeWindow[]) =>
      byDay(windows)
        .map(({ day, windows: ws }) => `${t(`days.${day}`)}: ${format.list(ws.map((w) => t('times.summary', { from: time(w.from), to: time(w.to) })))}`)
        .join('; '),
    format,
  };
}
