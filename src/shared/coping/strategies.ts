import type { Locale } from '../schemas/tenancy.js';
import { calmTheBody } from './library/calm-the-body.js';
import { mindAndHeart } from './library/mind-and-heart.js';
import { peopleAndPlaces } from './library/people-and-places.js';
import { copingLibrarySchema, type CopingStrategy, type StrategyText } from './strategy-schema.js';

/**
 * The coping library, shared by the API and the web app (which reads it directly, so the craving
 * flow never waits on the network). Parsed at load: a strategy with a missing translation or a
 * wrong number of steps stops the program from starting instead of showing half a card.
 */
export const copingStrategies: readonly CopingStrategy[] = Object.freeze(copingLibrarySchema.parse([...calmTheBody, ...mindAndHeart, ...peopleAndPlaces]));

const byId = new Map(copingStrategies.map((s) => [s.id, s]));

export const strategyIds: readonly string[] = copingStrategies.map((s) => s.id);

export function findStrategy(id: string): CopingStrategy | undefined {
  return byId.get(id);
}

export function isStrategyId(id: string): boolean {
  return byId.has(id);
}

/** A strategy's words in the reader's language (English when that language is missing). */
export function strategyText(strategy: CopingStrategy, locale: string): StrategyText {
  return strategy.text[locale as Locale] ?? strategy.text.en;
}

/**
 * Offered in the craving flow while someone's plan is still empty: one that calms the body fast,
 * one that rides the urge out, one that brings in another person.
 */
export const starterStrategyIds = ['box_breathing', 'urge_surfing', 'reach_out'] as const;

export type { CopingStrategy, StrategyText };
