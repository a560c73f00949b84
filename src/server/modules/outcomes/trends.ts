import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../messaging/thread-members.js';
import { scopeCte } from './participant-facts.js';
import type { ReportScope } from './report-scope.js';

interface Row {
  month: string;
  active: number;
  contacts: number;
  check_ins: number;
  attended: number;
  meetings: number;
}

/** Month by month (in the program's time zone) inside the period: who was active (as in the measures), and how much happened. */
export async function monthlyTrends(db: Db, s: ReportScope) {
  const month = (col: string) => sql`to_char(date_trunc('month', ${sql.raw(col)} at time zone ${s.timeZone}), 'YYYY-MM')`;
  const rows = await rowsOf<Row>(
    db,
    sql`with ${scopeCte(s)},
    -- Driven by the cohort, so each person's rows come from the (participant, time) indexes.
    ev as (
      select c.id as pid, x.month, x.kind, x.n from cohort c cross join b cross join lateral (
        select ${month('n.occurred_at')} as month, 'contact' as kind, count(*)::int as n from contact_notes n
          where n.participant_id = c.id and n.occurred_at >= b.f and n.occurred_at < b.t group by 1
        union all
        select ${month('k.created_at')}, 'check_in', count(*)::int from check_ins k
          where k.participant_id = c.id and k.created_at >= b.f and k.created_at < b.t group by 1
        union all
        select ${month('gs.starts_at')}, 'attended', count(*)::int from peer_group_attendance a join peer_group_sessions gs on gs.id = a.session_id
          where a.participant_id = c.id and a.status = 'present' and gs.starts_at >= b.f and gs.starts_at < b.t group by 1
        union all
        select to_char(ma.attended_on, 'YYYY-MM'), 'meeting', count(*)::int from meeting_attendance ma
          where ma.participant_id = c.id and ma.attended_on between ${s.from}::date and ${s.to}::date group by 1
      ) x
    ),
    months as (
      select to_char(m, 'YYYY-MM') as month from generate_series(date_trunc('month', ${s.from}::date::timestamp), date_trunc('month', ${s.to}::date::timestamp), interval '1 month') m
    )
    select months.month,
      count(distinct ev.pid)::int as active,
      coalesce(sum(ev.n) filter (where ev.kind = 'contact'), 0)::int as contacts,
      coalesce(sum(ev.n) filter (where ev.kind = 'check_in'), 0)::int as check_ins,
      coalesce(sum(ev.n) filter (where ev.kind = 'attended'), 0)::int as attended,
      coalesce(sum(ev.n) filter (where ev.kind = 'meeting'), 0)::int as meetings
    from months left join ev on ev.month = months.month
    group by months.month order by months.month`,
  );
  return rows.map((r) => ({ month: r.month, activeParticipants: r.active, contacts: r.contacts, checkIns: r.check_ins, groupSessionsAttended: r.attended, mutualAidMeetings: r.meetings }));
}
