import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCustomMilestoneSchema, type Milestones } from '../../../shared/schemas/milestones.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useAddCustomMilestone } from './api.js';

export function CustomMilestoneForm({ view, onDone }: { view: Milestones; onDone: (label: string) => void }) {
  const { t } = useTranslation('milestones');
  const [label, setLabel] = useState('');
  const [date, setDate] = useState(view.today);
  const form = useApiForm({
    schema: createCustomMilestoneSchema,
    send: useAddCustomMilestone(view.participantId),
    onSuccess: (_view, input) => onDone(input.label),
  });
  return (
    <form noValidate onSubmit={form.onSubmit({ label, date })}>
      <Stack gap="md">
        <TextInput
          label={t('custom.label')}
          description={t('custom.labelHint')}
          required
          maxLength={120}
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
          error={form.error('label')}
        />
        <TextInput type="date" label={t('custom.date')} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={form.error('date')} maw={240} />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('custom.save')}
        </Button>
      </Stack>
    </form>
  );
}
