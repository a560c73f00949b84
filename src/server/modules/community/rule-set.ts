import { desc, eq } from 'drizzle-orm';
import { safetyRulesSchema, type SafetyRules } from '../../../shared/schemas/community.js';
import type { Db } from '../../db/client.js';
import { communityRuleSets } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { defaultSafetyRules } from './safety/default-rules.js';

export interface RuleSet {
  version: number;
  rules: SafetyRules;
  createdAt: Date | null;
}

/** The organization's newest rule version, or the defaults in code (version 0) when it has none. */
export async function currentRules(db: Db, organizationId: string): Promise<RuleSet> {
  const [row] = await db
    .select()
    .from(communityRuleSets)
    .where(eq(communityRuleSets.organizationId, organizationId))
    .orderBy(desc(communityRuleSets.version))
    .limit(1);
  if (!row) return { version: 0, rules: defaultSafetyRules, createdAt: null };
  const parsed = safetyRulesSchema.safeParse(row.rules);
  return { version: row.version, rules: parsed.success ? parsed.data : defaultSafetyRules, createdAt: row.createdAt };
}

/** A new version of the rules; earlier versions stay, and each post records the version that checked it. */
export async function saveRules(ctx: AuthedContext, rules: SafetyRules): Promise<RuleSet> {
  return inTransaction(ctx, async (tx) => {
    const current = await currentRules(tx.db, ctx.actor.organizationId);
    const version = current.version + 1;
    const [row] = await tx.db
      .insert(communityRuleSets)
      .values({ organizationId: ctx.actor.organizationId, version, rules, createdBy: ctx.actor.userId })
      .returning();
    await recordAudit(tx, { action: 'community.rules_update', resourceType: 'community_rule_set', resourceId: row!.id, details: { version } });
    return { version, rules, createdAt: row!.createdAt };
  });
}
