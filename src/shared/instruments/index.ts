import { parseInstrumentPack, type InstrumentDefinition } from './definition.js';
import { bam } from './definitions/bam.js';
import { barc10 } from './definitions/barc10.js';
import { gad7 } from './definitions/gad7.js';
import { phq2 } from './definitions/phq2.js';
import { phq9 } from './definitions/phq9.js';
import { proqol5 } from './definitions/proqol5.js';

export * from './definition.js';
export * from './score.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every shipped instrument, validated at module load through the same checks as an imported
 * pack (a broken definition fails at start-up, not mid-scoring), and frozen so no caller can
 * change a scoring rule at run time.
 */
export const instruments: readonly InstrumentDefinition[] = deepFreeze(
  parseInstrumentPack({ instruments: [phq9, phq2, gad7, barc10, bam] }),
);

export function getInstrument(id: string): InstrumentDefinition | undefined {
  return instruments.find((definition) => definition.id === id);
}

/**
 * Instruments for the workforce's own wellbeing (ProQOL 5), kept apart from the measures offered
 * to participants; validated and frozen the same way.
 */
export const workerInstruments: readonly InstrumentDefinition[] = deepFreeze(parseInstrumentPack({ instruments: [proqol5] }));
export const workerInstrumentIds: readonly string[] = workerInstruments.map((d) => d.id);
