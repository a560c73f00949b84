import { sql, type SQL } from 'drizzle-orm';
import type { Demographics } from '../../db/schema/participants.js';
import type { Db } from '../../db/client.js';
import { getInstrument } from '../../../shared/instruments/index.js';
import { NOT_RECORDED, type EquityDimension, type Pair, type ParticipantFacts } from '../../../shared/outcomes/facts.js';
import { rowsOf } from '../messaging/thread-members.js';
import type { ReportScope } from './report-scope.js';

/** Minutes an urgent alert may wait before it escalates, when a program has not set its own. */
export const DEFAULT_ESCALATE_MINUTES = 30;

/**
 * One row per participant enrolled at any time in the period, with everything the measures need,
 * computed in SQL over the whole history: events come from contact notes, check-ins (private ones
 * included, as counts only: no check-in row or text ever leaves this query) and group attendance.
 */
export function scopeCte(s: ReportScope): SQL {
  const programs = sql.join(
    s.programIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  return sql`
    b as (
      select (${s.from}::date::timestamp at time zone ${s.timeZone}) as f,
             ((${s.to}::date + 1)::timestamp at time zone ${s.timeZone}) as t,
             least(((${s.to}::date + 1)::timestamp at time zone ${s.timeZone}), ${s.now.toISOString()}::timestamptz) as as_of
    ),
    cohort as (
      select p.* from participants p, b
      where p.organization_id = ${s.organizationId} and p.program_id in (${programs})
        and p.enrolled_at < b.t and (p.discharged_at is null or p.discharged_at >= b.f)
    )`;
}

/**
 * Any contact, check-in, attended group session or logged mutual-aid meeting of participant `c` in
 * [lo, hi). A meeting is logged as a day on the program's clock; it counts from that day's midnight.
 */
const engagedBetween = (lo: SQL, hi: SQL, tz: string) => sql`(
  exists (select 1 from contact_notes n where n.participant_id = c.id and n.occurred_at >= ${lo} and n.occurred_at < ${hi})
  or exists (select 1 from check_ins k where k.participant_id = c.id and k.created_at >= ${lo} and k.created_at < ${hi})
  or exists (select 1 from peer_group_attendance a join peer_group_sessions gs on gs.id = a.session_id
             where a.participant_id = c.id and a.status = 'present' and gs.starts_at >= ${lo} and gs.starts_at < ${hi})
  or exists (select 1 from meeting_attendance ma where ma.participant_id = c.id
             and (ma.attended_on::timestamp at time zone ${tz}) >= ${lo} and (ma.attended_on::timestamp at time zone ${tz}) < ${hi}))`;

const retention = (days: number, tz: string) => {
  const lo = sql.raw(`c.enrolled_at + interval '${days - 30} days'`);
  const hi = sql.raw(`c.enrolled_at + interval '${days} days'`);
  return sql`jsonb_build_object('eligible', c.enrolled_at >= b.f and ${hi} <= b.as_of, 'engaged', ${engagedBetween(lo, hi, tz)})`;
};

/** First score ever (before the period ends) and the last one in the period, when they differ. */
const pair = (instrument: string, score: string) => sql`(
  select jsonb_build_object('baseline', (bl.scores->>${score})::float8, 'latest', (lt.scores->>${score})::float8)
  from (select id, scores from assessment_responses r where r.participant_id = c.id and r.instrument_id = ${instrument}
          and r.status = 'complete' and r.completed_at < b.t and r.scores ? ${score} order by r.completed_at, r.id limit 1) bl,
       (select id, scores from assessment_responses r where r.participant_id = c.id and r.instrument_id = ${instrument}
          and r.status = 'complete' and r.completed_at >= b.f and r.completed_at < b.t and r.scores ? ${score}
          order by r.completed_at desc, r.id desc limit 1) lt
  where bl.id <> lt.id)`;

interface Row {
  id: string;
  program_id: string;
  enrolled_at: Date | string;
  preferred_language: string;
  setting: string;
  demographics: Demographics & { housingStatus?: string };
  enrolled_in_period: boolean;
  active: boolean;
  participant_days: number;
  r30: { eligible: boolean; engaged: boolean };
  r90: { eligible: boolean; engaged: boolean };
  r180: { eligible: boolean; engaged: boolean };
  days_to_first_contact: number | null;
  contacts_by_type: Record<string, number> | null;
  present: number;
  absent: number;
  check_ins: number;
  check_in_weeks: number;
  use_yes: number;
  use_answered: number;
  use_pair: { baseline: boolean; latest: boolean } | null;
  meetings: number;
  had_peer: boolean;
  alerts_raised: number;
  alerts_in_time: number;
  barc10: { baseline: number; latest: number } | null;
  phq9: { baseline: number; latest: number } | null;
  gad7: { baseline: number; latest: number } | null;
  bam_use: { baseline: number; latest: number } | null;
  days_in_recovery: number | null;
  referrals_completed: number;
  referrals_unmet: number;
  referral_days: number[] | null;
}

export function factsQuery(s: ReportScope): SQL {
  const f = sql.raw('b.f');
  const t = sql.raw('b.t');
  return sql`with ${scopeCte(s)}
  select c.id, c.program_id, c.enrolled_at, c.preferred_language, c.setting::text as setting, c.demographics,
    c.enrolled_at >= b.f as enrolled_in_period,
    ${engagedBetween(f, t, s.timeZone)} as active,
    greatest(0, extract(epoch from least(coalesce(c.discharged_at, b.t), b.t) - greatest(c.enrolled_at, b.f)) / 86400)::float8 as participant_days,
    ${retention(30, s.timeZone)} as r30, ${retention(90, s.timeZone)} as r90, ${retention(180, s.timeZone)} as r180,
    (select floor(extract(epoch from min(n.occurred_at) - c.enrolled_at) / 86400)::int from contact_notes n
       where n.participant_id = c.id and n.occurred_at >= c.enrolled_at) as days_to_first_contact,
    (select jsonb_object_agg(x.contact_type, x.n) from (select n.contact_type::text, count(*)::int as n from contact_notes n
       where n.participant_id = c.id and n.occurred_at >= b.f and n.occurred_at < b.t group by 1) x) as contacts_by_type,
    (select count(*) filter (where a.status = 'present')::int from peer_group_attendance a join peer_group_sessions gs on gs.id = a.session_id
       where a.participant_id = c.id and gs.starts_at >= b.f and gs.starts_at < b.t) as present,
    (select count(*) filter (where a.status = 'absent')::int from peer_group_attendance a join peer_group_sessions gs on gs.id = a.session_id
       where a.participant_id = c.id and gs.starts_at >= b.f and gs.starts_at < b.t) as absent,
    k.check_ins, k.check_in_weeks, k.use_yes, k.use_answered,
    (select jsonb_build_object('baseline', bl.used_since_last = 'yes', 'latest', lt.used_since_last = 'yes')
       -- Read from the index alone (participant, time, use): ordered by time only, paired when the times differ.
       from (select ci.created_at, ci.used_since_last from check_ins ci where ci.participant_id = c.id and ci.created_at < b.t
               and ci.used_since_last in ('yes', 'no') order by ci.created_at limit 1) bl,
            (select ci.created_at, ci.used_since_last from check_ins ci where ci.participant_id = c.id and ci.created_at >= b.f and ci.created_at < b.t
               and ci.used_since_last in ('yes', 'no') order by ci.created_at desc limit 1) lt
       where bl.created_at < lt.created_at) as use_pair,
    (select count(*)::int from meeting_attendance ma where ma.participant_id = c.id and ma.attended_on between ${s.from}::date and ${s.to}::date) as meetings,
    exists (select 1 from peer_assignments pa where pa.participant_id = c.id and pa.started_at < b.t and (pa.ended_at is null or pa.ended_at >= b.f)) as had_peer,
    al.raised as alerts_raised, al.in_time as alerts_in_time,
    ${pair('barc10', 'total')} as barc10, ${pair('phq9', 'total')} as phq9, ${pair('gad7', 'total')} as gad7, ${pair('bam', 'use')} as bam_use,
    case when c.counts_days then (
      select ((b.as_of - interval '1 microsecond') at time zone ${s.timeZone})::date - rs.start_date from recovery_starts rs
      where rs.participant_id = c.id and rs.created_at < b.as_of order by rs.created_at desc limit 1) end as days_in_recovery,
    rf.completed as referrals_completed, rf.unmet as referrals_unmet, rf.days as referral_days
  from cohort c cross join b
  cross join lateral (
    select count(*)::int as check_ins,
      count(distinct date_trunc('week', ci.created_at at time zone ${s.timeZone}))::int as check_in_weeks,
      count(*) filter (where ci.used_since_last = 'yes')::int as use_yes,
      count(*) filter (where ci.used_since_last in ('yes', 'no'))::int as use_answered
    from check_ins ci where ci.participant_id = c.id and ci.created_at >= b.f and ci.created_at < b.t) k
  cross join lateral (
    select count(*) filter (where r.status = 'completed')::int as completed,
      count(*) filter (where r.status = 'closed_unmet')::int as unmet,
      array_agg(floor(extract(epoch from r.closed_at - r.created_at) / 86400)::int) filter (where r.status = 'completed') as days
    from referrals r where r.participant_id = c.id and r.closed_at >= b.f and r.closed_at < b.t) rf
  cross join lateral (
    select count(*)::int as raised,
      count(*) filter (where a.acknowledged_at is not null
        and a.acknowledged_at <= a.created_at + make_interval(mins => coalesce(fr.escalate_after_minutes, ${DEFAULT_ESCALATE_MINUTES})))::int as in_time
    from alerts a left join program_flag_rules fr on fr.program_id = a.program_id
    where a.participant_id = c.id and a.created_at >= b.f and a.created_at < b.t) al
  order by c.enrolled_at, c.id`;
}

function severity(instrument: string, score: number): number | null {
  const bands = getInstrument(instrument)?.bands?.['total'];
  const band = bands?.find((b) => score >= b.min && score <= b.max);
  return band && typeof band.severity === 'number' ? band.severity : null;
}

function toPair(instrument: string, raw: { baseline: number; latest: number } | null): Pair | null {
  if (!raw) return null;
  return { baseline: raw.baseline, latest: raw.latest, baselineBand: severity(instrument, raw.baseline), latestBand: severity(instrument, raw.latest) };
}

const answer = (v: string | undefined) => (v ? [v] : [NOT_RECORDED]);

export function groupsOf(r: Pick<Row, 'demographics' | 'preferred_language' | 'setting'>): Record<EquityDimension, string[]> {
  const d = r.demographics ?? {};
  return {
    raceEthnicity: d.raceEthnicity?.length ? [...d.raceEthnicity] : [NOT_RECORDED],
    genderIdentity: answer(d.genderIdentity),
    ageRange: answer(d.ageRange),
    sexualOrientation: answer(d.sexualOrientation),
    incomeRange: answer(d.incomeRange),
    language: [r.preferred_language.split('-')[0]!.toLowerCase()],
    setting: [r.setting],
    // Housing status is not a field yet: taken from the demographics when an import put it there.
    housingStatus: answer(d.housingStatus),
    justiceInvolved: answer(d.justiceInvolved),
  };
}

export async function participantFacts(db: Db, scope: ReportScope): Promise<ParticipantFacts[]> {
  const rows = await rowsOf<Row>(db, factsQuery(scope));
  return rows.map((r) => ({
    participantId: r.id,
    programId: r.program_id,
    enrolledAt: new Date(r.enrolled_at).toISOString(),
    enrolledInPeriod: r.enrolled_in_period,
    active: r.active,
    participantDays: Number(r.participant_days),
    retention: { '30': r.r30, '90': r.r90, '180': r.r180 },
    daysToFirstContact: r.days_to_first_contact,
    contactsByType: r.contacts_by_type ?? {},
    attendancePresent: r.present,
    attendanceAbsent: r.absent,
    checkIns: r.check_ins,
    checkInWeeks: r.check_in_weeks,
    checkInUse: r.use_yes,
    checkInUseAnswered: r.use_answered,
    checkInUsePair: r.use_pair,
    meetingsAttended: r.meetings,
    hadPeerWorker: r.had_peer,
    alertsRaised: r.alerts_raised,
    alertsInTime: r.alerts_in_time,
    barc10: toPair('barc10', r.barc10),
    phq9: toPair('phq9', r.phq9),
    gad7: toPair('gad7', r.gad7),
    bamUse: r.bam_use ? { ...r.bam_use, baselineBand: null, latestBand: null } : null,
    daysInRecovery: r.days_in_recovery !== null && r.days_in_recovery >= 0 ? r.days_in_recovery : null,
    referralsCompleted: r.referrals_completed,
    referralsUnmet: r.referrals_unmet,
    referralDaysToComplete: r.referral_days ?? [],
    groups: groupsOf(r),
  }));
}
