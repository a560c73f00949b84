import { Button, Chip, Group, NumberInput, SegmentedControl, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { contactActivities, contactTypes } from '../../../shared/schemas/journey.js';
import {
  createNoteSchema,
  NOTE_MAX_MINUTES,
  NOTE_MAX_TOPICS,
  noteDurationChoices,
  updateNoteSchema,
  type CreateNote,
  type Note,
  type UpdateNote,
} from '../../../shared/schemas/notes.js';
import { FormError } from '../../components/Status.js';
import { ChoiceCards } from '../checkins/ChoiceCards.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useNoteActions } from './api.js';
import './notes.css';

const topicKeys = ['housing', 'employment', 'family', 'health', 'legal', 'cravings', 'benefits', 'transport'] as const;

/** A datetime-local value (the device's clock) for an instant, and back. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : '');

function ChipField({ legend, hint, error, children }: { legend: string; hint?: string; error?: string; children: ReactNode }) {
  const errorId = useId();
  return (
    <fieldset className="note-fieldset" aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <Text fz="sm" c="dimmed" mb={6}>
          {hint}
        </Text>
      )}
      <div className="note-chips">{children}</div>
      {error && (
        <Text id={errorId} c="clay.7" fz="sm" mt={6} fw={500}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}

interface Props {
  participantId: string;
  /** Given when editing: the form starts from it and saves a new version. */
  note?: Note;
  onDone: (note: Note) => void;
}

/**
 * A contact note in under a minute, made for a phone: the contact type is one tap on a big button,
 * the length a chip, activities toggle chips, topics free tags; one tap saves.
 */
export function QuickNoteForm({ participantId, note, onDone }: Props) {
  const { t } = useTranslation('notes');
  const { create, update } = useNoteActions(participantId);
  const preset = note && (noteDurationChoices as readonly number[]).includes(note.durationMinutes) ? String(note.durationMinutes) : note ? 'other' : '';
  const [contactType, setContactType] = useState<string | undefined>(note?.contactType);
  const [duration, setDuration] = useState(preset);
  const [customMinutes, setCustomMinutes] = useState<string | number>(preset === 'other' ? note!.durationMinutes : '');
  const [activities, setActivities] = useState<string[]>(note?.activities ?? []);
  const [topics, setTopics] = useState<string[]>(note?.topics ?? []);
  const [summary, setSummary] = useState(note?.summary ?? '');
  const [nextSteps, setNextSteps] = useState(note?.nextSteps ?? '');
  const [followUpOn, setFollowUpOn] = useState(note?.followUpOn ?? '');
  const [when, setWhen] = useState<'now' | 'earlier'>(note ? 'earlier' : 'now');
  const [occurredAt, setOccurredAt] = useState(note ? toLocalInput(note.occurredAt) : '');

  const { t: tApp } = useTranslation();
  const form = useApiForm({
    schema: note ? updateNoteSchema : createNoteSchema,
    send: (input) => (note ? update(note.id, input as UpdateNote) : create(input as CreateNote)),
    onSuccess: onDone,
    check: (): Record<string, string> => (when === 'earlier' && !occurredAt ? { occurredAt: tApp('validation.required') } : {}),
  });
  // Unchanged, the note keeps its exact time (the input only shows minutes).
  const earlierAt = note && occurredAt === toLocalInput(note.occurredAt) ? undefined : fromLocalInput(occurredAt) || undefined;
  const minutes = duration === 'other' ? (customMinutes === '' ? undefined : Number(customMinutes)) : duration ? Number(duration) : undefined;
  const values = {
    contactType,
    durationMinutes: minutes,
    activities,
    topics,
    summary,
    nextSteps: note ? nextSteps.trim() || null : nextSteps.trim() || undefined,
    followUpOn: note ? followUpOn || null : followUpOn || undefined,
    occurredAt: when === 'earlier' ? earlierAt : note ? new Date().toISOString() : undefined,
  };

  return (
    <form noValidate onSubmit={form.onSubmit(values)} data-testid="quick-note-form">
      <Stack gap="lg">
        <ChoiceCards
          name="contactType"
          legend={t('form.contactType')}
          choices={contactTypes.map((c) => ({ value: c, label: t(`contactType.${c}`) }))}
          value={contactType}
          onChange={setContactType}
          error={form.error('contactType')}
          columns={3}
        />
        <ChipField legend={t('form.duration')} error={form.error('durationMinutes')}>
          <Chip.Group value={duration} onChange={(v) => setDuration(v as string)}>
            {noteDurationChoices.map((m) => (
              <Chip key={m} value={String(m)} size="md" radius="md">
                {t('form.minutes', { count: m })}
              </Chip>
            ))}
            <Chip value="other" size="md" radius="md">
              {t('form.otherDuration')}
            </Chip>
          </Chip.Group>
        </ChipField>
        {duration === 'other' && (
          <NumberInput
            label={t('form.customMinutes')}
            min={1}
            max={NOTE_MAX_MINUTES}
            allowDecimal={false}
            allowNegative={false}
            inputMode="numeric"
            value={customMinutes}
            onChange={setCustomMinutes}
            error={form.error('durationMinutes')}
            maw={160}
          />
        )}
        <ChipField legend={t('form.activities')} hint={t('form.activitiesHint')} error={form.error('activities')}>
          <Chip.Group multiple value={activities} onChange={setActivities}>
            {contactActivities.map((a) => (
              <Chip key={a} value={a} size="md" radius="md">
                {t(`activity.${a}`)}
              </Chip>
            ))}
          </Chip.Group>
        </ChipField>
        <TagsInput
          label={t('form.topics')}
          description={t('form.topicsHint')}
          value={topics}
          onChange={setTopics}
          data={topicKeys.map((k) => t(`topicSuggestions.${k}`))}
          maxTags={NOTE_MAX_TOPICS}
          clearable
          error={form.error('topics')}
        />
        <Textarea
          label={t('form.summary')}
          description={t('form.summaryHint')}
          required
          autosize
          minRows={3}
          value={summary}
          onChange={(e) => setSummary(e.currentTarget.value)}
          error={form.error('summary')}
        />
        <Textarea label={t('form.nextSteps')} autosize minRows={1} value={nextSteps} onChange={(e) => setNextSteps(e.currentTarget.value)} error={form.error('nextSteps')} />
        <TextInput
          type="date"
          label={t('form.followUpOn')}
          description={t('form.followUpHint')}
          value={followUpOn}
          onChange={(e) => setFollowUpOn(e.currentTarget.value)}
          error={form.error('followUpOn')}
          maw={220}
        />
        <Stack gap={6}>
          <Text fw={650} fz="lg" id="note-when">
            {t('form.when')}
          </Text>
          <SegmentedControl
            aria-labelledby="note-when"
            value={when}
            onChange={(v) => setWhen(v as 'now' | 'earlier')}
            data={[
              { value: 'now', label: t('form.now') },
              { value: 'earlier', label: t('form.earlier') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
          {when === 'earlier' && (
            <TextInput
              type="datetime-local"
              label={t('form.occurredAt')}
              required
              value={occurredAt}
              max={toLocalInput(new Date().toISOString())}
              onChange={(e) => setOccurredAt(e.currentTarget.value)}
              error={form.error('occurredAt')}
              maw={260}
            />
          )}
        </Stack>
        <FormError message={form.formError} />
        <Group>
          <Button type="submit" size="lg" fullWidth loading={form.pending}>
            {note ? t('form.saveEdit') : t('form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
