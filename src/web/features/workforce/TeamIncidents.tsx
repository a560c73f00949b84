import { Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateIncidentSchema, type Incident } from '../../../shared/schemas/workforce.js';
import { EmptyState, FormError, LoadError, Loading } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useTeamIncidents, useWorkforceActions } from './api.js';
import { dateTimeOf, localInputToIso } from './local-time.js';

const toLocalInput = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');

/** The debrief of one incident: when it is, whether it happened, and any time off. */
function DebriefForm({ incident, onSaved }: { incident: Incident; onSaved: (i: Incident) => void }) {
  const { t } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [debriefAt, setDebriefAt] = useState(toLocalInput(incident.debriefAt));
  const [done, setDone] = useState(incident.debriefDoneAt !== null);
  const [timeOff, setTimeOff] = useState(incident.timeOff ?? '');
  const form = useApiForm({ schema: updateIncidentSchema, send: (input) => actions.updateIncident(incident.id, input), onSuccess: onSaved });
  const who = incident.worker.displayName;
  return (
    <form noValidate onSubmit={form.onSubmit({ debriefAt: debriefAt ? localInputToIso(debriefAt) : null, debriefDone: done, timeOff: timeOff.trim() || null })}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput type="datetime-local" label={t('incident.debriefAt', { name: who })} value={debriefAt} onChange={(e) => setDebriefAt(e.currentTarget.value)} error={form.error('debriefAt')} />
        <TextInput label={t('incident.timeOff', { name: who })} value={timeOff} onChange={(e) => setTimeOff(e.currentTarget.value)} error={form.error('timeOff')} style={{ flex: '1 1 200px' }} />
        <Checkbox label={t('incident.debriefDone', { name: who })} checked={done} onChange={(e) => setDone(e.currentTarget.checked)} mb={8} />
        <Button type="submit" variant="light" loading={form.pending} aria-label={t('incident.saveDebriefFor', { name: who })}>
          {t('incident.saveDebrief')}
        </Button>
      </Group>
      <FormError message={form.formError} />
    </form>
  );
}

/** Critical incidents in the supervisor's programs, newest first, each with its debrief. */
export function TeamIncidents({ onNotice }: { onNotice: (message: string) => void }) {
  const { t, i18n } = useTranslation('workforce');
  const incidents = useTeamIncidents();
  if (incidents.isPending) return <Loading />;
  if (incidents.isError) return <LoadError error={incidents.error} onRetry={() => void incidents.refetch()} />;
  if (incidents.data.incidents.length === 0) return <EmptyState>{t('incident.none')}</EmptyState>;
  return (
    <Stack component="ul" className="record-list" gap="sm">
      {incidents.data.incidents.map((i) => (
        <Paper component="li" key={i.id} withBorder p="md" radius="md" data-testid="incident">
          <Stack gap={6}>
            <Text fw={650}>{t('incident.itemTitle', { name: i.worker.displayName, kind: t(`incident.kinds.${i.kind}`) })}</Text>
            <Text fz="sm">{dateTimeOf(i.occurredAt, i18n.language)}</Text>
            {i.description && <Text fz="sm">{i.description}</Text>}
            <Text fz="sm" fw={600}>
              {i.debriefDoneAt
                ? t('incident.statusDone')
                : i.debriefAt
                  ? t('incident.statusScheduled', { date: dateTimeOf(i.debriefAt, i18n.language) })
                  : t('incident.statusNeeded')}
              {i.timeOff ? ` · ${t('incident.statusTimeOff', { text: i.timeOff })}` : ''}
            </Text>
            <DebriefForm incident={i} onSaved={(u) => onNotice(t('incident.debriefSaved', { name: u.worker.displayName }))} />
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
