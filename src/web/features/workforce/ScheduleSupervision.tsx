import { Badge, Button, Group, NativeSelect, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { supervisionRecurrences, type SupervisionSession, type Team } from '../../../shared/schemas/workforce.js';
import { isApiError } from '../../api/client.js';
import { EmptyState, FormError, LoadError, Loading } from '../../components/Status.js';
import { useTeamSupervision, useWorkforceActions } from './api.js';
import { dateTimeOf, localInputToIso, nowLocalInput } from './local-time.js';
import { sharedProgram, WorkerChoice } from './SupervisionForm.js';

/** Schedule supervision, individual or group, once or recurring ("every other Tuesday at 10:00"). */
export function ScheduleSupervisionForm({ team, onDone }: { team: Team; onDone: () => void }) {
  const { t } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [workers, setWorkers] = useState<string[]>([]);
  const [when, setWhen] = useState(nowLocalInput(24 * 60));
  const [minutes, setMinutes] = useState<number | string>(60);
  const [recurrence, setRecurrence] = useState<string>('none');
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
        scheduledAt: localInputToIso(when),
        durationMinutes: minutes === '' ? undefined : Number(minutes),
        recurrence: recurrence as SupervisionSession['recurrence'],
        status: 'scheduled',
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
        <WorkerChoice
          team={team}
          label={t('schedule.workers')}
          value={workers}
          onChange={(v) => {
            setWorkers(v);
            setError(null);
          }}
        />
        <Text fz="sm" c="dimmed">
          {t('schedule.groupHint')}
        </Text>
        <TextInput type="datetime-local" label={t('schedule.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} required />
        <NumberInput label={t('schedule.minutes')} min={5} max={480} allowDecimal={false} value={minutes} onChange={setMinutes} maw={200} />
        <NativeSelect
          label={t('schedule.recurrence')}
          description={t('schedule.recurrenceHint')}
          value={recurrence}
          onChange={(e) => setRecurrence(e.currentTarget.value)}
          data={supervisionRecurrences.map((r) => ({ value: r, label: t(`schedule.repeat.${r}`) }))}
        />
        <FormError message={error} />
        <Button type="submit" size="md" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('schedule.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** Sessions still to come, soonest first, with their rhythm and the date after. */
export function UpcomingSupervision({ onNotice }: { onNotice: (message: string) => void }) {
  const { t, i18n } = useTranslation('workforce');
  const sessions = useTeamSupervision();
  const actions = useWorkforceActions();
  if (sessions.isPending) return <Loading />;
  if (sessions.isError) return <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />;
  const upcoming = sessions.data.sessions.filter((s) => s.status === 'scheduled').sort((a, b) => a.scheduledAt.localeCompare(b.scheduledAt));
  if (upcoming.length === 0) return <EmptyState>{t('schedule.none')}</EmptyState>;
  return (
    <Stack component="ul" className="record-list" gap="sm">
      {upcoming.map((s) => {
        const names = s.workers.map((w) => w.displayName).join(', ');
        return (
          <Paper component="li" key={s.id} withBorder p="sm" radius="md" data-testid="upcoming-session">
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Stack gap={2}>
                <Text fw={600}>{t('schedule.item', { date: dateTimeOf(s.scheduledAt, i18n.language), names })}</Text>
                <Text fz="sm">
                  {t(`schedule.kind.${s.kind}`)} · {t('schedule.length', { minutes: s.durationMinutes })}
                  {s.nextAt ? ` · ${t('schedule.next', { date: dateTimeOf(s.nextAt, i18n.language) })}` : ''}
                </Text>
              </Stack>
              <Group gap="xs">
                {s.recurrence !== 'none' && <Badge variant="light">{t(`schedule.repeat.${s.recurrence}`)}</Badge>}
                <Button
                  variant="subtle"
                  size="compact-sm"
                  aria-label={t('schedule.markHeldFor', { names })}
                  onClick={() => void actions.updateSupervision(s.id, { status: 'held' }).then(() => onNotice(t('schedule.heldSaved')))}
                >
                  {t('schedule.markHeld')}
                </Button>
              </Group>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}
