import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OutcomeReport } from '../../../shared/schemas/outcomes.js';
import { Section } from '../../components/Section.js';
import { EmptyState } from '../../components/Status.js';
import { DownloadCsv } from './DownloadCsv.js';
import { useReportFormat } from './useReportFormat.js';

export function ReferralsSection({ report, csvHref }: { report: OutcomeReport; csvHref: string }) {
  const { t } = useTranslation('outcomes');
  const f = useReportFormat();
  const rows = report.referralsByCategory;
  const show = (v: number | null, s: string | null, pct = false) => (s ? t(`withheld.${s as 'small_cell'}`) : v === null ? t('noData') : pct ? f.percent(v) : f.number(v));
  return (
    <Section title={t('referrals.title')} testId="report-referrals" actions={<DownloadCsv href={csvHref} />}>
      <Text className="outcomes-definition" mb="xs">
        {t('referrals.note')}
      </Text>
      {rows.length === 0 ? (
        <EmptyState>{t('referrals.empty')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('referrals.category')}</Table.Th>
                <Table.Th>{t('referrals.completed')}</Table.Th>
                <Table.Th>{t('referrals.unmet')}</Table.Th>
                <Table.Th>{t('referrals.metShare')}</Table.Th>
                <Table.Th>{t('referrals.medianDays')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.category}>
                  <Table.Td>{r.category}</Table.Td>
                  <Table.Td className="outcomes-value">{show(r.completed, r.suppressed)}</Table.Td>
                  <Table.Td className="outcomes-value">{show(r.closedUnmet, r.suppressed)}</Table.Td>
                  <Table.Td className="outcomes-value">{show(r.metShare, r.suppressed, true)}</Table.Td>
                  <Table.Td className="outcomes-value">{show(r.medianDaysToComplete, r.suppressed)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

const workforceRows = [
  ['peerWorkers', false],
  ['caseloadMean', false],
  ['caseloadMax', false],
  ['contactsPerWorkerWeek', false],
  ['alerts', false],
  ['alertsAcknowledgedInTime', false],
  ['alertsInTimeShare', true],
  ['alertMedianMinutesToAcknowledge', false],
] as const;

export function WorkforceSection({ report, csvHref }: { report: OutcomeReport; csvHref: string }) {
  const { t } = useTranslation('outcomes');
  const f = useReportFormat();
  return (
    <Section title={t('workforce.title')} testId="report-workforce" actions={<DownloadCsv href={csvHref} />}>
      <Stack gap="xs">
        <Text className="outcomes-definition">{t('workforce.note')}</Text>
        <Table verticalSpacing={4}>
          <Table.Tbody>
            {workforceRows.map(([key, pct]) => {
              const v = report.workforce[key];
              return (
                <Table.Tr key={key}>
                  <Table.Th scope="row" fw={500}>
                    {t(`workforce.${key}`)}
                  </Table.Th>
                  <Table.Td className="outcomes-value">{v === null ? t('noData') : pct ? f.percent(v) : f.number(v)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Stack>
    </Section>
  );
}
