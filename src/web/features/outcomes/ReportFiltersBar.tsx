import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { equityDimensions, type EquityDimension } from '../../../shared/outcomes/facts.js';
import type { ReportFilters } from './api.js';

interface Props {
  programs: Array<{ id: string; name: string }>;
  filters: ReportFilters;
  onChange: (f: ReportFilters) => void;
  dimension: EquityDimension;
  onDimension: (d: EquityDimension) => void;
  periodError: string | null;
}

/** Program, period and the group to break measures down by. Dates are typed or picked; each is labelled. */
export function ReportFiltersBar({ programs, filters, onChange, dimension, onDimension, periodError }: Props) {
  const { t } = useTranslation('outcomes');
  return (
    <Group align="flex-end" gap="md" wrap="wrap" className="outcomes-no-print" data-testid="report-filters">
      <Select
        label={t('filters.program')}
        data={[{ value: '', label: t('filters.allPrograms') }, ...programs.map((p) => ({ value: p.id, label: p.name }))]}
        value={filters.programId}
        onChange={(v) => onChange({ ...filters, programId: v ?? '' })}
        allowDeselect={false}
        w={{ base: '100%', sm: 240 }}
      />
      <TextInput
        type="date"
        label={t('filters.from')}
        value={filters.from}
        onChange={(e) => onChange({ ...filters, from: e.currentTarget.value })}
        error={periodError}
        w={{ base: '47%', sm: 170 }}
      />
      <TextInput type="date" label={t('filters.to')} value={filters.to} onChange={(e) => onChange({ ...filters, to: e.currentTarget.value })} w={{ base: '47%', sm: 170 }} />
      <Select
        label={t('filters.group')}
        data={equityDimensions.map((d) => ({ value: d, label: t(`dimensions.${d}`) }))}
        value={dimension}
        onChange={(v) => v && onDimension(v as EquityDimension)}
        allowDeselect={false}
        w={{ base: '100%', sm: 240 }}
      />
    </Group>
  );
}
