import { useTranslation } from 'react-i18next';
import { copingStrategies, findStrategy, strategyText, type CopingStrategy, type StrategyText } from '../../../shared/coping/strategies.js';

export interface ShownStrategy {
  strategy: CopingStrategy;
  words: StrategyText;
}

/**
 * The library in the reader's language. The web app reads the shared library directly rather than
 * fetching it, so the craving flow never waits on the network for it.
 */
export function useStrategies() {
  const { i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const show = (strategy: CopingStrategy): ShownStrategy => ({ strategy, words: strategyText(strategy, locale) });
  return {
    all: copingStrategies.map(show),
    /** Known strategies among these ids, in the order given. */
    byIds: (ids: readonly string[]): ShownStrategy[] => ids.flatMap((id) => (findStrategy(id) ? [show(findStrategy(id)!)] : [])),
    title: (id: string) => (findStrategy(id) ? strategyText(findStrategy(id)!, locale).title : id),
  };
}
