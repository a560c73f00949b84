import { useTranslation } from 'react-i18next';
import type { Flag } from '../../../shared/schemas/caseload.js';
import { useFormat } from '../../i18n/format.js';
import { useWhen } from './useWhen.js';

/** A flag's reason in plain words, in the reader's language, from its code and numbers. */
export function useFlagWords(timeZone: string) {
  const { t } = useTranslation('caseload');
  const format = useFormat();
  const { moment } = useWhen(timeZone);
  return (flag: Flag): string => {
    const p = flag.params;
    const when = typeof p.at === 'string' ? moment(p.at) : '';
    const n = (key: string) => format.number(Number(p[key] ?? 0));
    switch (flag.kind) {
      case 'missed_checkins':
        return Number(p.usualEveryDays) <= 1
          ? t('flags.missed_checkins_daily', { days: n('days') })
          : t('flags.missed_checkins', { days: n('days'), usual: n('usualEveryDays') });
      case 'no_contact':
        return Number(p.never) === 1 ? t('flags.no_contact_never', { days: n('days') }) : t('flags.no_contact', { days: n('days') });
      case 'craving_high':
        return t('flags.craving_high', { craving: n('craving'), when });
      case 'craving_rising':
        return t('flags.craving_rising', { craving: n('craving'), average: n('average') });
      case 'reported_use':
        return Number(p.count) > 1 ? t('flags.reported_use_many', { count: Number(p.count), when }) : t('flags.reported_use', { when });
      default:
        return t(`flags.${flag.kind}`, { when });
    }
  };
}
