import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../shared/schemas/workforce.js';
import { isApiError } from '../../api/client.js';
import { FormError } from '../../components/Status.js';
import { useWorkforceActions } from './api.js';
import { nowLocalInput } from './local-time.js';

const noteFields = ['casesDiscussed', 'boundaries', 'disclosure', 'skills', 'selfCare'] as const;
type NoteField = (typeof noteFields)[number];

/** The one program all chosen workers share with the supervisor (a session belongs to one program). */
export function sharedProgram(team: Team, workers: string[]): string | undefined {
  const chosen = team.members.filter((m) => workers.includes(m.worker.id));
  return chosen[0]?.programIds.find((p) => chosen.every((c) => c.programIds.includes(p)));
}

export function WorkerChoice({ team, label, value, onChange }: { team: Team; label: string; value: string[]; onChange: (v: string[]) => void }) {
  return (
    <Checkbox.Group label={label} value={value} onChange={onChange}>
      <Stack gap={6} mt={6}>
        {team.members.map((m) => (
          <Checkbox key={m.worker.id} value={m.worker.id} label={m.worker.displayName} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}

/** Log a supervision session that was held: who, when, the structured note and the agreed actions. */
export function SupervisionForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const { t } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [workers, setWorkers] = useState<string[]>([]);
  const [when, setWhen] = useState(nowLocalInput());
  const [note, setNote] = useState<Record<NoteField, string>>({ casesDiscussed: '', boundaries: '', disclosure: '', skills: '', selfCare: '' });
  const [agreed, setAgreed] = useState<Array<{ text: string; dueOn: string }>>([{ text: '', dueOn: '' }]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const programId = sharedProgram(team, workers);
    if (!programId) return setError(t('supervision.pickWorker'));
    setBusy(true);
    try {
      await actions.logSupervision({
        programId,
        kind: workers.length > 1 ? 'group' : 'individual',
        workerIds: workers,
        scheduledAt: new Date(when).toISOString(),
        status: 'held',
        ...Object.fromEntries(noteFields.map((f) => [f, note[f] || undefined])),
        actions: agreed
          .filter((a) => a.text.trim())
          .map((a) => ({ text: a.text, dueOn: a.dueOn || undefined, workerId: workers.length > 1 ? workers[0] : undefined })),
      });
      onDone();
    } catch (err) {
      setError(isApiError(err) ? err.message : t('supervision.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        <WorkerChoice team={team} label={t('supervision.workers')} value={workers} onChange={setWorkers} />
        <TextInput type="datetime-local" label={t('supervision.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} required />
        {noteFields.map((f) => (
          <Textarea key={f} label={t(`supervision.fields.${f}`)} autosize minRows={2} value={note[f]} onChange={(e) => setNote({ ...note, [f]: e.currentTarget.value })} />
        ))}
        <fieldset className="workforce-fieldset">
          <legend>{t('supervision.actions')}</legend>
          <Stack gap="sm">
            {agreed.map((a, i) => (
              <Group key={i} align="flex-end" gap="sm" wrap="wrap">
                <TextInput
                  label={t('supervision.actionText', { n: i + 1 })}
                  value={a.text}
                  onChange={(e) => setAgreed(agreed.map((x, j) => (j === i ? { ...x, text: e.currentTarget.value } : x)))}
                  style={{ flex: '1 1 240px' }}
                />
                <TextInput
                  type="date"
                  label={t('supervision.actionDue', { n: i + 1 })}
                  value={a.dueOn}
                  onChange={(e) => setAgreed(agreed.map((x, j) => (j === i ? { ...x, dueOn: e.currentTarget.value } : x)))}
                />
              </Group>
            ))}
            <Button variant="subtle" onClick={() => setAgreed([...agreed, { text: '', dueOn: '' }])} style={{ alignSelf: 'flex-start' }}>
              {t('supervision.addAction')}
            </Button>
          </Stack>
        </fieldset>
        <FormError message={error} />
        <Text fz="sm" c="dimmed">
          {t('supervision.private')}
        </Text>
        <Button type="submit" size="md" loading={busy}>
          {t('supervision.save')}
        </Button>
      </Stack>
    </form>
  );
}
