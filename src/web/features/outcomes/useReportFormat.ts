import { useTranslation } from 'react-i18next';
import type { TableValue } from '../../../shared/outcomes/tables.js';
import { NOT_RECORDED, type EquityDimension } from '../../../shared/outcomes/facts.js';
import { measureById } from '../../../shared/outcomes/measures.js';

type Suppressed = 'small_cell' | 'complementary' | 'small_denominator' | null;

/** Numbers and group names as a reader expects them, in the reader's language. */
export function useReportFormat() {
  const { t, i18n } = useTranslation('outcomes');
  const { t: tp } = useTranslation('profile');
  const lang: 'en' | 'es' = i18n.language.startsWith('es') ? 'es' : 'en';
  const number = (v: number, digits = 2) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(v);
  const percent = (v: number) => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(v);

  const value = (measureId: string, v: number | null, suppressed: Suppressed): string => {
    if (suppressed) return t(`withheld.${suppressed}`);
    if (v === null) return t('noData');
    const kind = measureById.get(measureId)?.kind;
    if (kind === 'rate') return percent(v);
    if (kind === 'mean') return `${v > 0 ? '+' : ''}${number(v)}`;
    return number(v);
  };

  const group = (dimension: EquityDimension, key: string): string => {
    if (key === NOT_RECORDED) return t('notRecorded');
    if (dimension === 'setting') return tp(`settings.${key}` as 'settings.community');
    if (dimension === 'language') {
      try {
        return new Intl.DisplayNames([lang], { type: 'language' }).of(key) ?? key;
      } catch {
        return key;
      }
    }
    if (dimension === 'housingStatus') return key;
    return tp(`demographics.options.${key}` as 'demographics.options.prefer_not_to_say');
  };

  const cell = (v: TableValue) => (v === null ? '' : typeof v === 'number' ? number(v, 3) : v);
  const measure = (id: string) => measureById.get(id);
  return { lang, value, group, cell, measure, number, percent };
}
