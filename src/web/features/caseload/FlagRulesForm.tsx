import { Button, Fieldset, NumberInput, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateFlagRulesSchema, type FlagRules, type ProgramFlagRules } from '../../../shared/schemas/caseload.js';
import { FormError, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useSaveFlagRules } from './api.js';

type RuleKind = keyof FlagRules;
type Draft = Record<RuleKind, Record<string, number | string | boolean>>;

/** Each rule's numbers, with the input's range (the shared schema checks them again). */
const numberFields: Partial<Record<RuleKind, Array<{ name: string; min: number; max: number; step: number }>>> = {
  missed_checkins: [
    { name: 'multiplier', min: 1.5, max: 10, step: 0.5 },
    { name: 'minDays', min: 1, max: 60, step: 1 },
  ],
  craving_high: [{ name: 'threshold', min: 1, max: 10, step: 1 }],
  craving_rising: [{ name: 'riseBy', min: 1, max: 10, step: 0.5 }],
  no_contact: [{ name: 'days', min: 1, max: 120, step: 1 }],
};
const order: RuleKind[] = ['suicidality', 'crisis_language', 'reported_use', 'craving_help', 'bam_risk', 'craving_high', 'craving_rising', 'missed_checkins', 'no_contact'];
const alwaysOn = new Set<RuleKind>(['suicidality', 'crisis_language']);

const toNumber = (v: number | string | boolean) => (typeof v === 'string' ? (v.trim() === '' ? Number.NaN : Number(v)) : v);

/** A program's flag rules: each one on or off with its numbers; the two safety flags stay on. */
export function FlagRulesForm({ saved }: { saved: ProgramFlagRules }) {
  const { t } = useTranslation('caseload');
  const save = useSaveFlagRules(saved.programId);
  const [draft, setDraft] = useState<Draft>(() => structuredClone(saved.rules) as Draft);
  const [minutes, setMinutes] = useState<number | string>(saved.escalateAfterMinutes);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useApiForm({ schema: updateFlagRulesSchema, send: save, onSuccess: () => setNotice(t('rules.saved', { program: saved.programName })) });
  const set = (kind: RuleKind, name: string, value: number | string | boolean) => {
    setNotice(null);
    setDraft((d) => ({ ...d, [kind]: { ...d[kind], [name]: value } }));
  };
  const values = {
    rules: Object.fromEntries(order.map((k) => [k, Object.fromEntries(Object.entries(draft[k]).map(([n, v]) => [n, toNumber(v)]))])),
    escalateAfterMinutes: toNumber(minutes),
  };
  const word = t as unknown as (key: string) => string;

  return (
    <form noValidate onSubmit={form.onSubmit(values)}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {order.map((kind) => (
            <Fieldset key={kind} legend={word(`rules.kinds.${kind}`)} variant="filled" radius="md">
              <Stack gap="xs">
                {alwaysOn.has(kind) ? (
                  <Text fz="sm">{t('rules.alwaysOn')}</Text>
                ) : (
                  <Switch
                    label={t('rules.enabled')}
                    checked={draft[kind].enabled === true}
                    onChange={(e) => set(kind, 'enabled', e.currentTarget.checked)}
                  />
                )}
                {numberFields[kind]?.map((f) => (
                  <NumberInput
                    key={f.name}
                    label={word(`rules.fields.${f.name}`)}
                    min={f.min}
                    max={f.max}
                    step={f.step}
                    decimalScale={f.step < 1 ? 1 : 0}
                    allowNegative={false}
                    disabled={draft[kind].enabled !== true}
                    value={draft[kind][f.name] as number | string}
                    onChange={(v) => set(kind, f.name, v)}
                    error={form.error(`rules.${kind}.${f.name}`)}
                  />
                ))}
              </Stack>
            </Fieldset>
          ))}
        </SimpleGrid>
        <NumberInput
          label={t('rules.escalateAfter')}
          description={t('rules.escalateHint')}
          min={5}
          max={1440}
          step={5}
          allowDecimal={false}
          allowNegative={false}
          value={minutes}
          onChange={(v) => {
            setNotice(null);
            setMinutes(v);
          }}
          error={form.error('escalateAfterMinutes')}
          w={{ base: '100%', sm: 420 }}
        />
        {notice && <Notice>{notice}</Notice>}
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('rules.save')}
        </Button>
      </Stack>
    </form>
  );
}
