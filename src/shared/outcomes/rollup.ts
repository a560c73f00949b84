import { contactTypes } from '../schemas/journey.js';
import type { ParticipantFacts, Pair } from './facts.js';
import { measureById, measureDefinitions } from './measures.js';
import { mean, median, ratio, round } from './stats.js';
import { tooFew } from './suppression.js';

/** A published figure: its value and the number of people (or records) it is computed over. */
export interface MeasureValue {
  value: number | null;
  /** People (or records, for check-ins, sessions and referrals) the value rests on. */
  denominator: number;
  suppressed: 'small_cell' | 'complementary' | 'small_denominator' | null;
}

const DAYS_PER_MONTH = 30.4375;
const BARC10_REMISSION = 47;

type Raw = { value: number | null; denominator: number };

function pairs(facts: readonly ParticipantFacts[], pick: (f: ParticipantFacts) => Pair | null) {
  return facts.map(pick).filter((p): p is Pair => p !== null);
}

function pairRaw(ps: Pair[], what: 'change' | 'up' | 'down' | 'band_down' | 'remission'): Raw {
  const count = (pred: (p: Pair) => boolean) => ratio(ps.filter(pred).length, ps.length);
  const value =
    what === 'change'
      ? mean(ps.map((p) => p.latest - p.baseline))
      : what === 'up'
        ? count((p) => p.latest > p.baseline)
        : what === 'down'
          ? count((p) => p.latest < p.baseline)
          : what === 'remission'
            ? count((p) => p.latest >= BARC10_REMISSION)
            : count((p) => p.baselineBand !== null && p.latestBand !== null && p.latestBand < p.baselineBand);
  return { value, denominator: ps.length };
}

const sum = (facts: readonly ParticipantFacts[], f: (x: ParticipantFacts) => number) => facts.reduce((s, x) => s + f(x), 0);

function perMonth(facts: readonly ParticipantFacts[], contacts: (f: ParticipantFacts) => number): Raw {
  const months = sum(facts, (f) => f.participantDays) / DAYS_PER_MONTH;
  const people = facts.filter((f) => f.participantDays > 0).length;
  return { value: months === 0 ? null : sum(facts, contacts) / months, denominator: people };
}

function rawMeasures(facts: readonly ParticipantFacts[]): Record<string, Raw> {
  const enrolled = facts.filter((f) => f.enrolledInPeriod);
  const retention = (d: '30' | '90' | '180'): Raw => {
    const eligible = enrolled.filter((f) => f.retention[d].eligible);
    return { value: ratio(eligible.filter((f) => f.retention[d].engaged).length, eligible.length), denominator: eligible.length };
  };
  const firstContact = enrolled.map((f) => f.daysToFirstContact).filter((d): d is number => d !== null);
  const weekly = facts.filter((f) => f.participantDays >= 7);
  const regular = weekly.filter((f) => f.checkInWeeks >= Math.ceil(Math.floor(f.participantDays / 7) / 2));
  const attended = sum(facts, (f) => f.attendancePresent);
  const recorded = attended + sum(facts, (f) => f.attendanceAbsent);
  const usePairs = facts.map((f) => f.checkInUsePair).filter((p): p is { baseline: boolean; latest: boolean } => p !== null);
  const useShare = (pred: (p: { baseline: boolean; latest: boolean }) => boolean): Raw => ({ value: ratio(usePairs.filter(pred).length, usePairs.length), denominator: usePairs.length });
  const alerts = sum(facts, (f) => f.alertsRaised);
  const counting = facts.map((f) => f.daysInRecovery).filter((d): d is number => d !== null);
  const completed = sum(facts, (f) => f.referralsCompleted);
  const finished = completed + sum(facts, (f) => f.referralsUnmet);
  const referralDays = facts.flatMap((f) => f.referralDaysToComplete);
  const barc = pairs(facts, (f) => f.barc10);
  const bam = pairs(facts, (f) => f.bamUse);
  const phq = pairs(facts, (f) => f.phq9);
  const gad = pairs(facts, (f) => f.gad7);

  const out: Record<string, Raw> = {
    enrolled: { value: enrolled.length, denominator: enrolled.length },
    active: { value: facts.filter((f) => f.active).length, denominator: facts.filter((f) => f.active).length },
    retention_30: retention('30'),
    retention_90: retention('90'),
    retention_180: retention('180'),
    days_to_first_contact: { value: median(firstContact), denominator: firstContact.length },
    contacts_per_month: perMonth(facts, (f) => Object.values(f.contactsByType).reduce((a, b) => a + b, 0)),
    mutual_aid_meetings_per_month: perMonth(facts, (f) => f.meetingsAttended),
    group_attendance_rate: { value: ratio(attended, recorded), denominator: recorded },
    checkin_regularity: { value: ratio(regular.length, weekly.length), denominator: weekly.length },
    barc10_mean_change: pairRaw(barc, 'change'),
    barc10_share_improved: pairRaw(barc, 'up'),
    barc10_share_remission: pairRaw(barc, 'remission'),
    bam_use_mean_change: pairRaw(bam, 'change'),
    bam_use_share_improved: pairRaw(bam, 'down'),
    checkin_use_baseline: useShare((p) => p.baseline),
    checkin_use_latest: useShare((p) => p.latest),
    checkin_use_stopped: useShare((p) => p.baseline && !p.latest),
    days_in_recovery_median: { value: median(counting), denominator: counting.length },
    days_in_recovery_90: { value: ratio(counting.filter((d) => d >= 90).length, counting.length), denominator: counting.length },
    phq9_mean_change: pairRaw(phq, 'change'),
    phq9_share_band_down: pairRaw(phq, 'band_down'),
    gad7_mean_change: pairRaw(gad, 'change'),
    gad7_share_band_down: pairRaw(gad, 'band_down'),
    referrals_completed: { value: completed, denominator: completed },
    referrals_met_share: { value: ratio(completed, finished), denominator: finished },
    referral_days_median: { value: median(referralDays), denominator: referralDays.length },
    peer_worker_share: { value: ratio(facts.filter((f) => f.hadPeerWorker).length, facts.length), denominator: facts.length },
    alerts_in_time_share: { value: ratio(sum(facts, (f) => f.alertsInTime), alerts), denominator: alerts },
  };
  for (const type of contactTypes) out[`contacts_per_month_${type}`] = perMonth(facts, (f) => f.contactsByType[type] ?? 0);
  return out;
}

/**
 * Every measure over a set of participants. Any figure resting on fewer than 11 people or records
 * is withheld; counts too inside a group (`hideSmallCounts`), where a small count would single
 * people out. The overall counts are the program's totals and are published as they are.
 */
export function rollUp(facts: readonly ParticipantFacts[], opts: { hideSmallCounts?: boolean } = {}): Record<string, MeasureValue> {
  const raw = rawMeasures(facts);
  const out: Record<string, MeasureValue> = {};
  for (const def of measureDefinitions) {
    const r = raw[def.id]!;
    const small = (def.kind !== 'count' || opts.hideSmallCounts === true) && tooFew(r.denominator);
    out[def.id] = {
      value: small ? null : round(r.value, def.kind === 'rate' ? 3 : 2),
      denominator: r.denominator,
      suppressed: small ? 'small_denominator' : null,
    };
  }
  return out;
}

/** A group's figure against the overall one: rates 10 points apart, others 20 % apart, are flagged. */
export function gapFlag(measureId: string, group: number | null, overall: number | null): 'favourable' | 'unfavourable' | null {
  const def = measureById.get(measureId);
  if (!def || def.kind === 'count' || group === null || overall === null) return null;
  const diff = group - overall;
  const large = def.kind === 'rate' ? Math.abs(diff) >= 0.1 - 1e-9 : overall !== 0 && Math.abs(diff) >= Math.abs(overall) * 0.2 - 1e-9;
  if (!large || diff === 0) return null;
  const better = def.lowerIsBetter ? diff < 0 : diff > 0;
  // A mean change is "better" in the instrument's direction too.
  return better ? 'favourable' : 'unfavourable';
}
