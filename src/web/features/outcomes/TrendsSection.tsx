import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeReport } from '../../../shared/schemas/outcomes.js';
import { Section } from '../../components/Section.js';
import { EmptyState } from '../../components/Status.js';
import { DownloadCsv } from './DownloadCsv.js';
import { useReportFormat } from './useReportFormat.js';

const series = ['activeParticipants', 'contacts', 'checkIns', 'groupSessionsAttended', 'mutualAidMeetings'] as const;
const colours = ['pine.7', 'clay.7', 'blue.7', 'grape.7', 'orange.8'];

/** Month by month; the chart is a picture, the table under it says the same in words. */
export function TrendsSection({ report, csvHref }: { report: OutcomeReport; csvHref: string }) {
  const { t } = useTranslation('outcomes');
  const f = useReportFormat();
  const month = (m: string) => new Intl.DateTimeFormat(f.lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  const empty = report.trends.every((p) => series.every((s) => p[s] === 0));
  return (
    <Section title={t('trends.title')} testId="report-trends" actions={<DownloadCsv href={csvHref} />}>
      {empty ? (
        <EmptyState>{t('trends.empty')}</EmptyState>
      ) : (
        <div aria-hidden="true" data-testid="trend-chart">
          <LineChart
            h={220}
            data={report.trends.map((p) => ({ ...p, month: month(p.month) }))}
            dataKey="month"
            series={series.map((s, i) => ({ name: s, label: t(`trends.${s}`), color: colours[i]! }))}
            curveType="linear"
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            gridAxis="x"
            withDots
            strokeDasharray="0"
          />
        </div>
      )}
      <Table.ScrollContainer minWidth={480}>
        <Table verticalSpacing={4} data-testid="trend-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('trends.month')}</Table.Th>
              {series.map((s) => (
                <Table.Th key={s}>{t(`trends.${s}`)}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.trends.map((p) => (
              <Table.Tr key={p.month} data-month={p.month}>
                <Table.Td>{month(p.month)}</Table.Td>
                {series.map((s) => (
                  <Table.Td key={s} className="outcomes-value">
                    {f.number(p[s])}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}
