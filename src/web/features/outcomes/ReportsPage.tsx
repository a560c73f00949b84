import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EquityDimension } from '../../../shared/outcomes/facts.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { exportUrl, extractUrl, useOutcomeReport, useReportPrograms, type ReportFilters } from './api.js';
import { EquitySection } from './EquitySection.js';
import { MeasuresSection } from './MeasuresSection.js';
import { ReferralsSection, WorkforceSection } from './ReferralsWorkforce.js';
import { ReportFiltersBar } from './ReportFiltersBar.js';
import { TrendsSection } from './TrendsSection.js';
import { useReportFormat } from './useReportFormat.js';
import './outcomes.css';

const isoDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The last six months, from the first of the month, to today. */
function defaultPeriod(today = new Date()) {
  return { from: isoDay(new Date(today.getFullYear(), today.getMonth() - 5, 1)), to: isoDay(today) };
}

const validDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** Outcomes and equity for supervisors (their programs) and org admins (every program); printable for funders. */
export function ReportsPage() {
  const { t } = useTranslation('outcomes');
  const f = useReportFormat();
  const programs = useReportPrograms();
  // Unset: the first program once the list is known (a statewide "all programs" report takes longer).
  const [chosen, setFilters] = useState<ReportFilters | null>(null);
  const filters: ReportFilters = chosen ?? { programId: programs.data?.programs[0]?.id ?? '', ...defaultPeriod() };
  const [dimension, setDimension] = useState<EquityDimension>('raceEthnicity');
  const periodError = !validDay(filters.from) || !validDay(filters.to) ? t('filters.invalid') : filters.from > filters.to ? t('filters.order') : null;
  const report = useOutcomeReport(filters, programs.isSuccess && programs.data.programs.length > 0 && periodError === null);

  if (programs.isPending) return <Loading />;
  if (programs.isError) return <LoadError error={programs.error} onRetry={() => void programs.refetch()} />;
  if (programs.data.programs.length === 0) {
    return (
      <>
        <PageTitle>{t('title')}</PageTitle>
        <EmptyState>{t('noPrograms')}</EmptyState>
      </>
    );
  }
  const r = report.data;
  const csv = (table: string) => exportUrl(filters, table);
  const day = (iso: string) => new Intl.DateTimeFormat(f.lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

  return (
    <Stack gap="lg" className="outcomes-report">
      <PageTitle>{t('title')}</PageTitle>
      <ReportFiltersBar
        programs={programs.data.programs}
        filters={filters}
        onChange={setFilters}
        dimension={dimension}
        onDimension={setDimension}
        periodError={periodError}
      />
      {report.isError ? (
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      ) : !r ? (
        periodError ? null : <Loading />
      ) : (
        <>
          <Stack gap={4} data-testid="report-scope" aria-busy={report.isFetching}>
            <Text fw={650}>{t('scope.programs', { programs: r.scope.programs.map((p) => p.name).join(', ') })}</Text>
            <Text>{t('scope.period', { from: day(r.scope.from), to: day(r.scope.to), timeZone: r.scope.timeZone })}</Text>
            <Text>{t('scope.participants', { count: r.scope.participants })}</Text>
            <Text fz="sm" c="dimmed">
              {t('scope.generated', { at: new Intl.DateTimeFormat(f.lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(r.scope.generatedAt)) })}
            </Text>
          </Stack>
          <Group gap="md" className="outcomes-no-print">
            <Button variant="light" onClick={() => window.print()}>
              {t('download.print')}
            </Button>
            {programs.data.canExtract && (
              <Anchor href={extractUrl(filters)} download fw={600}>
                {t('download.extract')}
              </Anchor>
            )}
          </Group>
          <Text fz="sm" className="outcomes-definition">
            {t('privacyNote')}
          </Text>
          {r.notRecorded.includes('housingStatus') && <Alert color="sand">{t('housingNotRecorded')}</Alert>}
          <MeasuresSection report={r} csvHref={csv('measures')} />
          <TrendsSection report={r} csvHref={csv('trends')} />
          <EquitySection report={r} dimension={dimension} csvHref={csv('equity')} />
          <ReferralsSection report={r} csvHref={csv('referrals')} />
          <WorkforceSection report={r} csvHref={csv('workforce')} />
        </>
      )}
    </Stack>
  );
}
