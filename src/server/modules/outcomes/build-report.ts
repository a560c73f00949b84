import type { OutcomeReport } from '../../../shared/schemas/outcomes.js';
import { equityTables } from '../../../shared/outcomes/equity.js';
import { measureDefinitions } from '../../../shared/outcomes/measures.js';
import { rollUp } from '../../../shared/outcomes/rollup.js';
import type { Db } from '../../db/client.js';
import { participantFacts } from './participant-facts.js';
import { referralsByCategory } from './referral-categories.js';
import type { ReportScope } from './report-scope.js';
import { monthlyTrends } from './trends.js';
import { workforceSummary } from './workforce.js';

/** The whole report for a scope; no audit here (the callers record why it was built). */
export async function buildReport(db: Db, scope: ReportScope): Promise<OutcomeReport> {
  // Independent queries: on PostgreSQL they run side by side on the pool's connections.
  const [facts, trends, referrals, workforce] = await Promise.all([
    participantFacts(db, scope),
    monthlyTrends(db, scope),
    referralsByCategory(db, scope),
    workforceSummary(db, scope),
  ]);
  const overall = rollUp(facts);
  const housingRecorded = facts.some((f) => f.groups.housingStatus[0] !== 'not_recorded');
  return {
    scope: {
      programs: scope.programs.map((p) => ({ id: p.id, name: p.name })),
      from: scope.from,
      to: scope.to,
      timeZone: scope.timeZone,
      generatedAt: scope.now.toISOString(),
      participants: facts.length,
    },
    measures: measureDefinitions.map((d) => ({ id: d.id, ...overall[d.id]! })),
    equity: equityTables(facts, overall).map((t) => ({
      ...t,
      cells: t.cells.map((c) => ({ ...c, measures: measureDefinitions.map((d) => ({ id: d.id, ...c.measures[d.id]! })) })),
    })),
    trends,
    referralsByCategory: referrals,
    workforce,
    notRecorded: housingRecorded ? [] : ['housingStatus'],
  };
}
