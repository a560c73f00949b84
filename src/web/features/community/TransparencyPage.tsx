import { Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useTransparency } from './api.js';
import { BackToCommunity } from './BackToCommunity.js';

/** The organization's monthly transparency page: counts only, nobody named. */
export function TransparencyPage() {
  const { t } = useTranslation('community');
  const [month, setMonth] = useState(() => new Date().toISOString().slice(0, 7));
  const figures = useTransparency(month);
  const f = figures.data;
  return (
    <Stack gap="lg">
      <BackToCommunity />
      <PageTitle>{t('transparency.title')}</PageTitle>
      <Text>{t('transparency.intro')}</Text>
      <TextInput type="month" label={t('transparency.month')} value={month} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} style={{ maxWidth: 220 }} />
      {figures.isPending ? (
        <Loading />
      ) : figures.isError || !f ? (
        <LoadError error={figures.error} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 3 }} data-testid="community-transparency">
            <Figure label={t('transparency.reports')} value={String(f.reportsReceived)} />
            <Figure label={t('transparency.held')} value={String(f.heldBySafetyRules)} />
            <Figure
              label={t('transparency.median')}
              value={f.medianMinutesToFirstReview === null ? t('transparency.noReviews') : t('transparency.minutes', { count: f.medianMinutesToFirstReview })}
            />
          </SimpleGrid>
          <Section title={t('transparency.actions')}>
            {Object.keys(f.actions).length === 0 ? (
              <Text>{t('transparency.noActions')}</Text>
            ) : (
              <Table data-testid="community-transparency-actions" striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('transparency.kind')}</Table.Th>
                    <Table.Th>{t('transparency.count')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {Object.entries(f.actions)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([kind, n]) => (
                      <Table.Tr key={kind}>
                        <Table.Td>{t(`actionKind.${kind}`, { defaultValue: kind })}</Table.Td>
                        <Table.Td>{n}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            )}
          </Section>
        </>
      )}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Text fz="sm">{label}</Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Paper>
  );
}
