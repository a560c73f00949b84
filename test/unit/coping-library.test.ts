import { describe, expect, it } from 'vitest';
import { copingStrategies, findStrategy, starterStrategyIds, strategyText } from '../../src/shared/coping/strategies.js';
import { copingLibrarySchema, copingStrategySchema } from '../../src/shared/coping/strategy-schema.js';
import { locales } from '../../src/shared/schemas/tenancy.js';

describe('the coping strategy library', () => {
  it('holds the strategies the toolkit promises', () => {
    const ids = copingStrategies.map((s) => s.id);
    for (const id of [
      'box_breathing',
      'grounding_54321',
      'urge_surfing',
      'halt_check',
      'move_your_body',
      'write_it_out',
      'reach_out',
      'leave_the_situation',
      'delay_and_distract',
      'kind_self_talk',
      'safe_place',
    ]) {
      expect(ids).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(copingStrategies.map((s) => [s.id, s] as const))('%s has every part in English and Spanish', (_id, strategy) => {
    for (const locale of locales) {
      const text = strategy.text[locale];
      expect(text.title.trim()).not.toBe('');
      expect(text.summary.trim()).not.toBe('');
      expect(text.whenItHelps.trim()).not.toBe('');
      expect(text.steps.length).toBeGreaterThanOrEqual(3);
      expect(text.steps.length).toBeLessThanOrEqual(6);
      for (const step of text.steps) expect(step.trim()).not.toBe('');
    }
    expect(strategy.text.es.steps).toHaveLength(strategy.text.en.steps.length);
    // A Spanish text that is just the English one copied over is not a translation.
    expect(strategy.text.es.summary).not.toBe(strategy.text.en.summary);
    expect(strategy.minutes).toBeGreaterThan(0);
  });

  it('offers starter strategies that exist', () => {
    for (const id of starterStrategyIds) expect(findStrategy(id)).toBeDefined();
  });

  it('falls back to English for a language it does not have', () => {
    const box = findStrategy('box_breathing')!;
    expect(strategyText(box, 'es').title).toBe('Respiración en caja');
    expect(strategyText(box, 'fr').title).toBe('Box breathing');
  });

  it('refuses a strategy with a missing translation, uneven steps, or a repeated id', () => {
    const box = findStrategy('box_breathing')!;
    expect(copingStrategySchema.safeParse({ ...box, text: { en: box.text.en } }).success).toBe(false);
    const uneven = { ...box, text: { ...box.text, es: { ...box.text.es, steps: box.text.es.steps.slice(0, 3) } } };
    expect(copingStrategySchema.safeParse(uneven).success).toBe(false);
    const tooFew = { ...box, text: { en: { ...box.text.en, steps: ['one', 'two'] }, es: { ...box.text.es, steps: ['uno', 'dos'] } } };
    expect(copingStrategySchema.safeParse(tooFew).success).toBe(false);
    expect(copingLibrarySchema.safeParse([box, box]).success).toBe(false);
  });
});
