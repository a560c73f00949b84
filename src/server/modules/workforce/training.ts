import { and, desc, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { createCertificationSchema, createTrainingSchema, onboardingUpdateSchema, TrainingSummary } from '../../../shared/schemas/workforce.js';
import { localDate } from '../../../shared/milestones.js';
import { certifications, onboardingProgress, programWorkforceSettings, trainingRecords, users } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { requireTeamWorker, workerPrograms } from './team-scope.js';

const DAY = 86_400_000;

/** A worker's training, certifications (with the CE hours logged towards each renewal) and onboarding checklist. */
export async function trainingSummary(ctx: AuthedContext, userId: string, now = new Date()): Promise<TrainingSummary> {
  const [person] = await ctx.db.select({ id: users.id, displayName: users.displayName }).from(users).where(eq(users.id, userId));
  const [training, certs, programIds] = await Promise.all([
    ctx.db.select().from(trainingRecords).where(eq(trainingRecords.userId, userId)).orderBy(desc(trainingRecords.completedOn)),
    ctx.db.select().from(certifications).where(eq(certifications.userId, userId)).orderBy(certifications.expiresOn),
    workerPrograms(ctx, userId),
  ]);
  const checklists = programIds.length
    ? await ctx.db.select().from(programWorkforceSettings).where(inArray(programWorkforceSettings.programId, programIds))
    : [];
  const done = await ctx.db.select().from(onboardingProgress).where(eq(onboardingProgress.userId, userId));
  const today = localDate(now, 'UTC');
  return {
    worker: person!,
    training: training.map((t) => ({ id: t.id, course: t.course, provider: t.provider, hours: t.hours, domain: t.domain, completedOn: t.completedOn })),
    certifications: certs.map((c) => ({
      id: c.id,
      name: c.name,
      number: c.number,
      issuer: c.issuer,
      issuedOn: c.issuedOn,
      expiresOn: c.expiresOn,
      ceHoursRequired: c.ceHoursRequired,
      ceHoursDone: training.filter((t) => t.completedOn >= c.issuedOn).reduce((sum, t) => sum + t.hours, 0),
      daysToExpiry: Math.round((Date.parse(c.expiresOn) - Date.parse(today)) / DAY),
    })),
    onboarding: checklists.flatMap((s) =>
      s.onboardingChecklist.map((item) => ({
        programId: s.programId,
        item,
        doneAt: done.find((d) => d.programId === s.programId && d.item === item)?.doneAt.toISOString() ?? null,
      })),
    ),
  };
}

/** A supervisor reads a team member's training record. */
export async function teamMemberTraining(ctx: AuthedContext, workerId: string): Promise<TrainingSummary> {
  await requireTeamWorker(ctx, workerId, 'training.read');
  await recordAudit(ctx, { action: 'training.read', resourceType: 'user', resourceId: workerId });
  return trainingSummary(ctx, workerId);
}

export async function addTraining(ctx: AuthedContext, input: z.infer<typeof createTrainingSchema>): Promise<TrainingSummary> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(trainingRecords)
      .values({ organizationId: ctx.actor.organizationId, userId: ctx.actor.userId, ...input, provider: input.provider || null })
      .returning({ id: trainingRecords.id });
    await recordAudit(tx, { action: 'training.create', resourceType: 'training_record', resourceId: row!.id, details: { domain: input.domain, hours: input.hours } });
  });
  return trainingSummary(ctx, ctx.actor.userId);
}

export async function addCertification(ctx: AuthedContext, input: z.infer<typeof createCertificationSchema>): Promise<TrainingSummary> {
  await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(certifications)
      .values({ organizationId: ctx.actor.organizationId, userId: ctx.actor.userId, ...input, number: input.number || null })
      .returning({ id: certifications.id });
    await recordAudit(tx, { action: 'certification.create', resourceType: 'certification', resourceId: row!.id, details: { expiresOn: input.expiresOn } });
  });
  return trainingSummary(ctx, ctx.actor.userId);
}

/** The worker ticks an item of their program's onboarding checklist (or unticks it). */
export async function updateOnboarding(ctx: AuthedContext, input: z.infer<typeof onboardingUpdateSchema>): Promise<TrainingSummary> {
  const summary = await trainingSummary(ctx, ctx.actor.userId);
  if (!summary.onboarding.some((o) => o.programId === input.programId && o.item === input.item)) {
    // Another program's checklist, or an item not on it: the same 404 either way.
    throw notFound('program.not_found', 'That onboarding checklist item');
  }
  await inTransaction(ctx, async (tx) => {
    const key = and(eq(onboardingProgress.userId, ctx.actor.userId), eq(onboardingProgress.programId, input.programId), eq(onboardingProgress.item, input.item));
    if (input.done) {
      await tx.db.insert(onboardingProgress).values({ organizationId: ctx.actor.organizationId, userId: ctx.actor.userId, programId: input.programId, item: input.item }).onConflictDoNothing();
    } else {
      await tx.db.delete(onboardingProgress).where(key);
    }
    await recordAudit(tx, { action: 'onboarding.update', resourceType: 'program', resourceId: input.programId, details: { item: input.item, done: input.done } });
  });
  return trainingSummary(ctx, ctx.actor.userId);
}

