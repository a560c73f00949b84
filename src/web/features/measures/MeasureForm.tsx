import { Anchor, Button, Group, List, Progress, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '../../../shared/instruments/index.js';
import type { AssessmentMode, RecordedAssessment } from '../../../shared/schemas/assessments.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useRecordAssessment } from './api.js';
import { answersToSend, askedItems, useLocalized, type FormAnswers } from './instrument-text.js';
import { ItemQuestion } from './ItemQuestion.js';

interface Props {
  definition: InstrumentDefinition;
  participantId: string;
  mode: AssessmentMode;
  onSaved: (saved: RecordedAssessment) => void;
}

/**
 * A measure one question at a time (it fits a phone and asks for one thing at once), then a review
 * that says plainly what a skipped question means before anything is saved.
 */
export function MeasureForm({ definition, participantId, mode, onSaved }: Props) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const [answers, setAnswers] = useState<FormAnswers>({});
  const [step, setStep] = useState(0);
  const asked = askedItems(definition, answers);
  const reviewing = step >= asked.length;
  const item = reviewing ? undefined : asked[step];
  const save = useMutation({ mutationFn: useRecordAssessment(participantId), onSuccess: onSaved });

  // Each new question (or the review) is announced by moving focus to it; the first one keeps the page's focus.
  const focusTarget = useRef<HTMLElement | null>(null);
  const moved = useRef(false);
  useEffect(() => {
    if (moved.current) focusTarget.current?.focus();
  }, [step]);
  const go = (next: number) => {
    moved.current = true;
    setStep(Math.max(0, Math.min(next, asked.length)));
  };

  const missing = asked.filter((i) => i.scored && typeof answers[i.id] !== 'number');
  const answeredCount = asked.filter((i) => typeof answers[i.id] === 'number').length;
  const submit = () => save.mutate({ instrumentId: definition.id, answers: answersToSend(definition, answers), mode });

  return (
    <Stack gap="md">
      <Text fz="sm" fw={600} c="pine.8" aria-live="polite">
        {reviewing ? t('form.reviewProgress') : t('form.progress', { current: step + 1, total: asked.length })}
      </Text>
      <Progress value={((reviewing ? asked.length : step) / asked.length) * 100} size="sm" aria-hidden="true" />
      {!reviewing && (
        <Text c="dimmed">{definition.prompt ? text(definition.prompt) : t('form.recall', { period: text(definition.recallPeriod.text) })}</Text>
      )}

      {item ? (
        <ItemQuestion
          key={item.id}
          ref={(el) => void (focusTarget.current = el)}
          definition={definition}
          item={item}
          answers={answers}
          onAnswer={(value) => setAnswers((a) => ({ ...a, [item.id]: value }))}
        />
      ) : (
        <Stack gap="sm">
          <Text fw={650} fz="lg" tabIndex={-1} ref={(el) => void (focusTarget.current = el)} style={{ outline: 'none' }}>
            {t('form.reviewTitle', { answered: answeredCount, total: asked.length })}
          </Text>
          {missing.length === 0 ? (
            <Text>{t('form.reviewComplete')}</Text>
          ) : (
            <>
              <Text>{t('form.reviewMissing')}</Text>
              <List spacing={4}>
                {missing.map((m) => (
                  <List.Item key={m.id}>
                    <Anchor component="button" type="button" onClick={() => go(asked.indexOf(m))} ta="left" style={{ verticalAlign: 'top' }}>
                      {text(m.text)}
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </>
          )}
          <FormError message={save.isError ? describeError(save.error) : null} />
        </Stack>
      )}

      <Group justify="space-between" gap="sm" mt="xs">
        {step > 0 ? (
          <Button variant="default" size="md" onClick={() => go(step - 1)} disabled={save.isPending}>
            {t('form.back')}
          </Button>
        ) : (
          <span />
        )}
        {item ? (
          typeof answers[item.id] === 'number' ? (
            <Button size="md" onClick={() => go(step + 1)}>
              {t('form.next')}
            </Button>
          ) : (
            <Button size="md" variant="subtle" onClick={() => go(step + 1)}>
              {t('form.skip')}
            </Button>
          )
        ) : (
          <Button size="md" onClick={submit} loading={save.isPending} disabled={answeredCount === 0} data-testid="measure-save">
            {mode === 'self' ? t('form.saveSelf') : t('form.savePeer')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
