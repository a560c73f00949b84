// Languages most often asked for in US peer programs, with American Sign Language; the stored
// value is a BCP 47 tag, so any other language a record already has still shows.
const commonLanguages = ['en', 'es', 'ase', 'ar', 'zh', 'fr', 'ht', 'ko', 'pl', 'pt', 'ru', 'so', 'tl', 'vi', 'nv'];

/** Language choices named in the reader's language through Intl, the current one always included. */
export function languageChoices(locale: string, current: string): Array<{ value: string; label: string }> {
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const tags = commonLanguages.includes(current) ? commonLanguages : [current, ...commonLanguages];
  return tags.map((tag) => ({ value: tag, label: names.of(tag) ?? tag })).sort((a, b) => a.label.localeCompare(b.label, locale));
}
