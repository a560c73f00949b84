import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createTaskSchema, type Task } from '../../../shared/schemas/tasks.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useTaskActions } from './api.js';

export function NewTaskForm({ participantId, onDone }: { participantId?: string; onDone: (task: Task) => void }) {
  const { t } = useTranslation('tasks');
  const { add } = useTaskActions();
  const [title, setTitle] = useState('');
  const [dueOn, setDueOn] = useState('');
  const form = useApiForm({ schema: createTaskSchema, send: add, onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit({ title, dueOn: dueOn || undefined, participantId })}>
      <Stack gap="md">
        <TextInput
          label={t('form.title')}
          required
          autoComplete="off"
          maxLength={300}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.error('title')}
          data-autofocus
        />
        <TextInput type="date" label={t('form.dueOn')} value={dueOn} onChange={(e) => setDueOn(e.currentTarget.value)} error={form.error('dueOn')} />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
