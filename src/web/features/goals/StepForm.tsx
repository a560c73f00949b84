import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newGoalStepSchema, updateGoalStepSchema, type Goal, type GoalStep } from '../../../shared/schemas/goals.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useGoalActions } from './api.js';

interface Props {
  goal: Goal;
  /** The step to reword; without it, a new step is added at the end. */
  step?: GoalStep;
  onDone: (goal: Goal) => void;
}

export function StepForm({ goal, step, onDone }: Props) {
  const { t } = useTranslation('goals');
  const actions = useGoalActions(goal.participantId);
  const [title, setTitle] = useState(step?.title ?? '');
  const [dueDate, setDueDate] = useState(step?.dueDate ?? '');
  const adding = useApiForm({ schema: newGoalStepSchema, send: (input) => actions.addStep(goal.id, input), onSuccess: onDone });
  const editing = useApiForm({ schema: updateGoalStepSchema, send: (input) => actions.updateStep(goal.id, step!.id, input), onSuccess: onDone });
  const form = step ? editing : adding;
  const values = step ? { title, dueDate: dueDate || null } : { title, dueDate: dueDate || undefined };
  return (
    <form noValidate onSubmit={form.onSubmit(values)}>
      <Stack gap="md">
        <TextInput
          label={t('card.stepLabel')}
          required
          autoComplete="off"
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={form.error('title')}
          data-autofocus
        />
        <TextInput type="date" label={t('card.stepDue')} value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} error={form.error('dueDate')} />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('card.saveStep')}
        </Button>
      </Stack>
    </form>
  );
}
