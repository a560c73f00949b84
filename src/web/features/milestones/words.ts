import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../shared/schemas/milestones.js';
import { useFormat } from '../../i18n/format.js';

/** Names a milestone: "30 days", "1 year", or the participant's own words. */
export function useMilestoneWords() {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  return {
    name: (m: Milestone) => (m.kind === 'custom' || !m.unit ? (m.label ?? '') : t(`units.${m.unit}`, { count: m.amount ?? 0 })),
    /** A calendar date (YYYY-MM-DD) as the reader writes dates; it names a day, so no zone shifts it. */
    date: (d: string) => format.date(`${d}T12:00:00Z`, 'UTC'),
  };
}
