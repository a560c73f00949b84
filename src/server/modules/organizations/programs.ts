import { and, eq } from 'drizzle-orm';
import type { Program, UpdateProgram } from '../../../shared/schemas/tenancy.js';
import { programs } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

type ProgramRow = typeof programs.$inferSelect;

export function toProgram(p: ProgramRow, defaultCrisisLine: string): Program {
  return { id: p.id, slug: p.slug, name: p.name, setting: p.setting, timeZone: p.timeZone, crisisLine: p.crisisLine ?? defaultCrisisLine };
}

export async function listPrograms(ctx: AuthedContext): Promise<Program[]> {
  const rows = await ctx.db.select().from(programs).where(eq(programs.organizationId, ctx.actor.organizationId)).orderBy(programs.name);
  return rows.map((p) => toProgram(p, ctx.config.CRISIS_LINE));
}

/** A program of the actor's organization, or a 404: ids from elsewhere do not exist here. */
export async function requireProgram(ctx: AuthedContext, programId: string): Promise<ProgramRow> {
  const [row] = await ctx.db
    .select()
    .from(programs)
    .where(and(eq(programs.id, programId), eq(programs.organizationId, ctx.actor.organizationId)))
    .limit(1);
  if (!row) throw new AppError('program.not_found', 'That program was not found.');
  return row;
}

export async function createProgram(
  ctx: AuthedContext,
  input: { slug: string; name: string; setting: ProgramRow['setting']; timeZone: string; crisisLine?: string },
): Promise<Program> {
  return inTransaction(ctx, async (tx) => {
    const [taken] = await tx.db
      .select({ id: programs.id })
      .from(programs)
      .where(and(eq(programs.organizationId, ctx.actor.organizationId), eq(programs.slug, input.slug)));
    if (taken) throw new AppError('program.slug_taken', 'Another program already uses that short name.', [{ path: 'body.slug', message: 'is taken' }]);
    const [row] = await tx.db
      .insert(programs)
      .values({ ...input, crisisLine: input.crisisLine ?? null, organizationId: ctx.actor.organizationId })
      .returning();
    await recordAudit(tx, { action: 'program.create', resourceType: 'program', resourceId: row!.id });
    return toProgram(row!, ctx.config.CRISIS_LINE);
  });
}

/** Renames a program or sets its crisis line (null: back to the organization's default). */
export async function updateProgram(ctx: AuthedContext, programId: string, input: UpdateProgram): Promise<Program> {
  return inTransaction(ctx, async (tx) => {
    const before = await requireProgram({ ...tx, actor: ctx.actor }, programId);
    const [row] = await tx.db
      .update(programs)
      .set({ ...(input.name !== undefined && { name: input.name }), ...(input.crisisLine !== undefined && { crisisLine: input.crisisLine }) })
      .where(and(eq(programs.id, programId), eq(programs.organizationId, ctx.actor.organizationId)))
      .returning();
    const changed = (['name', 'crisisLine'] as const).filter((k) => input[k] !== undefined && input[k] !== before[k]);
    await recordAudit(tx, {
      action: 'program.update',
      resourceType: 'program',
      resourceId: programId,
      details: { changed, ...(input.crisisLine !== undefined && { crisisLine: input.crisisLine }) },
    });
    return toProgram(row!, ctx.config.CRISIS_LINE);
  });
}
