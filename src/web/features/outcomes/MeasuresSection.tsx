import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { measureById, measureDomains } from '../../../shared/outcomes/measures.js';
import type { OutcomeReport } from '../../../shared/schemas/outcomes.js';
import { Section } from '../../components/Section.js';
import { DownloadCsv } from './DownloadCsv.js';
import { useReportFormat } from './useReportFormat.js';

/** Every measure with its number, what it rests on, and its definition beside it. */
export function MeasuresSection({ report, csvHref }: { report: OutcomeReport; csvHref: string }) {
  const { t } = useTranslation('outcomes');
  const f = useReportFormat();
  return (
    <Section title={t('measures.title')} testId="report-measures" actions={<DownloadCsv href={csvHref} />}>
      {measureDomains.map((domain) => (
        <Table.ScrollContainer minWidth={0} key={domain}>
          <Table verticalSpacing={6} captionSide="top" layout="fixed">
            <Table.Caption style={{ textAlign: 'left', fontWeight: 650 }}>{t(`domains.${domain}`)}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="62%">{t('measures.measure')}</Table.Th>
                <Table.Th w="38%">{t('measures.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.measures
                .filter((m) => measureById.get(m.id)?.domain === domain)
                .map((m) => {
                  const def = measureById.get(m.id)!;
                  return (
                    <Table.Tr key={m.id} data-measure-id={m.id} data-value={m.value ?? ''}>
                      <Table.Td>
                        <Text fw={600} fz="sm">
                          {def.label[f.lang]}
                        </Text>
                        <Text className="outcomes-definition">{def.definition[f.lang]}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fw={650} fz="sm">
                          {f.value(m.id, m.value, m.suppressed)}
                        </Text>
                        {def.kind !== 'count' && <Text className="outcomes-definition">{t('measures.n', { n: m.denominator })}</Text>}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ))}
    </Section>
  );
}
