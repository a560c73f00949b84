import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mean, median, ratio, round } from '../../../shared/outcomes/stats.js';
import { rowsOf } from '../messaging/thread-members.js';
import { DEFAULT_ESCALATE_MINUTES, scopeCte } from './participant-facts.js';
import type { ReportScope } from './report-scope.js';


/**
 * The peer workforce, in aggregate only (no figure names a worker): caseload at the end of the
 * period, contact notes per worker-week, and alerts acknowledged before they were due to escalate.
 */
export async function workforceSummary(db: Db, s: ReportScope) {
  const workers = await rowsOf<{ peer_worker_id: string; caseload: number; contacts: number }>(
    db,
    sql`with ${scopeCte(s)}
    select w.peer_worker_id,
      count(distinct w.participant_id) filter (where w.started_at < b.as_of and (w.ended_at is null or w.ended_at >= b.as_of))::int as caseload,
      (select count(*)::int from contact_notes n where n.author_id = w.peer_worker_id
         and n.participant_id in (select id from cohort) and n.occurred_at >= b.f and n.occurred_at < b.t) as contacts
    from peer_assignments w, b
    where w.participant_id in (select id from cohort) and w.started_at < b.t and (w.ended_at is null or w.ended_at >= b.f)
    group by w.peer_worker_id, b.f, b.t, b.as_of`,
  );
  const [alerts] = await rowsOf<{ total: number; in_time: number; minutes: number[] | null }>(
    db,
    sql`with ${scopeCte(s)}
    select count(*)::int as total,
      count(*) filter (where a.acknowledged_at is not null
        and a.acknowledged_at <= a.created_at + make_interval(mins => coalesce(r.escalate_after_minutes, ${DEFAULT_ESCALATE_MINUTES})))::int as in_time,
      array_agg(extract(epoch from a.acknowledged_at - a.created_at)::float8 / 60) filter (where a.acknowledged_at is not null) as minutes
    from alerts a cross join b left join program_flag_rules r on r.program_id = a.program_id
    where a.participant_id in (select id from cohort) and a.created_at >= b.f and a.created_at < b.t`,
  );
  const weeks = (Date.parse(s.to) - Date.parse(s.from)) / (7 * 86_400_000) + 1 / 7;
  const caseloads = workers.map((w) => w.caseload);
  return {
    peerWorkers: workers.length,
    caseloadMean: round(mean(caseloads), 1),
    caseloadMax: caseloads.length ? Math.max(...caseloads) : null,
    contactsPerWorkerWeek: round(workers.length ? workers.reduce((a, w) => a + w.contacts, 0) / workers.length / weeks : null, 2),
    alerts: alerts?.total ?? 0,
    alertsAcknowledgedInTime: alerts?.in_time ?? 0,
    alertsInTimeShare: round(ratio(alerts?.in_time ?? 0, alerts?.total ?? 0), 3),
    alertMedianMinutesToAcknowledge: round(median(alerts?.minutes ?? []), 1),
  };
}
