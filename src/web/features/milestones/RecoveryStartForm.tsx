import { Button, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setRecoveryStartSchema, type Milestones } from '../../../shared/schemas/milestones.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useSetRecoveryStart } from './api.js';

export function RecoveryStartForm({ view, onDone }: { view: Milestones; onDone: (view: Milestones) => void }) {
  const { t } = useTranslation('milestones');
  const [startDate, setStartDate] = useState(view.today);
  const [note, setNote] = useState('');
  const form = useApiForm({
    schema: setRecoveryStartSchema,
    send: useSetRecoveryStart(view.participantId),
    onSuccess: onDone,
    // Today on the program's calendar is the latest day one can count from.
    check: (values) => (typeof values.startDate === 'string' && values.startDate > view.today ? { startDate: t('start.future') } : {}),
  });
  return (
    <form noValidate onSubmit={form.onSubmit({ startDate, note: note.trim() || undefined })}>
      <Stack gap="md">
        {view.recoveryStart && <Text>{t('start.reassure')}</Text>}
        <TextInput
          type="date"
          label={t('start.date')}
          description={t('start.dateHint')}
          required
          max={view.today}
          value={startDate}
          onChange={(e) => setStartDate(e.currentTarget.value)}
          error={form.error('startDate')}
          maw={240}
        />
        <Textarea
          label={t('start.note')}
          description={t('start.noteHint')}
          autosize
          minRows={2}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={form.error('note')}
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('start.save')}
        </Button>
      </Stack>
    </form>
  );
}
