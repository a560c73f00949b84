import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Goal, GoalStep } from '../../../shared/schemas/goals.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useFormat } from '../../i18n/format.js';
import { useGoalActions } from './api.js';
import { StepForm } from './StepForm.js';

/** A calendar date (YYYY-MM-DD) shown as that same day wherever the reader is. */
export function useCalendarDate() {
  const format = useFormat();
  return (day: string) => format.date(`${day}T12:00:00Z`, 'UTC');
}

/** The steps of a goal as a checklist: one tap ticks a step done or not done. */
export function GoalSteps({ goal }: { goal: Goal }) {
  const { t } = useTranslation('goals');
  const { updateStep } = useGoalActions(goal.participantId);
  const tick = useMutation({ mutationFn: (step: GoalStep) => updateStep(goal.id, step.id, { done: step.completedAt === null }) });
  const day = useCalendarDate();

  if (goal.steps.length === 0) {
    return (
      <Text c="dimmed" fz="sm">
        {t('card.noSteps')}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      <Stack component="ul" className="record-list" gap={6} aria-label={t('card.stepsOf', { title: goal.title })}>
        {goal.steps.map((step) => {
          // The tick shows at once; it settles to what the server answered.
          const sending = tick.isPending && tick.variables?.id === step.id;
          const done = sending ? step.completedAt === null : step.completedAt !== null;
          return (
            <Group component="li" key={step.id} justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
              <Checkbox
                size="md"
                checked={done}
                disabled={!goal.can.checkSteps}
                onChange={() => !sending && tick.mutate(step)}
                label={<span style={done ? { textDecoration: 'line-through' } : undefined}>{step.title}</span>}
                description={step.dueDate ? t('card.due', { date: day(step.dueDate) }) : undefined}
                styles={{ body: { alignItems: 'flex-start' } }}
              />
              {goal.can.edit && (
                <DialogButton
                  label={t('card.edit')}
                  ariaLabel={t('card.editStepNamed', { title: step.title })}
                  title={t('card.editStep')}
                  button={{ variant: 'subtle', size: 'compact-sm', style: { flexShrink: 0 } }}
                >
                  {(close) => <StepForm goal={goal} step={step} onDone={close} />}
                </DialogButton>
              )}
            </Group>
          );
        })}
      </Stack>
      {tick.isError && <FormError message={describeError(tick.error)} />}
    </Stack>
  );
}
