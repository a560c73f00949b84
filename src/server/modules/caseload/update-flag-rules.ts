import { sql } from 'drizzle-orm';
import type { ProgramFlagRules, UpdateFlagRules } from '../../../shared/schemas/caseload.js';
import { programFlagRules } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { toProgramFlagRules } from './get-flag-rules.js';
import { requireRulesAccess } from './rules-access.js';
import { loadProgramRules } from './rules-store.js';

/** Saves the whole set of rules (validated by the shared schema before it gets here) and the escalation delay. */
export async function updateFlagRules(ctx: AuthedContext, programId: string, input: UpdateFlagRules): Promise<ProgramFlagRules> {
  const program = await requireRulesAccess(ctx, programId, 'flag_rules.update');
  return inTransaction(ctx, async (tx) => {
    const before = (await loadProgramRules(tx.db, [program.id])).get(program.id)!;
    await tx.db
      .insert(programFlagRules)
      .values({ programId: program.id, organizationId: program.organizationId, rules: input.rules, escalateAfterMinutes: input.escalateAfterMinutes })
      .onConflictDoUpdate({
        target: programFlagRules.programId,
        set: { rules: input.rules, escalateAfterMinutes: input.escalateAfterMinutes, updatedAt: sql`now()` },
      });
    const changed = (Object.keys(input.rules) as Array<keyof typeof input.rules>).filter(
      (k) => JSON.stringify(input.rules[k]) !== JSON.stringify(before.rules[k]),
    );
    await recordAudit(tx, {
      action: 'flag_rules.update',
      resourceType: 'program',
      resourceId: program.id,
      details: { changed, escalateAfterMinutes: input.escalateAfterMinutes },
    });
    const after = (await loadProgramRules(tx.db, [program.id])).get(program.id)!;
    return toProgramFlagRules(program, after);
  });
}
