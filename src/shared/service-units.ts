import type { UnitRule } from './schemas/workforce.js';

/** Minutes in one billing unit (HCPCS H0038 and most peer-service codes are "per 15 minutes"). */
export const UNIT_MINUTES = 15;

/**
 * Billing units for a contact of `minutes`, by the program's rule:
 * - the CMS "8-minute rule": under 8 minutes is 0 units; 8–22 is 1, 23–37 is 2, 38–52 is 3, …
 *   (a unit counts once at least half of it, 8 minutes, was given);
 * - whole units only: every full 15 minutes is a unit, the rest is not billed.
 */
export function unitsFor(minutes: number, rule: UnitRule): number {
  if (!Number.isFinite(minutes) || minutes <= 0) return 0;
  const whole = Math.floor(minutes);
  if (rule === 'whole_units') return Math.floor(whole / UNIT_MINUTES);
  return whole < 8 ? 0 : Math.floor((whole - 8) / UNIT_MINUTES) + 1;
}
