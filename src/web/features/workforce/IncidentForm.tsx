import { Button, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createIncidentSchema, incidentKinds, type TeamMember } from '../../../shared/schemas/workforce.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useWorkforceActions } from './api.js';
import { localInputToIso, nowLocalInput } from './local-time.js';

/**
 * Log a critical incident: a peer worker for themselves, or a supervisor for a worker of their
 * team (`members` given). The program's supervisors are told at once.
 */
export function IncidentForm({ members, onDone }: { members?: TeamMember[]; onDone: () => void }) {
  const { t } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [workerId, setWorkerId] = useState(members?.[0]?.worker.id ?? '');
  const [kind, setKind] = useState<string>('crisis');
  const [when, setWhen] = useState(nowLocalInput());
  const [description, setDescription] = useState('');
  const form = useApiForm({
    schema: createIncidentSchema,
    send: (input) => (members ? actions.logIncidentFor(workerId, input) : actions.logIncident(input)),
    onSuccess: onDone,
  });
  return (
    <form noValidate onSubmit={form.onSubmit({ kind, occurredAt: localInputToIso(when), description: description.trim() || undefined })}>
      <Stack gap="md">
        {members && (
          <NativeSelect
            label={t('incident.worker')}
            value={workerId}
            onChange={(e) => setWorkerId(e.currentTarget.value)}
            data={members.map((m) => ({ value: m.worker.id, label: m.worker.displayName }))}
          />
        )}
        <NativeSelect
          label={t('incident.kind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          data={incidentKinds.map((k) => ({ value: k, label: t(`incident.kinds.${k}`) }))}
          error={form.error('kind')}
        />
        <TextInput type="datetime-local" label={t('incident.when')} value={when} onChange={(e) => setWhen(e.currentTarget.value)} error={form.error('occurredAt')} required />
        <Textarea
          label={t('incident.description')}
          description={t('incident.descriptionHint')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={form.error('description')}
        />
        <Text fz="sm" c="dimmed">
          {members ? t('incident.toldOthers') : t('incident.told')}
        </Text>
        <FormError message={form.formError} />
        <Button type="submit" size="md" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('incident.save')}
        </Button>
      </Stack>
    </form>
  );
}
