import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { median, ratio, round } from '../../../shared/outcomes/stats.js';
import { suppressCells } from '../../../shared/outcomes/suppression.js';
import { rowsOf } from '../messaging/thread-members.js';
import { scopeCte } from './participant-facts.js';
import type { ReportScope } from './report-scope.js';

interface Row {
  category: string;
  completed: number;
  unmet: number;
  days: number[] | null;
}

/** Referrals finished in the period, by category: needs met, needs not met, median days to completion. */
export async function referralsByCategory(db: Db, s: ReportScope) {
  const rows = await rowsOf<Row>(
    db,
    sql`with ${scopeCte(s)}
    select r.category,
      count(*) filter (where r.status = 'completed')::int as completed,
      count(*) filter (where r.status = 'closed_unmet')::int as unmet,
      array_agg(floor(extract(epoch from r.closed_at - r.created_at) / 86400)::int) filter (where r.status = 'completed') as days
    from referrals r, b
    where r.participant_id in (select id from cohort) and r.status in ('completed', 'closed_unmet') and r.closed_at >= b.f and r.closed_at < b.t
    group by r.category order by r.category`,
  );
  // The cell is the referrals finished in a category; small ones (and their complements) are withheld.
  const hidden = suppressCells(rows.map((r) => ({ key: r.category, n: r.completed + r.unmet })));
  return rows.map((r) => {
    const suppressed = hidden.get(r.category) ?? null;
    if (suppressed) return { category: r.category, completed: null, closedUnmet: null, metShare: null, medianDaysToComplete: null, suppressed };
    return {
      category: r.category,
      completed: r.completed,
      closedUnmet: r.unmet,
      metShare: round(ratio(r.completed, r.completed + r.unmet), 3),
      medianDaysToComplete: median(r.days ?? []),
      suppressed: null,
    };
  });
}
