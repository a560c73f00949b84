import type { InstrumentDefinition, ScoredResponse } from '../../../shared/instruments/index.js';
import type { AssessmentMode } from '../../../shared/schemas/assessments.js';
import type { RaiseAlert } from '../alerts/raise.js';

/**
 * A definition's flag with this id means "someone may be in danger now": the participant sees crisis
 * resources at once and their peer worker gets an urgent alert. PHQ-9 item 9 is the shipped case;
 * an imported instrument opts in by naming a flag the same way.
 */
export const SAFETY_FLAG = 'safety';

export const needsCrisisResources = (flags: readonly string[]): boolean => flags.includes(SAFETY_FLAG);

export type AssessmentAlert = Omit<RaiseAlert, 'participantId' | 'sourceType' | 'sourceId'> & { kind: 'suicidality' | 'bam_risk' };

const whoAnswered = (mode: AssessmentMode) => (mode === 'self' ? 'answered by the participant' : 'completed with their peer worker');

/** The alerts a scored response raises for the participant's peer worker. */
export function alertsFor(
  definition: InstrumentDefinition,
  scored: ScoredResponse,
  context: { mode: AssessmentMode; bamRiskThreshold: number },
): AssessmentAlert[] {
  const raised: AssessmentAlert[] = [];
  if (needsCrisisResources(scored.flags)) {
    const label = definition.flags.find((f) => f.id === SAFETY_FLAG)?.label?.en ?? 'A safety answer was given';
    raised.push({
      kind: 'suicidality',
      severity: 'urgent',
      reason: `${definition.shortName}: ${label}, ${whoAnswered(context.mode)}. Please reach out today and go through their safety plan together.`,
    });
  }
  // The BAM publishes no cut-off for Risk; each program sets its own (programs.bam_risk_threshold).
  const risk = definition.id === 'bam' ? scored.scores.risk : undefined;
  if (risk !== undefined && risk >= context.bamRiskThreshold) {
    raised.push({
      kind: 'bam_risk',
      severity: 'high',
      reason: `BAM risk factors score ${risk} (this program alerts at ${context.bamRiskThreshold} or more), ${whoAnswered(context.mode)}. A conversation about what is weighing on them may help.`,
    });
  }
  return raised;
}
