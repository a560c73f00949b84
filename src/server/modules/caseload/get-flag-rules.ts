import type { ProgramFlagRules } from '../../../shared/schemas/caseload.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { requireRulesAccess } from './rules-access.js';
import { loadProgramRules, type ProgramRules } from './rules-store.js';

export function toProgramFlagRules(program: { id: string; name: string }, r: ProgramRules): ProgramFlagRules {
  return {
    programId: program.id,
    programName: program.name,
    rules: r.rules,
    escalateAfterMinutes: r.escalateAfterMinutes,
    isDefault: r.updatedAt === null,
    updatedAt: r.updatedAt?.toISOString() ?? null,
  };
}

export async function getFlagRules(ctx: AuthedContext, programId: string): Promise<ProgramFlagRules> {
  const program = await requireRulesAccess(ctx, programId, 'flag_rules.read');
  const rules = (await loadProgramRules(ctx.db, [program.id])).get(program.id)!;
  await recordAudit(ctx, { action: 'flag_rules.read', resourceType: 'program', resourceId: program.id });
  return toProgramFlagRules(program, rules);
}
