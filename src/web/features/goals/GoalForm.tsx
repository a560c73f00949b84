import { ActionIcon, Button, Fieldset, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { goalDomains } from '../../../shared/schemas/journey.js';
import { createGoalSchema, MAX_STEPS_PER_GOAL, updateGoalSchema, type Goal } from '../../../shared/schemas/goals.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useGoalActions } from './api.js';

interface GoalFieldValues {
  domain: string;
  title: string;
  why: string;
  targetDate: string;
}

/** The words of a goal, shared by the new-goal and edit forms. */
function GoalFields({ values, set, error }: { values: GoalFieldValues; set: (v: Partial<GoalFieldValues>) => void; error: (name: string) => string | undefined }) {
  const { t } = useTranslation('goals');
  return (
    <>
      <TextInput
        label={t('form.title')}
        description={t('form.titleHint')}
        required
        autoComplete="off"
        value={values.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        error={error('title')}
      />
      <NativeSelect
        label={t('domainLabel')}
        required
        value={values.domain}
        onChange={(e) => set({ domain: e.currentTarget.value })}
        data={goalDomains.map((d) => ({ value: d, label: t(`domain.${d}`) }))}
        error={error('domain')}
      />
      <Textarea
        label={t('form.why')}
        description={t('form.whyHint')}
        autosize
        minRows={2}
        value={values.why}
        onChange={(e) => set({ why: e.currentTarget.value })}
        error={error('why')}
      />
      <TextInput type="date" label={t('form.targetDate')} value={values.targetDate} onChange={(e) => set({ targetDate: e.currentTarget.value })} error={error('targetDate')} />
    </>
  );
}

interface StepRow {
  key: number;
  title: string;
  dueDate: string;
}

interface CreateProps {
  participantId: string;
  /** Set when a peer worker suggests: the participant's name, for the note that it waits for their yes. */
  suggestingTo?: string;
  onDone: (goal: Goal) => void;
}

export function CreateGoalForm({ participantId, suggestingTo, onDone }: CreateProps) {
  const { t } = useTranslation('goals');
  const { create } = useGoalActions(participantId);
  const [values, setValues] = useState<GoalFieldValues>({ domain: 'recovery', title: '', why: '', targetDate: '' });
  const [steps, setSteps] = useState<StepRow[]>([]);
  const nextKey = useRef(0);
  const form = useApiForm({ schema: createGoalSchema, send: create, onSuccess: onDone });
  const set = (v: Partial<GoalFieldValues>) => setValues((old) => ({ ...old, ...v }));
  const setStep = (key: number, v: Partial<StepRow>) => setSteps((rows) => rows.map((r) => (r.key === key ? { ...r, ...v } : r)));

  return (
    <form
      noValidate
      onSubmit={form.onSubmit({
        domain: values.domain,
        title: values.title,
        why: values.why.trim() || undefined,
        targetDate: values.targetDate || undefined,
        steps: steps.map((s) => ({ title: s.title, dueDate: s.dueDate || undefined })),
      })}
    >
      <Stack gap="md">
        {suggestingTo && <Text>{t('form.suggestNote', { name: suggestingTo })}</Text>}
        <GoalFields values={values} set={set} error={form.error} />
        <Fieldset legend={t('form.steps')} variant="unstyled">
          <Stack gap="sm">
            <Text fz="sm" c="dimmed">
              {t('form.stepsHint')}
            </Text>
            {steps.map((step, i) => (
              <Group key={step.key} align="flex-start" gap="xs" wrap="nowrap">
                <Stack gap={4} style={{ flex: 1 }}>
                  <TextInput
                    label={t('form.stepTitle', { n: i + 1 })}
                    required
                    autoComplete="off"
                    value={step.title}
                    onChange={(e) => setStep(step.key, { title: e.currentTarget.value })}
                    error={form.error(`steps.${i}.title`)}
                  />
                  <TextInput
                    type="date"
                    label={t('form.stepDue')}
                    size="xs"
                    value={step.dueDate}
                    onChange={(e) => setStep(step.key, { dueDate: e.currentTarget.value })}
                    error={form.error(`steps.${i}.dueDate`)}
                  />
                </Stack>
                <ActionIcon
                  variant="subtle"
                  color="sand"
                  size="lg"
                  mt={26}
                  aria-label={t('form.removeStep', { n: i + 1 })}
                  onClick={() => setSteps((rows) => rows.filter((r) => r.key !== step.key))}
                >
                  <span aria-hidden="true">✕</span>
                </ActionIcon>
              </Group>
            ))}
            {steps.length < MAX_STEPS_PER_GOAL && (
              <Button variant="light" onClick={() => setSteps((rows) => [...rows, { key: nextKey.current++, title: '', dueDate: '' }])} style={{ alignSelf: 'flex-start' }}>
                {t('form.addStep')}
              </Button>
            )}
          </Stack>
        </Fieldset>
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {suggestingTo ? t('form.submitSuggest') : t('form.submitNew')}
        </Button>
      </Stack>
    </form>
  );
}

export function EditGoalForm({ goal, onDone }: { goal: Goal; onDone: (goal: Goal) => void }) {
  const { t } = useTranslation('goals');
  const { update } = useGoalActions(goal.participantId);
  const [values, setValues] = useState<GoalFieldValues>({ domain: goal.domain, title: goal.title, why: goal.why ?? '', targetDate: goal.targetDate ?? '' });
  const form = useApiForm({ schema: updateGoalSchema, send: (input) => update(goal.id, input), onSuccess: onDone });
  const set = (v: Partial<GoalFieldValues>) => setValues((old) => ({ ...old, ...v }));
  return (
    <form noValidate onSubmit={form.onSubmit({ domain: values.domain, title: values.title, why: values.why.trim() || null, targetDate: values.targetDate || null })}>
      <Stack gap="md">
        <GoalFields values={values} set={set} error={form.error} />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('form.submitEdit')}
        </Button>
      </Stack>
    </form>
  );
}
