import { and, eq, inArray, sql } from 'drizzle-orm';
import { DEFAULT_SERVICE_CODE, defaultWorkloadThresholds, type UpdateWorkforceSettings, type WorkforceSettings, type WorkloadThresholds } from '../../../shared/schemas/workforce.js';
import type { Db } from '../../db/client.js';
import { programs, programWorkforceSettings } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { hasRole, inTransaction, isOrgAdmin, type AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';

/** A program's co-sign rule, service code, unit rule and onboarding checklist; defaults until saved. */
export async function workforceSettingsFor(db: Db, programId: string): Promise<WorkforceSettings> {
  const [row] = await db.select().from(programWorkforceSettings).where(eq(programWorkforceSettings.programId, programId));
  return {
    programId,
    cosignRule: row?.cosignRule ?? 'none',
    serviceCode: row?.serviceCode ?? DEFAULT_SERVICE_CODE,
    unitRule: row?.unitRule ?? 'cms_8_minute',
    onboardingChecklist: row?.onboardingChecklist ?? [],
    thresholds: row ? thresholdsOf(row) : { ...defaultWorkloadThresholds },
  };
}

const thresholdsOf = (row: typeof programWorkforceSettings.$inferSelect): WorkloadThresholds => ({
  caseloadSignalPercent: row.caseloadSignalPercent,
  urgentAlertsPerWeek: row.urgentAlertsPerWeek,
  afterHoursMessagesPerWeek: row.afterHoursMessagesPerWeek,
  workdayStartHour: row.workdayStartHour,
  workdayEndHour: row.workdayEndHour,
});

/** Each program's check-in thresholds, defaults where none are saved. */
export async function thresholdsFor(db: Db, programIds: string[]): Promise<Map<string, WorkloadThresholds>> {
  const rows = programIds.length ? await db.select().from(programWorkforceSettings).where(inArray(programWorkforceSettings.programId, programIds)) : [];
  const saved = new Map(rows.map((r) => [r.programId, thresholdsOf(r)]));
  return new Map(programIds.map((id) => [id, saved.get(id) ?? { ...defaultWorkloadThresholds }]));
}

/** The program, when the actor supervises it or runs the organization; otherwise the same 404 as an unknown one. */
export async function requireProgramOversight(ctx: AuthedContext, programId: string): Promise<{ id: string; name: string; timeZone: string }> {
  const [program] = await ctx.db
    .select({ id: programs.id, name: programs.name, timeZone: programs.timeZone })
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, ctx.actor.organizationId)));
  const allowed = program && (isOrgAdmin(ctx.actor) || hasRole(ctx.actor, 'supervisor', program.id));
  if (!allowed || !program) throw notFound('program.not_found', 'That program');
  return program;
}

export async function getWorkforceSettings(ctx: AuthedContext, programId: string): Promise<WorkforceSettings> {
  await requireProgramOversight(ctx, programId);
  return workforceSettingsFor(ctx.db, programId);
}

export async function updateWorkforceSettings(ctx: AuthedContext, programId: string, input: UpdateWorkforceSettings): Promise<WorkforceSettings> {
  await requireProgramOversight(ctx, programId);
  await inTransaction(ctx, async (tx) => {
    const { thresholds, ...rest } = input;
    const values = { ...rest, ...thresholds, onboardingChecklist: [...new Set(input.onboardingChecklist)] };
    await tx.db
      .insert(programWorkforceSettings)
      .values({ programId, organizationId: ctx.actor.organizationId, ...values })
      .onConflictDoUpdate({ target: programWorkforceSettings.programId, set: { ...values, updatedAt: sql`now()` } });
    await recordAudit(tx, { action: 'workforce_settings.update', resourceType: 'program', resourceId: programId, details: { cosignRule: input.cosignRule, serviceCode: input.serviceCode, unitRule: input.unitRule, ...thresholds } });
  });
  return workforceSettingsFor(ctx.db, programId);
}
