import { Alert, Button, Chip, Group, Slider, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CRAVING_MAX, CRAVING_MIN, createCheckInSchema, type CheckIn, type ReportedUse, type Trigger } from '../../../shared/schemas/checkins.js';
import { reportedUse, triggers } from '../../../shared/schemas/journey.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useRecordCheckIn } from './api.js';
import { CheckInExtras, type Extras } from './CheckInExtras.js';
import { ChoiceCards } from './ChoiceCards.js';
import { MoodFace } from './MoodFace.js';
import { moodValues, type MoodValue } from './vocabulary.js';

interface Props {
  participantId: string;
  /** The assigned peer worker's name, to say plainly who sees what. */
  peerWorkerName: string | null;
  onDone: (checkIn: CheckIn) => void;
}

const cravingMarks = Array.from({ length: CRAVING_MAX - CRAVING_MIN + 1 }, (_, i) => ({ value: CRAVING_MIN + i, label: String(CRAVING_MIN + i) }));

/** The check-in: three taps for the answers that matter, the rest optional and folded away. */
export function CheckInForm({ participantId, peerWorkerName, onDone }: Props) {
  const { t } = useTranslation('checkins');
  const record = useRecordCheckIn(participantId);
  const [mood, setMood] = useState<MoodValue>();
  const [craving, setCraving] = useState(CRAVING_MIN);
  const [used, setUsed] = useState<ReportedUse>();
  const [chosenTriggers, setTriggers] = useState<Trigger[]>([]);
  const [triggerNote, setTriggerNote] = useState('');
  const [extras, setExtras] = useState<Extras>({ sleepHours: '', supportContact: undefined, note: '' });
  const [isPrivate, setPrivate] = useState(false);
  const form = useApiForm({ schema: createCheckInSchema, send: record, onSuccess: (checkIn) => onDone(checkIn) });

  const values = {
    mood: mood === undefined ? undefined : Number(mood),
    craving,
    usedSinceLast: used,
    triggers: chosenTriggers,
    triggerNote: triggerNote.trim() || undefined,
    sleepHours: extras.sleepHours === '' ? undefined : Number(extras.sleepHours),
    supportContact: extras.supportContact === undefined ? undefined : extras.supportContact === 'yes',
    note: extras.note.trim() || undefined,
    private: isPrivate,
  };
  // A required choice left open reads better as "choose one" than as a field to fill in; it goes
  // away as soon as the choice is made, not at the next submit.
  const choiceError = (name: 'mood' | 'usedSinceLast') => (form.error(name) && values[name] === undefined ? t('form.chooseOne') : undefined);
  const peer = peerWorkerName ? { peerWorker: peerWorkerName } : null;

  return (
    <form onSubmit={form.onSubmit(values)} noValidate data-testid="checkin-form">
      <Stack gap="xl">
        <ChoiceCards
          name="mood"
          legend={t('form.moodQuestion')}
          columns={5}
          value={mood}
          onChange={setMood}
          error={choiceError('mood')}
          choices={moodValues.map((value) => ({ value, label: t(`mood.${value}`), picture: <MoodFace mood={Number(value)} /> }))}
        />

        <fieldset className="checkin-fieldset">
          <legend>{t('form.cravingQuestion')}</legend>
          <Group justify="space-between" align="baseline" mb="xs">
            <Text fz="sm" c="dimmed" maw={260}>
              {t('form.cravingHint')}
            </Text>
            <Text fz={28} fw={700} c="pine.8" aria-hidden="true">
              {t('form.cravingValue', { value: craving })}
            </Text>
          </Group>
          <Slider
            min={CRAVING_MIN}
            max={CRAVING_MAX}
            step={1}
            value={craving}
            onChange={setCraving}
            marks={cravingMarks}
            size="lg"
            thumbSize={30}
            label={null}
            thumbLabel={t('form.cravingSlider')}
            mb="xl"
            mx={6}
          />
        </fieldset>

        <ChoiceCards
          name="usedSinceLast"
          legend={t('form.useQuestion')}
          columns={3}
          value={used}
          onChange={setUsed}
          error={choiceError('usedSinceLast')}
          choices={reportedUse.map((value) => ({ value, label: t(`use.${value}`) }))}
        />

        <fieldset className="checkin-fieldset">
          <legend>{t('form.triggersQuestion')}</legend>
          <Text fz="sm" c="dimmed" mb="xs">
            {t('form.triggersHint')}
          </Text>
          <Chip.Group multiple value={chosenTriggers} onChange={(v) => setTriggers(v as Trigger[])}>
            <Group gap="xs">
              {triggers.map((trigger) => (
                <Chip key={trigger} value={trigger} size="md" variant="outline">
                  {t(`triggers.${trigger}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <TextInput
            mt="md"
            size="md"
            label={t('form.triggerNote')}
            maxLength={300}
            value={triggerNote}
            onChange={(e) => setTriggerNote(e.currentTarget.value)}
            error={form.error('triggerNote')}
          />
        </fieldset>

        <CheckInExtras value={extras} onChange={setExtras} error={form.error} />

        <Switch
          size="lg"
          checked={isPrivate}
          onChange={(e) => setPrivate(e.currentTarget.checked)}
          label={t('form.private')}
          description={peer ? t('form.privateHint', peer) : t('form.privateHintNoPeer')}
          styles={{ label: { fontWeight: 600 } }}
        />

        {used === 'yes' && (
          <Alert color="pine" variant="light" role="status" data-testid="reported-use-note">
            {isPrivate
              ? peer
                ? t('form.usePrivateNote', peer)
                : t('form.usePrivateNoteNoPeer')
              : peer
                ? t('form.useSharedNote', peer)
                : t('form.useSharedNoteNoPeer')}
          </Alert>
        )}

        <FormError message={form.formError} />
        <Button type="submit" size="xl" fullWidth loading={form.pending}>
          {t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
