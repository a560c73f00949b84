import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createParticipantSchema, type ParticipantSummary } from '../../../shared/schemas/participants.js';
import type { Program } from '../../../shared/schemas/tenancy.js';
import { useEnrolParticipant } from '../../api/participants.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';

export function EnrolParticipantForm({ programs, onDone }: { programs: Program[]; onDone: (p: ParticipantSummary) => void }) {
  const { t } = useTranslation();
  const [programId, setProgramId] = useState(programs[0]?.id ?? '');
  const [preferredName, setPreferredName] = useState('');
  const [pronouns, setPronouns] = useState('');
  const form = useApiForm({ schema: createParticipantSchema, send: useEnrolParticipant(), onSuccess: onDone });

  return (
    <form noValidate onSubmit={form.onSubmit({ programId, preferredName, pronouns: pronouns.trim() || undefined })}>
      <Stack gap="md">
        <NativeSelect
          label={t('participant.program')}
          required
          value={programId}
          onChange={(e) => setProgramId(e.currentTarget.value)}
          data={programs.map((p) => ({ value: p.id, label: p.name }))}
          error={form.error('programId')}
        />
        <TextInput
          label={t('enrol.preferredName')}
          description={t('enrol.preferredNameHint')}
          required
          autoComplete="off"
          value={preferredName}
          onChange={(e) => setPreferredName(e.currentTarget.value)}
          error={form.error('preferredName')}
        />
        <TextInput
          label={t('enrol.pronouns')}
          description={t('enrol.pronounsHint')}
          autoComplete="off"
          value={pronouns}
          onChange={(e) => setPronouns(e.currentTarget.value)}
          error={form.error('pronouns')}
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('enrol.submit')}
        </Button>
      </Stack>
    </form>
  );
}
