import {
  DEFAULT_ESCALATE_AFTER_MINUTES,
  defaultFlagRules,
  flagRulesSchema,
  type FlagRules,
} from '../../../shared/schemas/caseload.js';
import { programFlagRules } from '../../db/schema/index.js';
import type { Db } from '../../db/client.js';
import { anyOf, preparedStatement } from '../../db/prepared.js';

export interface ProgramRules {
  rules: FlagRules;
  escalateAfterMinutes: number;
  updatedAt: Date | null;
}

export const programDefaults: ProgramRules = { rules: defaultFlagRules, escalateAfterMinutes: DEFAULT_ESCALATE_AFTER_MINUTES, updatedAt: null };

/**
 * The stored rules over the defaults, rule by rule: a rule added after a program saved its settings
 * starts at its default, and a stored rule that no longer validates falls back to it.
 */
export function rulesFromStored(stored: Record<string, unknown>): FlagRules {
  const shape = flagRulesSchema.shape;
  const merged = Object.fromEntries(
    (Object.keys(shape) as Array<keyof FlagRules>).map((key) => {
      const saved = stored[key];
      const candidate = { ...defaultFlagRules[key], ...(typeof saved === 'object' && saved !== null ? saved : {}) };
      const parsed = shape[key].safeParse(candidate);
      return [key, parsed.success ? parsed.data : defaultFlagRules[key]];
    }),
  );
  return merged as FlagRules;
}

const rulesStatement = preparedStatement('peerpath_program_flag_rules', (db, name) =>
  db.select().from(programFlagRules).where(anyOf(programFlagRules.programId, 'programIds')).prepare(name),
);

/** The rules of many programs in one query; programs without a saved row get the defaults. */
export async function loadProgramRules(db: Db, programIds: readonly string[]): Promise<Map<string, ProgramRules>> {
  const result = new Map<string, ProgramRules>(programIds.map((id) => [id, programDefaults]));
  if (programIds.length === 0) return result;
  const rows = await rulesStatement(db).execute({ programIds });
  for (const row of rows) {
    result.set(row.programId, { rules: rulesFromStored(row.rules), escalateAfterMinutes: row.escalateAfterMinutes, updatedAt: row.updatedAt });
  }
  return result;
}
