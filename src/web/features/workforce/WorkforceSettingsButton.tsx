import { Button, NativeSelect, NumberInput, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cosignRules, updateWorkforceSettingsSchema, type WorkforceSettings, type WorkloadThresholds } from '../../../shared/schemas/workforce.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError, LoadError, Loading } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useWorkforceActions, useWorkforceSettings } from './api.js';

/** For a program's supervisor or an org admin: co-sign rule, billing code and unit rule, check-in thresholds, onboarding. */
export function WorkforceSettingsButton({ program, onNotice }: { program: { id: string; name: string }; onNotice: (message: string) => void }) {
  const { t } = useTranslation('workforce');
  return (
    <DialogButton
      label={t('settings.open')}
      ariaLabel={t('settings.openFor', { name: program.name })}
      title={t('settings.title', { name: program.name })}
      button={{ variant: 'subtle', size: 'compact-sm' }}
    >
      {(close) => (
        <SettingsLoader
          programId={program.id}
          onDone={() => {
            close();
            onNotice(t('settings.saved', { name: program.name }));
          }}
        />
      )}
    </DialogButton>
  );
}

function SettingsLoader({ programId, onDone }: { programId: string; onDone: () => void }) {
  const settings = useWorkforceSettings(programId);
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return <SettingsForm settings={settings.data} onDone={onDone} />;
}

const thresholdFields = ['caseloadSignalPercent', 'urgentAlertsPerWeek', 'afterHoursMessagesPerWeek', 'workdayStartHour', 'workdayEndHour'] as const;

function SettingsForm({ settings, onDone }: { settings: WorkforceSettings; onDone: () => void }) {
  const { t } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [cosignRule, setCosignRule] = useState<string>(settings.cosignRule);
  const [serviceCode, setServiceCode] = useState(settings.serviceCode);
  const [unitRule, setUnitRule] = useState<string>(settings.unitRule);
  const [checklist, setChecklist] = useState(settings.onboardingChecklist.join('\n'));
  const [thresholds, setThresholds] = useState<Record<keyof WorkloadThresholds, number | string>>({ ...settings.thresholds });
  const form = useApiForm({ schema: updateWorkforceSettingsSchema, send: (input) => actions.saveSettings(settings.programId, input), onSuccess: onDone });
  const values = {
    cosignRule,
    serviceCode: serviceCode.trim().toUpperCase(),
    unitRule,
    onboardingChecklist: checklist
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    thresholds: Object.fromEntries(thresholdFields.map((f) => [f, thresholds[f] === '' ? undefined : Number(thresholds[f])])),
  };
  return (
    <form noValidate onSubmit={form.onSubmit(values)}>
      <Stack gap="md">
        <NativeSelect
          label={t('settings.cosignRule')}
          value={cosignRule}
          onChange={(e) => setCosignRule(e.currentTarget.value)}
          data={cosignRules.map((r) => ({ value: r, label: t(`settings.cosign.${r}`) }))}
          error={form.error('cosignRule')}
        />
        <TextInput
          label={t('settings.serviceCode')}
          description={t('settings.serviceCodeHint')}
          value={serviceCode}
          onChange={(e) => setServiceCode(e.currentTarget.value)}
          error={form.error('serviceCode') && t('settings.serviceCodeInvalid')}
          maw={220}
        />
        <Radio.Group label={t('settings.unitRule')} value={unitRule} onChange={setUnitRule} error={form.error('unitRule')}>
          <Stack gap={6} mt={6}>
            <Radio value="cms_8_minute" label={t('settings.unit.cms_8_minute')} />
            <Radio value="whole_units" label={t('settings.unit.whole_units')} />
          </Stack>
        </Radio.Group>
        <fieldset className="workforce-fieldset">
          <legend>{t('settings.thresholds')}</legend>
          <Text fz="sm" mb="sm">
            {t('settings.thresholdsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {thresholdFields.map((f) => (
              <NumberInput
                key={f}
                label={t(`settings.threshold.${f}`)}
                value={thresholds[f]}
                onChange={(v) => setThresholds({ ...thresholds, [f]: v })}
                allowDecimal={false}
                allowNegative={false}
                error={form.error(`thresholds.${f}`) && t(`settings.thresholdInvalid.${f}`)}
              />
            ))}
          </SimpleGrid>
        </fieldset>
        <Textarea
          label={t('settings.onboarding')}
          description={t('settings.onboardingHint')}
          autosize
          minRows={3}
          value={checklist}
          onChange={(e) => setChecklist(e.currentTarget.value)}
          error={form.error('onboardingChecklist')}
        />
        <FormError message={form.formError} />
        <Button type="submit" size="md" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('settings.save')}
        </Button>
      </Stack>
    </form>
  );
}
