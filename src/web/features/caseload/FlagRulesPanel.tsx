import { NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../shared/schemas/tenancy.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useFlagRules } from './api.js';
import { FlagRulesForm } from './FlagRulesForm.js';

/** Settings for supervisors: which patterns flag someone on a caseload, per program. */
export function FlagRulesPanel({ programs }: { programs: Program[] }) {
  const { t } = useTranslation('caseload');
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const program = programs.find((p) => p.id === programId);
  if (!program) return null;
  return (
    <Section title={t('rules.title')} testId="flag-rules">
      {programs.length > 1 && (
        <NativeSelect
          label={t('rules.programLabel')}
          value={programId}
          onChange={(e) => setProgramId(e.currentTarget.value)}
          data={programs.map((p) => ({ value: p.id, label: p.name }))}
          w={{ base: '100%', sm: 360 }}
        />
      )}
      <ProgramRules program={program} />
    </Section>
  );
}

function ProgramRules({ program }: { program: Program }) {
  const { t } = useTranslation('caseload');
  const format = useFormat();
  const rules = useFlagRules(program.id);
  if (rules.isPending) return <Loading />;
  if (rules.isError) return <LoadError error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <Stack gap="sm">
      <Text fz="sm">
        {t('rules.intro', { program: program.name })}{' '}
        {rules.data.updatedAt ? t('rules.savedAt', { date: format.dateTime(rules.data.updatedAt) }) : t('rules.defaults')}
      </Text>
      {/* Keyed by program: switching program starts from what the server holds for it. */}
      <FlagRulesForm key={program.id} saved={rules.data} />
    </Stack>
  );
}
