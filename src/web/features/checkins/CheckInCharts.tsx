import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Box, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRAVING_MAX, CRAVING_MIN, MOOD_MAX, MOOD_MIN, type CheckInTrendDay } from '../../../shared/schemas/checkins.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useCheckInTrend } from './api.js';
import { useCheckInFormat } from './useCheckInFormat.js';

const ranges = [7, 30, 90] as const;

interface Props {
  participantId: string;
  initialDays?: number;
  /** Offer 7, 30 and 90 days; otherwise the initial range is fixed. */
  withRangePicker?: boolean;
}

/**
 * Mood and craving over time, one chart each (their scales differ). The charts are pictures for
 * sighted readers; a summary in words and a table of the days with check-ins carry the same
 * information for everyone else.
 */
export function CheckInCharts({ participantId, initialDays = 30, withRangePicker = false }: Props) {
  const { t } = useTranslation('checkins');
  const format = useCheckInFormat();
  const [days, setDays] = useState(initialDays);
  const trend = useCheckInTrend(participantId, days);
  const rangeLabel = useId();

  const picker = withRangePicker && (
    <Box>
      <Text id={rangeLabel} fz="sm" fw={500} mb={4}>
        {t('chart.range')}
      </Text>
      <SegmentedControl
        aria-labelledby={rangeLabel}
        value={String(days)}
        onChange={(v) => setDays(Number(v))}
        data={ranges.map((n) => ({ value: String(n), label: t('chart.days', { count: n }) }))}
      />
    </Box>
  );
  if (trend.isPending) return <>{picker}<Loading /></>;
  if (trend.isError) return <>{picker}<LoadError error={trend.error} onRetry={() => void trend.refetch()} /></>;

  const series = trend.data.days;
  const withData = series.filter((d) => d.checkIns > 0);
  const data = series.map((d) => ({ day: format.shortDay(d.date), mood: d.mood, craving: d.craving }));
  return (
    <Stack gap="sm" component="figure" m={0} data-testid="checkin-charts">
      {picker}
      <Text component="figcaption" fw={500}>
        <Summary days={days} withData={withData} />
      </Text>
      {withData.length > 0 && (
        <>
          {/* Hidden from screen readers: the summary and the table below say the same in words. */}
          <div aria-hidden="true">
            <Text fz="sm" fw={600} mt="xs">
              {t('chart.mood')}
            </Text>
            <LineChart
              h={160}
              data={data}
              dataKey="day"
              series={[{ name: 'mood', label: t('entry.mood'), color: 'pine.7' }]}
              yAxisProps={{ domain: [MOOD_MIN, MOOD_MAX], ticks: [1, 2, 3, 4, 5], interval: 0, width: 24 }}
              curveType="linear"
              connectNulls
              valueFormatter={format.number}
              gridAxis="x"
            />
            <Text fz="sm" fw={600} mt="md">
              {t('chart.craving')}
            </Text>
            <LineChart
              h={160}
              data={data}
              dataKey="day"
              series={[{ name: 'craving', label: t('entry.craving'), color: 'clay.7' }]}
              yAxisProps={{ domain: [CRAVING_MIN, CRAVING_MAX], ticks: [0, 2, 4, 6, 8, 10], interval: 0, width: 24 }}
              curveType="linear"
              connectNulls
              valueFormatter={format.number}
              gridAxis="x"
            />
          </div>
          <DaysTable days={days} withData={withData} />
        </>
      )}
    </Stack>
  );
}

function Summary({ days, withData }: { days: number; withData: CheckInTrendDay[] }) {
  const { t } = useTranslation('checkins');
  const format = useCheckInFormat();
  const count = withData.reduce((n, d) => n + d.checkIns, 0);
  if (count === 0) return <>{t('chart.summaryNone', { days })}</>;
  // Weighted by each day's check-ins, so a busy day counts for what it holds.
  const average = (pick: (d: CheckInTrendDay) => number | null) =>
    format.number(Math.round((withData.reduce((sum, d) => sum + (pick(d) ?? 0) * d.checkIns, 0) / count) * 10) / 10);
  return <>{t('chart.summary', { days, count, mood: average((d) => d.mood), craving: average((d) => d.craving) })}</>;
}

function DaysTable({ days, withData }: { days: number; withData: CheckInTrendDay[] }) {
  const { t } = useTranslation('checkins');
  const format = useCheckInFormat();
  return (
    <VisuallyHidden>
      <Table>
        <caption>{t('chart.tableCaption', { days })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('chart.date')}</th>
            <th scope="col">{t('chart.mood')}</th>
            <th scope="col">{t('chart.craving')}</th>
            <th scope="col">{t('chart.count')}</th>
          </tr>
        </thead>
        <tbody>
          {withData.map((d) => (
            <tr key={d.date}>
              <th scope="row">{format.longDay(d.date)}</th>
              <td>{d.mood === null ? t('chart.noData') : format.number(d.mood)}</td>
              <td>{d.craving === null ? t('chart.noData') : format.number(d.craving)}</td>
              <td>{format.number(d.checkIns)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </VisuallyHidden>
  );
}
