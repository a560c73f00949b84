import type { OutcomeReport } from '../schemas/outcomes.js';
import { measureById } from './measures.js';

export type TableValue = string | number | null;
export interface FlatTable {
  columns: string[];
  rows: TableValue[][];
}
export type ReportTable = 'measures' | 'equity' | 'trends' | 'referrals' | 'workforce';

/**
 * Every table of the report as plain rows. The CSV export and the screen both read these, so what
 * is downloaded is what was shown.
 */
export function flatTable(report: OutcomeReport, table: ReportTable, lang: 'en' | 'es' = 'en'): FlatTable {
  switch (table) {
    case 'measures':
      return {
        columns: ['measure_id', 'domain', 'label', 'value', 'denominator', 'suppressed', 'definition'],
        rows: report.measures.map((m) => {
          const d = measureById.get(m.id)!;
          return [m.id, d.domain, d.label[lang], m.value, m.denominator, m.suppressed, d.definition[lang]];
        }),
      };
    case 'equity':
      return {
        columns: ['dimension', 'group', 'people', 'measure_id', 'value', 'denominator', 'suppressed', 'gap'],
        rows: report.equity.flatMap((t) =>
          t.cells.flatMap((c) => c.measures.map((m) => [t.dimension, c.group, c.n, m.id, m.value, m.suppressed ? null : m.denominator, m.suppressed, m.gap])),
        ),
      };
    case 'trends':
      return {
        columns: ['month', 'active_participants', 'contacts', 'check_ins', 'group_sessions_attended', 'mutual_aid_meetings'],
        rows: report.trends.map((p) => [p.month, p.activeParticipants, p.contacts, p.checkIns, p.groupSessionsAttended, p.mutualAidMeetings]),
      };
    case 'referrals':
      return {
        columns: ['category', 'completed', 'closed_unmet', 'met_share', 'median_days_to_complete', 'suppressed'],
        rows: report.referralsByCategory.map((r) => [r.category, r.completed, r.closedUnmet, r.metShare, r.medianDaysToComplete, r.suppressed]),
      };
    case 'workforce':
      return { columns: ['measure', 'value'], rows: Object.entries(report.workforce).map(([k, v]) => [k, v]) };
  }
}

/** A spreadsheet cannot be made to run a formula from a cell: text starting with = + - @ is quoted with '. */
function cell(v: TableValue): string {
  if (v === null) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: FlatTable): string {
  return [t.columns, ...t.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
