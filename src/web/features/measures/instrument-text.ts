import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition, Item, Localized } from '../../../shared/instruments/index.js';

/** Picks the reader's language from a definition's words (every definition carries English and Spanish). */
export function useLocalized(): (text: Localized) => string {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return useCallback((text: Localized) => (language === 'es' ? text.es : text.en), [language]);
}

export type FormAnswers = Record<string, number | null>;

/** A published skip rule leaves an item unasked once the item it depends on has the skipping answer. */
export function isSkipped(item: Item, answers: FormAnswers): boolean {
  return item.skipWhen !== undefined && answers[item.skipWhen.item] === item.skipWhen.equals;
}

/** The items to ask, in form order, given the answers so far. */
export function askedItems(definition: InstrumentDefinition, answers: FormAnswers): Item[] {
  return definition.items.filter((item) => !isSkipped(item, answers));
}

/** What is sent: answers to the items asked, so a skipped item never contradicts its skip rule. */
export function answersToSend(definition: InstrumentDefinition, answers: FormAnswers): FormAnswers {
  return Object.fromEntries(askedItems(definition, answers).map((item) => [item.id, answers[item.id] ?? null]));
}

/**
 * Headline scores: those that are not a part of another score (PHQ-9's PHQ-2 sub-score is its first
 * two items), so a trend shows what the instrument is for.
 */
export function headlineScores(definition: InstrumentDefinition) {
  return definition.scoring.filter(
    (rule) => !definition.scoring.some((other) => other !== rule && other.items.length > rule.items.length && rule.items.every((id) => other.items.includes(id))),
  );
}
