import { describe, expect, it } from 'vitest';
import {
  InstrumentPackError,
  getInstrument,
  instruments,
  parseInstrumentPack,
  scoreResponse,
  toInstrumentPack,
  type InstrumentDefinitionInput,
} from '../../src/shared/instruments/index.js';

/** A mutable copy of a shipped definition, as it would appear in a JSON pack. */
function copyOf(id: string): InstrumentDefinitionInput {
  return JSON.parse(JSON.stringify(getInstrument(id))) as InstrumentDefinitionInput;
}

function packError(pack: unknown): InstrumentPackError {
  try {
    parseInstrumentPack(pack);
  } catch (error) {
    if (error instanceof InstrumentPackError) return error;
    throw error;
  }
  throw new Error('pack was accepted');
}

type Mutation = (d: InstrumentDefinitionInput & Record<string, unknown>) => void;

describe('instrument packs', () => {
  it('round-trips every shipped definition through JSON', () => {
    const text = JSON.stringify(toInstrumentPack(instruments));
    expect(parseInstrumentPack(text)).toEqual(instruments);
    expect(parseInstrumentPack(JSON.parse(text))).toEqual(instruments);
  });

  it('scores an imported definition like the shipped one', () => {
    const [imported] = parseInstrumentPack({ instruments: [copyOf('gad7')] });
    expect(scoreResponse(imported!, { 1: 3, 2: 3, 3: 3, 4: 1, 5: 0, 6: 0, 7: 0 }).scores.total).toBe(10);
  });

  it.each<[string, string, Mutation, string]>([
    [
      'gapped bands',
      'gad7',
      (d) => {
        d.bands!.total![1]!.min = 6;
      },
      'instruments[0].bands.total[1].min: gap: 5–5 is not covered',
    ],
    [
      'overlapping bands',
      'gad7',
      (d) => {
        d.bands!.total![2]!.min = 8;
      },
      'instruments[0].bands.total[2].min: overlap: 8–9 is already covered (list ranges in ascending order)',
    ],
    [
      'bands that stop short of the highest score',
      'gad7',
      (d) => {
        d.bands!.total![3]!.max = 20;
      },
      'instruments[0].bands.total: gap: 21–21 is not covered',
    ],
    [
      'bands beyond the highest score',
      'phq9',
      (d) => {
        d.bands!.total![4]!.max = 30;
      },
      'instruments[0].bands.total: ranges reach 30, above the highest possible value of score "total" (27)',
    ],
    [
      'an unknown item in scoring',
      'gad7',
      (d) => {
        d.scoring[0]!.items.push('8');
      },
      'instruments[0].scoring[0].items[7]: unknown item "8"',
    ],
    [
      'a duplicate item id',
      'gad7',
      (d) => {
        d.items[6]!.id = '6';
      },
      'instruments[0].items[6].id: duplicate item id "6"',
    ],
    [
      'an unknown scale',
      'gad7',
      (d) => {
        d.items[0]!.scale = 'frequncy';
      },
      'instruments[0].items[0].scale: unknown scale "frequncy" (defined: frequency)',
    ],
    [
      'an unscored item inside a score',
      'gad7',
      (d) => {
        d.items[2]!.scored = false;
      },
      'instruments[0].scoring[0].items[2]: item "3" is marked unscored',
    ],
    [
      'a scored item in no score',
      'bam',
      (d) => {
        d.items.find((i) => i.id === '17')!.scored = true;
      },
      'instruments[0].items[22].scored: scored item "17" is in no score',
    ],
    [
      'a flag on an answer the scale does not have',
      'phq9',
      (d) => {
        d.flags![0]!.when.atLeast = 4;
      },
      'instruments[0].flags[0].when.atLeast: atLeast 4 must be above 0 and at most 3',
    ],
    [
      'a flag on an unknown item',
      'phq9',
      (d) => {
        d.flags![0]!.when.item = '10';
      },
      'instruments[0].flags[0].when: unknown item "10"',
    ],
    [
      'a threshold outside the score range',
      'barc10',
      (d) => {
        d.thresholds![0]!.atLeast = 61;
      },
      'instruments[0].thresholds[0].atLeast: atLeast 61 must be above 10 and at most 60',
    ],
    [
      'day-count bins with a gap',
      'bam',
      (d) => {
        const days = d.scales.days as { bins: { min: number }[] };
        days.bins[2]!.min = 5;
      },
      'instruments[0].scales.days.bins[2].min: gap: 4–4 is not covered',
    ],
    [
      'a skip rule on a later item',
      'bam',
      (d) => {
        d.items[4]!.skipWhen = { item: '6', equals: 0, impliedAnswer: 0 };
      },
      'instruments[0].items[4].skipWhen.item: a skip must depend on an earlier item',
    ],
    [
      'a skip rule with an answer off the scale',
      'bam',
      (d) => {
        d.items[4]!.skipWhen = { item: '4', equals: 31, impliedAnswer: 0 };
      },
      'instruments[0].items[4].skipWhen.equals: 31 is not an answer to item "4"',
    ],
    [
      'a duplicate answer value',
      'phq9',
      (d) => {
        const frequency = d.scales.frequency as { options: { value: number }[] };
        frequency.options[3]!.value = 2;
      },
      'instruments[0].scales.frequency.options[3].value: duplicate answer value 2',
    ],
    [
      'a missing Spanish text',
      'gad7',
      (d) => {
        delete (d.items[1]!.text as Partial<Record<'en' | 'es', string>>).es;
      },
      'instruments[0].items[1].text.es: Invalid input: expected string, received undefined',
    ],
    [
      'a misspelled field',
      'gad7',
      (d) => {
        d.termsOfUSE = 'free';
      },
      'instruments[0]: Unrecognized key: "termsOfUSE"',
    ],
    [
      'an unknown wording',
      'gad7',
      (d) => {
        (d as { wording: string }).wording = 'paraphrased';
      },
      'instruments[0].wording: Invalid option: expected one of "plain-language"|"official"',
    ],
  ])('rejects %s with a readable error', (_, id, mutate, line) => {
    const definition = copyOf(id) as InstrumentDefinitionInput & Record<string, unknown>;
    mutate(definition);
    const error = packError({ instruments: [definition] });
    expect(error.message.split('\n')).toContain(`  ${line}`);
    expect(error.message.startsWith('Invalid instrument pack:\n')).toBe(true);
  });

  it('lists every issue with its path', () => {
    const definition = copyOf('gad7');
    definition.bands!.total![1]!.min = 6;
    definition.scoring[0]!.items.push('9');
    const error = packError({ instruments: [definition] });
    expect(error.issues).toEqual([
      { path: 'instruments[0].scoring[0].items[7]', message: 'unknown item "9"' },
    ]);
    // References are fixed first; band coverage is checked once every item resolves.
    definition.scoring[0]!.items.pop();
    expect(packError({ instruments: [definition] }).issues).toEqual([
      { path: 'instruments[0].bands.total[1].min', message: 'gap: 5–5 is not covered' },
    ]);
  });

  it('rejects duplicate instruments, empty packs and non-JSON', () => {
    expect(packError({ instruments: [copyOf('gad7'), copyOf('gad7')] }).issues).toEqual([
      { path: 'instruments[1].id', message: 'duplicate instrument id "gad7"' },
    ]);
    expect(packError({ instruments: [] }).issues).toEqual([
      { path: 'instruments', message: 'Too small: expected array to have >=1 items' },
    ]);
    expect(packError([copyOf('gad7')]).issues).toEqual([
      { path: '(root)', message: 'Invalid input: expected object, received array' },
    ]);
    expect(packError('{ "instruments": [').issues[0]?.message).toMatch(/^not valid JSON: /);
  });

  it('scores a scale by answer position when the pack says so', () => {
    // Codes 1–5 recorded on the form, published points 0–4 by position.
    const definition: InstrumentDefinitionInput = {
      id: 'position-demo',
      version: '1',
      name: { en: 'Position demo', es: 'Demostración de posición' },
      shortName: 'POS',
      recallPeriod: { days: 7, text: { en: 'the last week', es: 'la última semana' } },
      citation: 'Test fixture',
      termsOfUse: 'Test fixture',
      wording: 'official',
      items: ['a', 'b'].map((id) => ({ id, text: { en: id, es: id }, scale: 'five', scored: true, kind: 'choice' as const })),
      scales: {
        five: {
          type: 'choice',
          points: 'position',
          options: [1, 2, 3, 4, 5].map((value) => ({ value, label: { en: `${value}`, es: `${value}` } })),
        },
      },
      scoring: [{ id: 'total', label: { en: 'Total', es: 'Total' }, items: ['a', 'b'], direction: 'higher-is-worse' }],
      bands: {
        total: [
          { min: 0, max: 3, label: { en: 'Low', es: 'Bajo' } },
          { min: 4, max: 8, label: { en: 'High', es: 'Alto' } },
        ],
      },
    };
    const [parsed] = parseInstrumentPack({ instruments: [definition] });
    const result = scoreResponse(parsed!, { a: 5, b: 1 });
    expect(result.scores.total).toBe(4);
    expect(result.bands.total?.label.en).toBe('High');
    // With value scoring the same bands would no longer cover 2–10.
    const byValue = { ...definition, scales: { five: { ...definition.scales.five!, points: 'value' as const } } };
    expect(packError({ instruments: [byValue] }).issues).toEqual([
      { path: 'instruments[0].bands.total[0].min', message: '0 is below the lowest possible value of score "total" (2)' },
      { path: 'instruments[0].bands.total', message: 'gap: 9–10 is not covered' },
    ]);
  });
});
