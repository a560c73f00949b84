import { and, desc, eq } from 'drizzle-orm';
import { bandFor, validateAnswers, scoreResponse, workerInstruments, type InstrumentDefinition } from '../../../shared/instruments/index.js';
import { PROQOL_ID, type CreateWellbeingCheck, type WellbeingCheck } from '../../../shared/schemas/workforce.js';
import type { Db } from '../../db/client.js';
import { wellbeingChecks } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { organizationInstruments } from '../assessments/definitions.js';
import { requireTeamWorker } from './team-scope.js';

const shipped = workerInstruments.find((d) => d.id === PROQOL_ID)!;

/**
 * The ProQOL 5 as the organization shows it: the shipped definition, or the wording of the same
 * version the organization loaded as a pack (the published Spanish, for instance). Scoring is the same.
 */
export async function proqolFor(db: Db, organizationId: string): Promise<InstrumentDefinition> {
  return (await organizationInstruments(db, organizationId)).version(PROQOL_ID, shipped.version) ?? shipped;
}

type CheckRow = typeof wellbeingChecks.$inferSelect;

function toCheck(definition: InstrumentDefinition, row: CheckRow): WellbeingCheck {
  const bands: WellbeingCheck['bands'] = {};
  for (const [id, value] of Object.entries(row.scores)) {
    const band = bandFor(definition, id, value);
    if (band) bands[id] = band;
  }
  return { id: row.id, takenAt: row.takenAt.toISOString(), shared: row.shared, scores: row.scores, bands };
}

/**
 * A worker takes the ProQOL 5 for themself. Every item must be answered (the published scoring
 * does not prorate). The result is theirs: private unless they choose to share it.
 */
export async function takeWellbeingCheck(ctx: AuthedContext, input: CreateWellbeingCheck): Promise<WellbeingCheck> {
  const definition = await proqolFor(ctx.db, ctx.actor.organizationId);
  const validation = validateAnswers(definition, input.answers);
  const problems = validation.ok ? [] : validation.errors.map((e) => ({ path: `body.answers.${e.itemId}`, message: e.message }));
  for (const item of definition.items) {
    if (input.answers[item.id] === undefined) problems.push({ path: `body.answers.${item.id}`, message: 'please answer every statement' });
  }
  if (problems.length) throw new AppError('validation.failed', 'Please check: body.answers.', problems);
  const scored = scoreResponse(definition, input.answers);
  const row = await inTransaction(ctx, async (tx) => {
    const [created] = await tx.db
      .insert(wellbeingChecks)
      .values({
        organizationId: ctx.actor.organizationId,
        userId: ctx.actor.userId,
        instrumentId: definition.id,
        scoringVersion: scored.scoringVersion,
        answers: Object.fromEntries(Object.entries(input.answers).map(([k, v]) => [k, v])),
        scores: scored.scores,
        shared: input.share,
      })
      .returning();
    // The trail records that it was taken, never the scores.
    await recordAudit(tx, { action: 'wellbeing.create', resourceType: 'wellbeing_check', resourceId: created!.id, details: { shared: input.share } });
    return created!;
  });
  return toCheck(definition, row);
}

/** The worker's own self-checks, newest first, with scores and bands. */
export async function myWellbeing(ctx: AuthedContext): Promise<{ checks: WellbeingCheck[] }> {
  const definition = await proqolFor(ctx.db, ctx.actor.organizationId);
  const rows = await ctx.db.select().from(wellbeingChecks).where(eq(wellbeingChecks.userId, ctx.actor.userId)).orderBy(desc(wellbeingChecks.takenAt)).limit(100);
  return { checks: rows.map((r) => toCheck(definition, r)) };
}

/** The worker shares one result with their supervisor, or takes it back. */
export async function shareWellbeing(ctx: AuthedContext, checkId: string, shared: boolean): Promise<WellbeingCheck> {
  const [row] = await ctx.db.select().from(wellbeingChecks).where(and(eq(wellbeingChecks.id, checkId), eq(wellbeingChecks.userId, ctx.actor.userId)));
  if (!row) {
    await recordAudit(ctx, { action: 'wellbeing.share', outcome: 'denied', resourceType: 'wellbeing_check', resourceId: checkId });
    throw notFound('wellbeing.not_found', 'That self-check');
  }
  const updated = await inTransaction(ctx, async (tx) => {
    const [u] = await tx.db.update(wellbeingChecks).set({ shared }).where(eq(wellbeingChecks.id, checkId)).returning();
    await recordAudit(tx, { action: 'wellbeing.share', resourceType: 'wellbeing_check', resourceId: checkId, details: { shared } });
    return u!;
  });
  return toCheck(await proqolFor(ctx.db, ctx.actor.organizationId), updated);
}

/** What a supervisor may see of one team member's self-checks: only those the worker shared. */
export async function sharedWellbeing(ctx: AuthedContext, workerId: string): Promise<{ checks: WellbeingCheck[] }> {
  await requireTeamWorker(ctx, workerId, 'wellbeing.read');
  const definition = await proqolFor(ctx.db, ctx.actor.organizationId);
  const rows = await ctx.db
    .select()
    .from(wellbeingChecks)
    .where(and(eq(wellbeingChecks.userId, workerId), eq(wellbeingChecks.shared, true)))
    .orderBy(desc(wellbeingChecks.takenAt))
    .limit(100);
  await recordAudit(ctx, { action: 'wellbeing.read', resourceType: 'user', resourceId: workerId, details: { shared: rows.length } });
  return { checks: rows.map((r) => toCheck(definition, r)) };
}
