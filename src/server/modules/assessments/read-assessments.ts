import { and, asc, eq } from 'drizzle-orm';
import { changeFromBaseline, type ScoredResponse } from '../../../shared/instruments/index.js';
import type { AssessmentHistory, AssessmentResponseView, InstrumentHistory } from '../../../shared/schemas/assessments.js';
import { assessmentResponses } from '../../db/schema/index.js';
import { requireParticipantAccess } from '../../platform/access.js';
import type { AuthedContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { administerAs } from './record-assessment.js';
import { responsesQuery, toResponseView } from './response-view.js';

/** A participant's measures, per instrument, with the change from their baseline. */
export async function assessmentHistory(ctx: AuthedContext, participantId: string): Promise<AssessmentHistory> {
  const granted = await requireParticipantAccess(ctx, { participantId, category: 'assessments', access: 'read', action: 'assessment.read' });
  const rows = await responsesQuery(ctx)
    .where(and(eq(assessmentResponses.participantId, participantId), eq(assessmentResponses.organizationId, ctx.actor.organizationId)))
    .orderBy(asc(assessmentResponses.completedAt), asc(assessmentResponses.id));

  const byInstrument = new Map<string, AssessmentResponseView[]>();
  for (const row of rows) {
    const view = toResponseView(row);
    byInstrument.set(view.instrumentId, [...(byInstrument.get(view.instrumentId) ?? []), view]);
  }
  return {
    instruments: [...byInstrument.entries()].map(([instrumentId, oldestFirst]) => summarize(instrumentId, oldestFirst)),
    administerAs: administerAs(granted.relationships),
  };
}

/**
 * Latest = newest complete response; baseline = the first complete response scored by the same
 * scoring version, because scores from different scoring versions are not comparable.
 */
function summarize(instrumentId: string, oldestFirst: AssessmentResponseView[]): InstrumentHistory {
  const complete = oldestFirst.filter((r) => r.status === 'complete');
  const latest = complete.at(-1);
  const baseline = latest && complete.find((r) => r.scoringVersion === latest.scoringVersion);
  const ref = (r: AssessmentResponseView | undefined) => (r ? { id: r.id, completedAt: r.completedAt, scoringVersion: r.scoringVersion } : null);
  return {
    instrumentId,
    responses: [...oldestFirst].reverse(),
    baseline: ref(baseline),
    latest: ref(latest),
    change: baseline && latest && baseline.id !== latest.id ? changeFromBaseline(asScored(baseline), asScored(latest)) : {},
  };
}

function asScored(r: AssessmentResponseView): ScoredResponse {
  return { instrumentId: r.instrumentId, scoringVersion: r.scoringVersion, status: r.status, scores: r.scores, bands: r.bands, flags: r.flags, missingItems: [] };
}

export async function getAssessment(ctx: AuthedContext, participantId: string, responseId: string): Promise<AssessmentResponseView> {
  await requireParticipantAccess(ctx, {
    participantId,
    category: 'assessments',
    access: 'read',
    action: 'assessment.read',
    resourceType: 'assessment',
    resourceId: responseId,
  });
  const [row] = await responsesQuery(ctx).where(and(eq(assessmentResponses.id, responseId), eq(assessmentResponses.participantId, participantId)));
  if (!row) throw new AppError('assessment.not_found', 'That response was not found.');
  return toResponseView(row);
}
