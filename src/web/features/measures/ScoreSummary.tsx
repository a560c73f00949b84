import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition, ScoreRule } from '../../../shared/instruments/index.js';
import { scoreRange } from '../../../shared/instruments/scales.js';
import type { AssessmentResponseView, InstrumentHistory } from '../../../shared/schemas/assessments.js';
import { useFormat } from '../../i18n/format.js';
import { useLocalized } from './instrument-text.js';

interface Props {
  definition: InstrumentDefinition;
  response: AssessmentResponseView;
  history: InstrumentHistory | undefined;
}

/** Each score of a response: the number, its possible range, its band in words, and the change from the first time. */
export function ScoreSummary({ definition, response, history }: Props) {
  const { t } = useTranslation('measures');
  const rules = definition.scoring.filter((rule) => response.scores[rule.id] !== undefined);
  // The change is the server's (baseline → latest), so it belongs only on the latest complete response.
  const isLatest = history?.latest?.id === response.id;
  const baseline = history?.responses.find((r) => r.id === history.baseline?.id);
  return (
    <Stack gap="sm" data-testid="measure-scores">
      {response.status === 'incomplete' && (
        <Text>{rules.length === 0 ? t('result.incomplete') : t('result.incompletePartly')}</Text>
      )}
      {rules.map((rule) => (
        <ScoreCard
          key={rule.id}
          definition={definition}
          rule={rule}
          response={response}
          change={isLatest ? history?.change[rule.id] : undefined}
          baseline={isLatest ? baseline : undefined}
        />
      ))}
    </Stack>
  );
}

function ScoreCard({
  definition,
  rule,
  response,
  change,
  baseline,
}: {
  definition: InstrumentDefinition;
  rule: ScoreRule;
  response: AssessmentResponseView;
  change: InstrumentHistory['change'][string] | undefined;
  baseline: AssessmentResponseView | undefined;
}) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const format = useFormat();
  const range = scoreRange(definition, rule);
  const band = response.bands[rule.id];
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap={6}>
        <Text fw={600}>{text(rule.label)}</Text>
        <Group gap="sm" align="baseline">
          <Text fz={36} fw={700} lh={1} c="pine.8">
            {format.number(response.scores[rule.id]!)}
          </Text>
          <Text c="dimmed" fz="sm">
            {t('result.range', { min: format.number(range.min), max: format.number(range.max) })}
          </Text>
        </Group>
        {band && (
          <div>
            <Badge size="lg" variant="light" color="pine" style={{ textTransform: 'none' }}>
              {text(band.label)}
            </Badge>
          </div>
        )}
        <Text fz="sm" c="dimmed">
          {rule.direction === 'higher-is-worse' ? t('result.higherWorse') : t('result.higherBetter')}
        </Text>
        {change && baseline && <ChangeLine change={change} baseline={baseline} scoreId={rule.id} betterWhenLower={rule.direction === 'higher-is-worse'} />}
      </Stack>
    </Paper>
  );
}

function ChangeLine({
  change,
  baseline,
  scoreId,
  betterWhenLower,
}: {
  change: InstrumentHistory['change'][string];
  baseline: AssessmentResponseView;
  scoreId: string;
  betterWhenLower: boolean;
}) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const format = useFormat();
  const first = { score: format.number(change.baseline), date: format.date(baseline.completedAt) };
  const moved = change.difference === 0 ? t('result.changeSame', first) : change.difference < 0
    ? t('result.changeLower', { count: Math.abs(change.difference), ...first })
    : t('result.changeHigher', { count: change.difference, ...first });
  const fromBand = baseline.bands[scoreId];
  const improved = betterWhenLower ? change.difference < 0 : change.difference > 0;
  return (
    <Stack gap={2} data-testid="measure-change">
      <Text fw={500}>{moved}</Text>
      {change.band && change.band !== 'same' && fromBand && (
        <Text fz="sm">{t('result.bandMoved', { from: text(fromBand.label) })}</Text>
      )}
      {change.difference !== 0 && <Text fz="sm">{improved ? t('result.changeGood') : t('result.changeHarder')}</Text>}
    </Stack>
  );
}
