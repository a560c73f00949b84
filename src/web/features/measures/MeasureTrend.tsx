import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InstrumentDefinition } from '../../../shared/instruments/index.js';
import { scoreRange } from '../../../shared/instruments/scales.js';
import type { AssessmentResponseView, InstrumentHistory } from '../../../shared/schemas/assessments.js';
import { useFormat } from '../../i18n/format.js';
import { headlineScores, useLocalized } from './instrument-text.js';
import './measures.css';

const seriesColors = ['pine.7', 'clay.7', 'amber.7'];

/**
 * One instrument's scores over time. The chart is a picture for sighted readers (its band lines
 * show where the cut-points fall); the table beside it says the same in words for everyone.
 */
export function MeasureTrend({ definition, history, resultsPath }: { definition: InstrumentDefinition; history: InstrumentHistory; resultsPath: string }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const format = useFormat();
  const scores = headlineScores(definition);
  const complete = history.responses.filter((r) => r.status === 'complete').reverse();
  const bands = scores.length === 1 ? definition.bands[scores[0]!.id] : undefined;
  // The whole possible range on the axis, so a small change does not look like a big one.
  const ranges = scores.map((s) => scoreRange(definition, s));
  const domain = [Math.min(...ranges.map((r) => r.min)), Math.max(...ranges.map((r) => r.max))];
  const data = complete.map((r) => ({ date: format.date(r.completedAt), ...Object.fromEntries(scores.map((s) => [s.id, r.scores[s.id] ?? null])) }));

  return (
    <>
      {complete.length >= 2 && (
        <div aria-hidden="true">
          <LineChart
            h={170}
            data={data}
            dataKey="date"
            series={scores.map((s, i) => ({ name: s.id, label: text(s.label), color: seriesColors[i % seriesColors.length]! }))}
            referenceLines={bands?.slice(1).map((b) => ({ y: b.min, label: text(b.label), color: 'sand.6' }))}
            withLegend={scores.length > 1}
            curveType="linear"
            connectNulls
            valueFormatter={format.number}
            gridAxis="y"
            yAxisProps={{ width: 28, domain }}
          />
        </div>
      )}
        <Table className="measure-table" verticalSpacing={6} fz="sm">
          <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 4 }}>{t('trend.caption', { name: definition.shortName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('trend.date')}</th>
              {scores.map((s) => (
                <th scope="col" key={s.id}>
                  {text(s.label)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {history.responses.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Anchor component={Link} to={`${resultsPath}/${r.id}`} fz="sm">
                    {format.date(r.completedAt)}
                  </Anchor>
                  <HowNote response={r} definition={definition} />
                </th>
                {scores.map((s) => (
                  <td key={s.id}>
                    <ScoreCell response={r} scoreId={s.id} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
    </>
  );
}

function ScoreCell({ response, scoreId }: { response: AssessmentResponseView; scoreId: string }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const format = useFormat();
  const score = response.scores[scoreId];
  if (score === undefined) return <Text span fz="sm" c="dimmed">{t('trend.noScore')}</Text>;
  const band = response.bands[scoreId];
  return (
    <>
      <Text span fw={600} fz="sm">
        {format.number(score)}
      </Text>
      {band && <Text span fz="sm"> · {text(band.label)}</Text>}
    </>
  );
}

/** Under the date: who answered, whether questions were skipped, and any flag that fired. */
function HowNote({ response, definition }: { response: AssessmentResponseView; definition: InstrumentDefinition }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const flags = response.flags.map((id) => definition.flags.find((f) => f.id === id)?.label).filter((l) => l !== undefined);
  return (
    <>
      <Text fz="xs" c="dimmed" fw={400}>
        {response.mode === 'self' ? t('trend.bySelf') : t('trend.withPeer', { name: response.administeredBy?.displayName ?? '' })}
        {response.status === 'incomplete' && ` · ${t('trend.incomplete')}`}
      </Text>
      {flags.map((label) => (
        <Text key={label.en} fz="xs" fw={700} c={response.crisis ? 'clay.8' : 'amber.8'} mt={2}>
          {text(label)}
        </Text>
      ))}
    </>
  );
}
