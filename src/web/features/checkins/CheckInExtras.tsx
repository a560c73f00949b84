import { Accordion, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SLEEP_MAX_HOURS } from '../../../shared/schemas/checkins.js';
import { ChoiceCards } from './ChoiceCards.js';

export interface Extras {
  sleepHours: number | string;
  supportContact: 'yes' | 'no' | undefined;
  note: string;
}

interface Props {
  value: Extras;
  onChange: (next: Extras) => void;
  error: (name: string) => string | undefined;
}

/** Sleep, support and a note: folded away so the check-in stays short, opened when one has an error. */
export function CheckInExtras({ value, onChange, error }: Props) {
  const { t } = useTranslation('checkins');
  const hasError = Boolean(error('sleepHours') || error('supportContact') || error('note'));
  const [open, setOpen] = useState<string | null>(null);
  useEffect(() => {
    if (hasError) setOpen('extras');
  }, [hasError]);
  const set = (change: Partial<Extras>) => onChange({ ...value, ...change });
  return (
    <Accordion variant="contained" radius="md" value={open} onChange={setOpen}>
      <Accordion.Item value="extras">
        <Accordion.Control>
          <Text fw={600}>{t('form.extras')}</Text>
          <Text fz="sm" c="dimmed">
            {t('form.extrasHint')}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="lg">
            <NumberInput
              label={t('form.sleepHours')}
              size="md"
              min={0}
              max={SLEEP_MAX_HOURS}
              step={0.5}
              decimalScale={1}
              allowNegative={false}
              inputMode="decimal"
              value={value.sleepHours}
              onChange={(sleepHours) => set({ sleepHours })}
              error={error('sleepHours')}
              maw={220}
            />
            <ChoiceCards
              name="supportContact"
              legend={t('form.supportQuestion')}
              columns={2}
              value={value.supportContact}
              onChange={(supportContact) => set({ supportContact })}
              error={error('supportContact')}
              choices={[
                { value: 'yes', label: t('form.supportYes') },
                { value: 'no', label: t('form.supportNo') },
              ]}
            />
            <Textarea
              label={t('form.note')}
              size="md"
              autosize
              minRows={2}
              maxRows={6}
              maxLength={1000}
              value={value.note}
              onChange={(e) => set({ note: e.currentTarget.value })}
              error={error('note')}
            />
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
