import { and, eq } from 'drizzle-orm';
import { scoreResponse, validateAnswers, type InstrumentDefinition } from '../../../shared/instruments/index.js';
import type { RecordAssessment, RecordedAssessment } from '../../../shared/schemas/assessments.js';
import { assessmentResponses, participants, programs } from '../../db/schema/index.js';
import { requireParticipantAccess, type Relationship } from '../../platform/access.js';
import { recordAudit } from '../../platform/audit.js';
import { inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { raiseAlert } from '../alerts/raise.js';
import { alertsFor } from './alert-rules.js';
import { organizationInstruments } from './definitions.js';
import { responsesQuery, toResponseView } from './response-view.js';

/** How the actor may administer a measure: the participant for themself, the assigned peer worker with them. */
export function administerAs(rels: readonly Relationship[]): 'self' | 'peer' | null {
  if (rels.includes('self')) return 'self';
  if (rels.includes('assigned_peer')) return 'peer';
  return null;
}

/**
 * Saves a response to a validated measure. The server scores it from the answers with the
 * organization's current definition; every bad answer is named and nothing is stored. The response,
 * its audit event and any alert it raises commit together, so a safety answer is never saved
 * without reaching the peer worker.
 */
export async function recordAssessment(ctx: AuthedContext, participantId: string, input: RecordAssessment): Promise<RecordedAssessment> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'assessments', access: 'write', action: 'assessment.create' });
  const allowedMode = administerAs(granted.relationships);
  if (input.mode !== allowedMode) {
    throw new AppError('validation.failed', `You can complete this measure only as "${allowedMode}".`, [
      { path: 'body.mode', message: allowedMode === 'self' ? 'a participant answers for themself: use "self"' : 'the peer worker completes it with the participant: use "peer"' },
    ]);
  }
  const definition = await requireCurrentDefinition(ctx, input.instrumentId);
  const answers = checkAnswers(definition, input.answers);
  const scored = scoreResponse(definition, answers);

  const [program] = await ctx.db
    .select({ bamRiskThreshold: programs.bamRiskThreshold, crisisLine: programs.crisisLine })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, participantId));
  const alerts = alertsFor(definition, scored, { mode: input.mode, bamRiskThreshold: program!.bamRiskThreshold });

  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(assessmentResponses)
      .values({
        organizationId: ctx.actor.organizationId,
        participantId,
        instrumentId: definition.id,
        instrumentVersion: definition.version,
        scoringVersion: scored.scoringVersion,
        answers,
        status: scored.status,
        scores: scored.scores,
        bands: scored.bands as Record<string, unknown>,
        flags: scored.flags,
        mode: input.mode,
        administeredBy: ctx.actor.userId,
      })
      .returning({ id: assessmentResponses.id });
    const responseId = row!.id;
    // The audit row names the measure, not the answers: the trail records access, not clinical content.
    await recordAudit(tx, {
      action: 'assessment.create',
      participantId,
      resourceType: 'assessment',
      resourceId: responseId,
      details: { instrumentId: definition.id, version: definition.version, status: scored.status, mode: input.mode },
    });
    for (const alert of alerts) {
      await raiseAlert(tx, { ...alert, participantId, sourceType: 'assessment_response', sourceId: responseId });
    }
    return responseId;
  });

  const [saved] = await responsesQuery(ctx).where(and(eq(assessmentResponses.id, id), eq(assessmentResponses.participantId, participantId)));
  return {
    ...toResponseView(saved!),
    missingItems: scored.missingItems,
    crisisLine: program!.crisisLine ?? ctx.config.CRISIS_LINE,
    alertsRaised: alerts.map((a) => a.kind),
  };
}

async function requireCurrentDefinition(ctx: AuthedContext, instrumentId: string): Promise<InstrumentDefinition> {
  const definition = (await organizationInstruments(ctx.db, ctx.actor.organizationId)).current(instrumentId);
  if (!definition) {
    throw new AppError('validation.failed', `There is no measure "${instrumentId}".`, [{ path: 'body.instrumentId', message: 'is not a measure of this organization' }]);
  }
  return definition;
}

/** The answers given (unanswered items left out), or a 400 naming each bad item. */
function checkAnswers(definition: InstrumentDefinition, given: Record<string, number | null>): Record<string, number> {
  const validation = validateAnswers(definition, given);
  if (!validation.ok) {
    const fields = validation.errors.map((e) => ({ path: `body.answers.${e.itemId}`, message: e.message }));
    throw new AppError('assessment.answer_invalid', `Please check the answer to ${fields.length === 1 ? 'item' : 'items'} ${validation.errors.map((e) => e.itemId).join(', ')}.`, fields);
  }
  const answers = Object.fromEntries(Object.entries(given).filter((entry): entry is [string, number] => typeof entry[1] === 'number'));
  if (Object.keys(answers).length === 0) {
    throw new AppError('validation.failed', 'Answer at least one question before saving.', [{ path: 'body.answers', message: 'answer at least one question' }]);
  }
  return answers;
}
