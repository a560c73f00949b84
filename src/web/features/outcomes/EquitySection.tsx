import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EquityDimension } from '../../../shared/outcomes/facts.js';
import { measureDefinitions } from '../../../shared/outcomes/measures.js';
import type { OutcomeReport } from '../../../shared/schemas/outcomes.js';
import { Section } from '../../components/Section.js';
import { DownloadCsv } from './DownloadCsv.js';
import { useReportFormat } from './useReportFormat.js';

/**
 * One measure across the groups of one dimension, against the overall figure. Withheld groups are
 * named in the table, never drawn; a gap is said in words as well as marked.
 */
export function EquitySection({ report, dimension, csvHref }: { report: OutcomeReport; dimension: EquityDimension; csvHref: string }) {
  const { t } = useTranslation('outcomes');
  const f = useReportFormat();
  const [measureId, setMeasureId] = useState('retention_90');
  const table = report.equity.find((e) => e.dimension === dimension)!;
  const overall = report.measures.find((m) => m.id === measureId)!;
  const rows = table.cells.map((c) => ({ cell: c, m: c.measures.find((m) => m.id === measureId)! }));
  const drawable = rows.filter((r) => r.m.value !== null);
  const def = f.measure(measureId)!;
  const scale = def.kind === 'rate' ? 100 : 1;

  return (
    <Section title={t('equity.title', { dimension: t(`dimensions.${dimension}`) })} testId="report-equity" actions={<DownloadCsv href={csvHref} />}>
      <Stack gap="sm">
        <Select
          className="outcomes-no-print"
          label={t('equity.measure')}
          data={measureDefinitions.map((d) => ({ value: d.id, label: d.label[f.lang] }))}
          value={measureId}
          onChange={(v) => v && setMeasureId(v)}
          allowDeselect={false}
          searchable
          w={{ base: '100%', sm: 360 }}
        />
        <Text className="outcomes-definition">{def.definition[f.lang]}</Text>
        {table.multiple && <Text fz="sm">{t('equity.multiple')}</Text>}
        {drawable.length > 0 && (
          <div aria-hidden="true" data-testid="equity-chart">
            <BarChart
              h={Math.max(120, 44 * (drawable.length + 1))}
              orientation="vertical"
              data={[
                { group: t('equity.overall'), value: (overall.value ?? 0) * scale },
                ...drawable.map((r) => ({ group: f.group(dimension, r.cell.group), value: (r.m.value ?? 0) * scale })),
              ]}
              dataKey="group"
              series={[{ name: 'value', label: def.label[f.lang], color: 'pine.6' }]}
              yAxisProps={{ width: 130 }}
              valueFormatter={(v) => (scale === 100 ? `${f.number(v, 1)}%` : f.number(v))}
              gridAxis="y"
            />
          </div>
        )}
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing={4} data-testid="equity-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`dimensions.${dimension}`)}</Table.Th>
                <Table.Th>{t('equity.people')}</Table.Th>
                <Table.Th>{def.label[f.lang]}</Table.Th>
                <Table.Th>{t('equity.gap')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr fw={650}>
                <Table.Td>{t('equity.overall')}</Table.Td>
                <Table.Td className="outcomes-value">{f.number(report.scope.participants)}</Table.Td>
                <Table.Td className="outcomes-value">{f.value(measureId, overall.value, overall.suppressed)}</Table.Td>
                <Table.Td />
              </Table.Tr>
              {rows.map(({ cell, m }) => (
                <Table.Tr key={cell.group} data-group={cell.group}>
                  <Table.Td>{f.group(dimension, cell.group)}</Table.Td>
                  <Table.Td className="outcomes-value">{cell.n === null ? t(`withheld.${cell.suppressed!}`) : f.number(cell.n)}</Table.Td>
                  <Table.Td className="outcomes-value">{f.value(measureId, m.value, m.suppressed)}</Table.Td>
                  <Table.Td>
                    {m.gap && (
                      <Text fz="sm" fw={700} c={m.gap === 'unfavourable' ? 'clay.8' : 'pine.8'}>
                        {t(`equity.gaps.${m.gap}`)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text fz="xs" c="dimmed">
          {t('equity.suppressionNote')}
        </Text>
      </Stack>
    </Section>
  );
}
