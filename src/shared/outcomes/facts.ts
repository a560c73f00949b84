/**
 * What the report knows about one participant for one period, computed in SQL over the whole
 * history (see src/server/modules/outcomes/participant-facts.ts). Every measure and every equity
 * cell is a roll-up of these rows, so the overall figure and each group's are computed the same way.
 */
export const equityDimensions = [
  'raceEthnicity',
  'genderIdentity',
  'ageRange',
  'sexualOrientation',
  'incomeRange',
  'language',
  'setting',
  'housingStatus',
  'justiceInvolved',
] as const;
export type EquityDimension = (typeof equityDimensions)[number];

/** A demographic question nobody answered (as opposed to "prefer not to say", which is an answer). */
export const NOT_RECORDED = 'not_recorded';

export interface ParticipantFacts {
  participantId: string;
  programId: string;
  enrolledAt: string;
  enrolledInPeriod: boolean;
  /** Any contact, check-in, group attendance or logged mutual-aid meeting in the period. */
  active: boolean;
  /** Days enrolled inside the period (for participant-months and -weeks). */
  participantDays: number;
  retention: Record<'30' | '90' | '180', { eligible: boolean; engaged: boolean }>;
  daysToFirstContact: number | null;
  contactsByType: Record<string, number>;
  attendancePresent: number;
  attendanceAbsent: number;
  checkIns: number;
  checkInWeeks: number;
  checkInUse: number;
  checkInUseAnswered: number;
  /** Reported use at the first check-in ever answering yes/no, and at the last such one in the period (two different check-ins). */
  checkInUsePair: { baseline: boolean; latest: boolean } | null;
  /** Mutual-aid meetings the person logged as attended in the period (meeting_attendance). */
  meetingsAttended: number;
  /** A peer worker was assigned to the person at some time in the period. */
  hadPeerWorker: boolean;
  /** Alerts about the person raised in the period, and those acknowledged before they were due to escalate. */
  alertsRaised: number;
  alertsInTime: number;
  barc10: Pair | null;
  phq9: Pair | null;
  gad7: Pair | null;
  bamUse: Pair | null;
  daysInRecovery: number | null;
  referralsCompleted: number;
  referralsUnmet: number;
  referralDaysToComplete: number[];
  groups: Record<EquityDimension, string[]>;
}

/** Baseline (first ever) and latest (last in the period) score, with the band's severity rank. */
export interface Pair {
  baseline: number;
  latest: number;
  baselineBand: number | null;
  latestBand: number | null;
}
