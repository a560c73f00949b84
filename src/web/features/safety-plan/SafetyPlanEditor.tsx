import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  contactSteps,
  safetyPlanSteps,
  updateSafetyPlanSchema,
  type SafetyPlan,
  type SafetyPlanContact,
  type SafetyPlanContent,
  type SafetyPlanStep,
} from '../../../shared/schemas/safety-plan.js';
import { isApiError } from '../../api/client.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { safetyPlanKey, useSaveSafetyPlan } from './api.js';
import { ContactsEditor, type ContactDraft } from './ContactsEditor.js';
import { LinesEditor } from './LinesEditor.js';

type ContactStep = (typeof contactSteps)[number];
type LineStep = Exclude<SafetyPlanStep, ContactStep>;
type Draft = Record<LineStep, string[]> & Record<ContactStep, ContactDraft[]>;

const isContactStep = (step: SafetyPlanStep): step is ContactStep => (contactSteps as readonly string[]).includes(step);

function toDraft(plan: SafetyPlan): Draft {
  const draft = {} as Draft;
  for (const step of safetyPlanSteps) {
    if (isContactStep(step)) draft[step] = plan[step].map((c) => ({ name: c.name, phone: c.phone ?? '', note: c.note ?? '' }));
    else draft[step] = [...plan[step]];
  }
  return draft;
}

/** Lines and contacts left blank are dropped rather than refused: an empty row is not a mistake. */
function tidy(draft: Draft): Draft {
  const out = {} as Draft;
  for (const step of safetyPlanSteps) {
    if (isContactStep(step)) out[step] = draft[step].filter((c) => c.name.trim() || c.phone.trim() || c.note.trim());
    else out[step] = draft[step].filter((line) => line.trim());
  }
  return out;
}

function toContent(draft: Draft): SafetyPlanContent {
  const content = {} as Record<SafetyPlanStep, unknown>;
  for (const step of safetyPlanSteps) {
    content[step] = isContactStep(step)
      ? draft[step].map((c): SafetyPlanContact => ({ name: c.name, ...(c.phone.trim() && { phone: c.phone }), ...(c.note.trim() && { note: c.note }) }))
      : draft[step];
  }
  return content as SafetyPlanContent;
}

export function SafetyPlanEditor({ plan, mine, onDone }: { plan: SafetyPlan; mine: boolean; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation('safety-plan');
  const queryClient = useQueryClient();
  const save = useSaveSafetyPlan(plan.participantId);
  const [draft, setDraft] = useState<Draft>(() => toDraft(plan));
  const [conflict, setConflict] = useState(false);
  const form = useApiForm({
    schema: updateSafetyPlanSchema,
    send: (input) =>
      save(input).catch((err: unknown) => {
        if (isApiError(err, 409)) setConflict(true);
        throw err;
      }),
    onSuccess: () => onDone(true),
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    const tidied = tidy(draft);
    setDraft(tidied);
    setConflict(false);
    form.onSubmit({ ...toContent(tidied), baseUpdatedAt: plan.updatedAt })(event);
  }

  async function loadNewest() {
    const newest = await queryClient.fetchQuery({ queryKey: safetyPlanKey(plan.participantId), staleTime: 0 });
    setDraft(toDraft(newest as SafetyPlan));
    setConflict(false);
    form.reset();
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('edit.formLabel')}>
      <Stack gap="lg">
        <Text fz="lg">{mine ? t('edit.intro.mine') : t('edit.intro.theirs')}</Text>
        {safetyPlanSteps.map((step, i) =>
          isContactStep(step) ? (
            <ContactsEditor
              key={step}
              step={step}
              number={i + 1}
              contacts={draft[step]}
              onChange={(contacts) => setDraft((d) => ({ ...d, [step]: contacts }))}
              invalid={(index, field) => Boolean(form.error(`${step}.${index}.${field}`))}
            />
          ) : (
            <LinesEditor
              key={step}
              step={step}
              number={i + 1}
              lines={draft[step]}
              onChange={(lines) => setDraft((d) => ({ ...d, [step]: lines }))}
              invalid={(index) => Boolean(form.error(`${step}.${index}`))}
            />
          ),
        )}
        {conflict ? (
          <Alert color="amber" title={t('edit.conflict.title')}>
            <Stack gap="xs" align="flex-start">
              <Text fz="sm">{t('edit.conflict.body')}</Text>
              <Button size="sm" variant="outline" color="amber" onClick={() => void loadNewest()}>
                {t('edit.conflict.reload')}
              </Button>
            </Stack>
          </Alert>
        ) : (
          <FormError message={form.formError} />
        )}
        <Group gap="sm">
          <Button type="submit" size="md" loading={form.pending}>
            {t('edit.save')}
          </Button>
          <Button variant="subtle" size="md" onClick={() => onDone(false)}>
            {t('edit.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
