import { Button, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveAlertSchema, type Alert } from '../../../shared/schemas/alerts.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useAlertActions } from './api.js';

/** A note of what was done is required: whoever reads the alert later knows how it was followed up. */
export function ResolveAlertForm({ alert, onDone }: { alert: Alert; onDone: (alert: Alert) => void }) {
  const { t } = useTranslation('alerts');
  const { resolve } = useAlertActions();
  const [note, setNote] = useState('');
  const form = useApiForm({ schema: resolveAlertSchema, send: (input) => resolve(alert.id, input), onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit({ note })}>
      <Stack gap="md">
        <Textarea
          label={t('resolve.note')}
          description={t('resolve.noteHint')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={form.error('note')}
          data-autofocus
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('resolve.submit')}
        </Button>
      </Stack>
    </form>
  );
}
