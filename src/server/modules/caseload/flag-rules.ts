import { daysBetween, localDate } from '../../../shared/milestones.js';
import type { alertKinds } from '../../../shared/schemas/journey.js';
import type { Flag, FlagKind, FlagRules, Severity } from '../../../shared/schemas/caseload.js';

/**
 * The caseload's risk flags as pure functions of one participant's history: no database, no clock
 * but the `now` they are given, so each rule is tested on synthetic histories.
 *
 * The history must hold only what the peer worker may see: check-ins the participant shared (a
 * private one is theirs alone and must not show up as a flag, nor as a gap), and open alerts (which
 * carry the signals that reach a person whatever the participant shared, such as reported use).
 */

export interface FlagCheckIn {
  at: Date;
  craving: number;
}

export interface FlagAlert {
  id: string;
  kind: (typeof alertKinds)[number];
  severity: Severity;
  createdAt: Date;
}

export interface FlagHistory {
  now: Date;
  /** The program's IANA time zone: days are counted on its calendar. */
  timeZone: string;
  /** Shared check-ins, any order; the most recent ones (weeks of them) are enough. */
  checkIns: readonly FlagCheckIn[];
  /** Alerts not yet resolved (open or acknowledged). */
  openAlerts: readonly FlagAlert[];
  lastContactAt: Date | null;
  /** When the current peer worker was matched: "no contact" counts from here when nothing was recorded. */
  assignedAt: Date;
}

/** Check-ins needed before a rhythm is the person's own; fewer, and nobody can say what is usual. */
export const MIN_CHECKINS_FOR_RHYTHM = 4;
/** The craving rules look at the last check-in only while it is this recent. */
export const CURRENT_CHECKIN_DAYS = 7;
/** The craving baseline: the days before the last check-in. */
export const CRAVING_BASELINE_DAYS = 14;
export const MIN_BASELINE_CHECKINS = 3;

const DAY_MS = 86_400_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const newestFirst = (list: readonly FlagCheckIn[]) => [...list].sort((a, b) => b.at.getTime() - a.at.getTime());

/**
 * Missed check-ins against the person's own rhythm: someone who checks in daily is missed after a
 * few days, someone who checks in weekly after a few weeks. The rhythm is the median gap in calendar
 * days between the days they checked in.
 */
export function missedCheckIns(h: FlagHistory, rule: FlagRules['missed_checkins']): Flag | null {
  if (!rule.enabled) return null;
  const days = [...new Set(h.checkIns.map((c) => localDate(c.at, h.timeZone)))].sort();
  if (days.length < MIN_CHECKINS_FOR_RHYTHM) return null;
  const gaps = days.slice(1).map((d, i) => daysBetween(days[i]!, d));
  const usual = Math.max(1, median(gaps));
  const since = daysBetween(days.at(-1)!, localDate(h.now, h.timeZone));
  if (since < Math.max(rule.minDays, rule.multiplier * usual)) return null;
  return { kind: 'missed_checkins', severity: 'normal', params: { days: since, usualEveryDays: Math.round(usual) }, alertId: null };
}

/** The newest check-in, while it still says something about now. */
function currentCheckIn(h: FlagHistory): FlagCheckIn | null {
  const latest = newestFirst(h.checkIns)[0];
  return latest && h.now.getTime() - latest.at.getTime() <= CURRENT_CHECKIN_DAYS * DAY_MS ? latest : null;
}

export function cravingHigh(h: FlagHistory, rule: FlagRules['craving_high']): Flag | null {
  if (!rule.enabled) return null;
  const latest = currentCheckIn(h);
  if (!latest || latest.craving < rule.threshold) return null;
  return { kind: 'craving_high', severity: 'high', params: { craving: latest.craving, at: latest.at.toISOString() }, alertId: null };
}

/** A craving well above the person's own recent level, even when it is not high on the scale. */
export function cravingRising(h: FlagHistory, rule: FlagRules['craving_rising']): Flag | null {
  if (!rule.enabled) return null;
  const latest = currentCheckIn(h);
  if (!latest) return null;
  const from = latest.at.getTime() - CRAVING_BASELINE_DAYS * DAY_MS;
  const before = h.checkIns.filter((c) => c.at.getTime() < latest.at.getTime() && c.at.getTime() >= from);
  if (before.length < MIN_BASELINE_CHECKINS) return null;
  const average = before.reduce((sum, c) => sum + c.craving, 0) / before.length;
  if (latest.craving - average < rule.riseBy) return null;
  return { kind: 'craving_rising', severity: 'high', params: { craving: latest.craving, average: round1(average), riseBy: rule.riseBy }, alertId: null };
}

export function noContact(h: FlagHistory, rule: FlagRules['no_contact']): Flag | null {
  if (!rule.enabled) return null;
  const since = h.lastContactAt ?? h.assignedAt;
  const days = daysBetween(localDate(since, h.timeZone), localDate(h.now, h.timeZone));
  if (days < rule.days) return null;
  return { kind: 'no_contact', severity: 'normal', params: { days, never: h.lastContactAt ? 0 : 1 }, alertId: null };
}

/** Kinds of open alert that are flags by themselves, with the severity the flag carries. */
const alertFlags = {
  suicidality: 'urgent',
  crisis_language: 'urgent',
  reported_use: 'high',
  bam_risk: 'high',
  craving_help: 'high',
} as const satisfies Partial<Record<FlagKind, Severity>>;
type AlertFlagKind = keyof typeof alertFlags;

/** One flag per kind of open alert, from the newest one; `count` says how many are open. */
export function fromOpenAlerts(h: FlagHistory, kind: AlertFlagKind, rule: { enabled: boolean }): Flag | null {
  if (!rule.enabled) return null;
  const open = h.openAlerts.filter((a) => a.kind === kind).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const newest = open[0];
  if (!newest) return null;
  return { kind, severity: alertFlags[kind], params: { at: newest.createdAt.toISOString(), count: open.length }, alertId: newest.id };
}

export const severityRank: Record<Severity, number> = { urgent: 0, high: 1, normal: 2 };

/** Every flag that fires for this history, most serious first. */
export function evaluateFlags(h: FlagHistory, rules: FlagRules): Flag[] {
  const flags = [
    fromOpenAlerts(h, 'suicidality', rules.suicidality),
    fromOpenAlerts(h, 'crisis_language', rules.crisis_language),
    fromOpenAlerts(h, 'reported_use', rules.reported_use),
    fromOpenAlerts(h, 'craving_help', rules.craving_help),
    fromOpenAlerts(h, 'bam_risk', rules.bam_risk),
    cravingHigh(h, rules.craving_high),
    cravingRising(h, rules.craving_rising),
    missedCheckIns(h, rules.missed_checkins),
    noContact(h, rules.no_contact),
  ].filter((f): f is Flag => f !== null);
  // Stable: within a severity the order above (signals from a person before patterns in the data).
  return flags.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

export function attentionOf(flags: readonly Flag[]): Severity | 'none' {
  return flags[0]?.severity ?? 'none';
}

const weight: Record<Severity, number> = { urgent: 100, high: 10, normal: 1 };

export interface Attention {
  name: string;
  flags: readonly Flag[];
  /** Whole days since the last contact (or since being matched, when there was none). */
  daysWithoutContact: number;
}

/**
 * Who needs attention today comes first: anyone with an urgent flag, then by how serious and how
 * many the flags are, then whoever has gone longest without contact; the name breaks ties.
 */
export function byAttention(a: Attention, b: Attention): number {
  const rank = (x: Attention) => (x.flags[0] ? severityRank[x.flags[0].severity] : 3);
  const score = (x: Attention) => x.flags.reduce((sum, f) => sum + weight[f.severity], 0);
  return rank(a) - rank(b) || score(b) - score(a) || b.daysWithoutContact - a.daysWithoutContact || a.name.localeCompare(b.name);
}
