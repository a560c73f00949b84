import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { outcomeReportSchema, reportProgramsSchema } from '../../../shared/schemas/outcomes.js';
import { api, withQuery } from '../../api/client.js';

export interface ReportFilters {
  programId: string;
  from: string;
  to: string;
}

const query = (f: ReportFilters) => ({ programId: f.programId || undefined, from: f.from, to: f.to });

export function useReportPrograms() {
  return useQuery({ queryKey: ['reports', 'programs'], queryFn: () => api.get('/api/reports/programs', reportProgramsSchema) });
}

/** Each read is audited on the server, so the report is fetched when the filters change, not polled. */
export function useOutcomeReport(f: ReportFilters, enabled: boolean) {
  return useQuery({
    queryKey: ['reports', 'outcomes', f],
    queryFn: () => api.get(withQuery('/api/reports/outcomes', query(f)), outcomeReportSchema),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

export const exportUrl = (f: ReportFilters, table: string) => withQuery('/api/reports/outcomes/export', { ...query(f), table });
export const extractUrl = (f: ReportFilters) => withQuery('/api/reports/outcomes/extract', query(f));
