import { randomBytes, randomInt } from 'node:crypto';
import type { ReportQuery } from '../../../shared/schemas/outcomes.js';
import type { ParticipantFacts, Pair } from '../../../shared/outcomes/facts.js';
import { toCsv, type TableValue } from '../../../shared/outcomes/tables.js';
import { recordAudit } from '../../platform/audit.js';
import type { AuthedContext } from '../../platform/context.js';
import { participantFacts } from './participant-facts.js';
import { resolveScope } from './report-scope.js';

/** Dates move by up to this many days, differently for each person and each extract. */
export const MAX_DATE_SHIFT_DAYS = 182;

/**
 * What an evaluator receives: one row per participant, no name, contact detail, account or record
 * id. The record id is random and new in every extract (extracts cannot be linked to each other or
 * to Peerpath); each person's dates move by their own random number of days, so intervals stay true
 * but calendar dates do not point at anyone. The README names the risk that remains.
 */
export const extractColumns = [
  'record_id',
  'program',
  'setting',
  'age_range',
  'gender_identity',
  'race_ethnicity',
  'sexual_orientation',
  'income_range',
  'language',
  'housing_status',
  'justice_involved',
  'enrolled_on_shifted',
  'enrolled_in_period',
  'active_in_period',
  'days_enrolled_in_period',
  'days_to_first_contact',
  'engaged_30',
  'engaged_90',
  'engaged_180',
  'contacts',
  'check_ins',
  'check_ins_reporting_use',
  'check_ins_answering_use',
  'check_in_use_first',
  'check_in_use_latest',
  'mutual_aid_meetings',
  'group_sessions_attended',
  'group_sessions_missed',
  'barc10_baseline',
  'barc10_latest',
  'phq9_baseline',
  'phq9_latest',
  'gad7_baseline',
  'gad7_latest',
  'bam_use_baseline',
  'bam_use_latest',
  'days_in_recovery',
  'referrals_completed',
  'referrals_closed_unmet',
] as const;

const shiftDay = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
const engaged = (r: { eligible: boolean; engaged: boolean }) => (r.eligible ? (r.engaged ? 'yes' : 'no') : '');
const pairCols = (p: Pair | null): TableValue[] => [p?.baseline ?? null, p?.latest ?? null];

export function extractRow(f: ParticipantFacts, programName: string, shiftDays: number, recordId: string): TableValue[] {
  const g = f.groups;
  return [
    recordId,
    programName,
    g.setting[0]!,
    g.ageRange[0]!,
    g.genderIdentity[0]!,
    g.raceEthnicity.join(';'),
    g.sexualOrientation[0]!,
    g.incomeRange[0]!,
    g.language[0]!,
    g.housingStatus[0]!,
    g.justiceInvolved[0]!,
    shiftDay(f.enrolledAt, shiftDays),
    f.enrolledInPeriod ? 'yes' : 'no',
    f.active ? 'yes' : 'no',
    Math.round(f.participantDays),
    f.daysToFirstContact,
    engaged(f.retention['30']),
    engaged(f.retention['90']),
    engaged(f.retention['180']),
    Object.values(f.contactsByType).reduce((a, b) => a + b, 0),
    f.checkIns,
    f.checkInUse,
    f.checkInUseAnswered,
    f.checkInUsePair ? (f.checkInUsePair.baseline ? 'yes' : 'no') : null,
    f.checkInUsePair ? (f.checkInUsePair.latest ? 'yes' : 'no') : null,
    f.meetingsAttended,
    f.attendancePresent,
    f.attendanceAbsent,
    ...pairCols(f.barc10),
    ...pairCols(f.phq9),
    ...pairCols(f.gad7),
    ...pairCols(f.bamUse),
    f.daysInRecovery,
    f.referralsCompleted,
    f.referralsUnmet,
  ];
}

export async function evaluatorExtract(ctx: AuthedContext, q: ReportQuery, now = new Date()) {
  const scope = await resolveScope(ctx, q, 'report.extract', now);
  const facts = await participantFacts(ctx.db, scope);
  const names = new Map(scope.programs.map((p) => [p.id, p.name]));
  const rows = facts
    .map((f) => {
      const shift = randomInt(-MAX_DATE_SHIFT_DAYS, MAX_DATE_SHIFT_DAYS + 1);
      return extractRow(f, names.get(f.programId) ?? '', shift, randomBytes(8).toString('hex'));
    })
    // Random ids, sorted: the order says nothing about who enrolled first.
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  await recordAudit(ctx, {
    action: 'report.extract',
    resourceType: 'outcome_report',
    resourceId: q.programId ?? null,
    details: { programIds: scope.programIds, from: q.from, to: q.to, rows: rows.length },
  });
  return { filename: `evaluator-extract-${q.from}-${q.to}.csv`, csv: toCsv({ columns: [...extractColumns], rows }) };
}
