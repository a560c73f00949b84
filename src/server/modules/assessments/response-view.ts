import { eq } from 'drizzle-orm';
import type { BandResult } from '../../../shared/instruments/index.js';
import type { AssessmentResponseView } from '../../../shared/schemas/assessments.js';
import { assessmentResponses, users } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';
import { needsCrisisResources } from './alert-rules.js';

/** Responses with the name of whoever administered them; callers add the WHERE and ORDER. */
export function responsesQuery(ctx: RequestContext) {
  return ctx.db
    .select({ response: assessmentResponses, administeredByName: users.displayName })
    .from(assessmentResponses)
    .leftJoin(users, eq(users.id, assessmentResponses.administeredBy));
}

export type ResponseRow = Awaited<ReturnType<ReturnType<typeof responsesQuery>['execute']>>[number];

export function toResponseView({ response: r, administeredByName }: ResponseRow): AssessmentResponseView {
  return {
    id: r.id,
    participantId: r.participantId,
    instrumentId: r.instrumentId,
    instrumentVersion: r.instrumentVersion,
    scoringVersion: r.scoringVersion,
    status: r.status,
    answers: r.answers,
    scores: r.scores,
    bands: r.bands as Record<string, BandResult>,
    flags: r.flags,
    crisis: needsCrisisResources(r.flags),
    mode: r.mode,
    administeredBy: r.administeredBy ? { id: r.administeredBy, displayName: administeredByName ?? '' } : null,
    completedAt: r.completedAt.toISOString(),
  };
}
