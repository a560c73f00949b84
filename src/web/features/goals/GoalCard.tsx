import { Badge, Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Goal, GoalStatus } from '../../../shared/schemas/goals.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useGoalActions } from './api.js';
import { EditGoalForm } from './GoalForm.js';
import { GoalSteps, useCalendarDate } from './GoalSteps.js';
import { StepForm } from './StepForm.js';

export type GoalNotice = { kind: 'celebrate' | 'info'; message: string };

const statusColor: Record<GoalStatus, string> = { suggested: 'amber', active: 'pine', completed: 'pine', set_aside: 'sand' };

/** The words on a status button depend on where the goal is coming from. */
function actionKey(from: GoalStatus, to: GoalStatus) {
  if (to === 'active') return from === 'suggested' ? 'action.active' : from === 'completed' ? 'action.notYet' : 'action.pickUp';
  if (to === 'completed') return 'action.completed';
  return from === 'suggested' ? 'action.set_aside' : 'action.setAsideActive';
}

export function GoalCard({ goal, onNotice }: { goal: Goal; onNotice: (notice: GoalNotice) => void }) {
  const { t } = useTranslation('goals');
  const { update } = useGoalActions(goal.participantId);
  const day = useCalendarDate();
  const decide = useMutation({
    mutationFn: (status: Exclude<GoalStatus, 'suggested'>) => update(goal.id, { status }),
    onSuccess: (changed) => {
      const title = changed.title;
      if (changed.status === 'completed') onNotice({ kind: 'celebrate', message: t('done.celebrate', { title }) });
      else if (changed.status === 'set_aside') onNotice({ kind: 'info', message: t('done.setAside', { title }) });
      else if (goal.status === 'suggested') onNotice({ kind: 'info', message: t('done.accepted', { title }) });
      else onNotice({ kind: 'info', message: t('done.pickedUp', { title }) });
    },
  });
  const { done, total } = goal.progress;
  const allDone = total > 0 && done === total;

  return (
    <Paper component="li" withBorder p="md" bg="white" data-testid="goal-card">
      <Stack gap="sm">
        <Stack gap={6}>
          <Title order={3} fz="lg">
            {goal.title}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color="sand" tt="none">
              {t(`domain.${goal.domain}`)}
            </Badge>
            <Badge variant="light" color={statusColor[goal.status]} tt="none">
              {t(`status.${goal.status}`)}
            </Badge>
          </Group>
        </Stack>
        {goal.suggestedBy && (
          <Text fz="sm" c="dimmed">
            {t('card.suggestedBy', { name: goal.suggestedBy.displayName })}
          </Text>
        )}
        {goal.why && (
          <Text fz="sm">
            <Text span fw={600}>
              {t('card.why')}:{' '}
            </Text>
            {goal.why}
          </Text>
        )}
        {goal.targetDate && <Text fz="sm">{t('card.target', { date: day(goal.targetDate) })}</Text>}
        {total > 0 && (
          <Stack gap={4}>
            <Progress value={(done / total) * 100} size="lg" radius="xl" aria-label={t('card.progressLabel', { title: goal.title })} />
            <Text fz="sm">{t('card.progress', { done, count: total })}</Text>
          </Stack>
        )}
        <GoalSteps goal={goal} />
        {allDone && goal.status === 'active' && goal.can.changeStatusTo.includes('completed') && (
          <Text fz="sm" c="pine.8">
            {t('card.allStepsDone')}
          </Text>
        )}
        {(goal.can.edit || goal.can.changeStatusTo.length > 0) && (
          <Group gap="xs">
            {goal.can.changeStatusTo.map((to) => (
              <Button
                key={to}
                variant={to === 'completed' || goal.status === 'suggested' && to === 'active' ? 'filled' : 'default'}
                loading={decide.isPending && decide.variables === to}
                onClick={() => decide.mutate(to as Exclude<GoalStatus, 'suggested'>)}
                aria-label={t('action.named', { action: t(actionKey(goal.status, to)), title: goal.title })}
              >
                {t(actionKey(goal.status, to))}
              </Button>
            ))}
            {goal.can.edit && (
              <>
                <DialogButton label={t('card.addStep')} ariaLabel={t('card.addStepTo', { title: goal.title })} title={t('card.addStep')} button={{ variant: 'light' }}>
                  {(close) => <StepForm goal={goal} onDone={close} />}
                </DialogButton>
                <DialogButton label={t('card.edit')} ariaLabel={t('card.editGoalNamed', { title: goal.title })} title={t('card.editGoal')} button={{ variant: 'subtle' }}>
                  {(close) => <EditGoalForm goal={goal} onDone={close} />}
                </DialogButton>
              </>
            )}
          </Group>
        )}
        {decide.isError && <FormError message={describeError(decide.error)} />}
      </Stack>
    </Paper>
  );
}
