import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { eraseParticipantSchema, type ErasureReport } from '../../../shared/schemas/privacy.js';
import { DialogButton } from '../../components/DialogButton.js';
import { Section } from '../../components/Section.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useEraseParticipant } from './api.js';

/** Right to erasure, for an org admin with a verified request on file: a dialog that asks for the name as the last check. */
export function ErasureSection({ participant, onErased }: { participant: ParticipantSummary; onErased: (report: ErasureReport) => void }) {
  const { t } = useTranslation('privacy');
  const name = participant.preferredName;
  return (
    <Section title={t('erase.title')} testId="erasure">
      <Text>{t('erase.intro', { name })}</Text>
      <Text>{t('erase.kept')}</Text>
      <div>
        <DialogButton label={t('erase.open', { name })} title={t('erase.dialogTitle', { name })} button={{ color: 'clay', variant: 'outline' }}>
          {(close) => <ErasureForm participant={participant} onCancel={close} onErased={onErased} />}
        </DialogButton>
      </div>
    </Section>
  );
}

function ErasureForm({ participant, onCancel, onErased }: { participant: ParticipantSummary; onCancel: () => void; onErased: (report: ErasureReport) => void }) {
  const { t } = useTranslation('privacy');
  const erase = useEraseParticipant(participant.id);
  const [requestReference, setReference] = useState('');
  const [confirmName, setConfirmName] = useState('');
  const name = participant.preferredName;
  const matches = confirmName.trim().toLowerCase() === name.trim().toLowerCase();
  const f = useApiForm({
    schema: eraseParticipantSchema,
    send: erase,
    onSuccess: (report) => onErased(report),
    check: (v) => (String(v.confirmName ?? '').trim() && !matches ? { confirmName: t('erase.nameDiffers', { name }) } : {}),
  });
  return (
    <form onSubmit={f.onSubmit({ requestReference, confirmName })} noValidate>
      <Stack gap="md">
        <Text fw={650}>{t('erase.warning', { name })}</Text>
        <TextInput
          label={t('erase.reference')}
          description={t('erase.referenceHint')}
          required
          value={requestReference}
          onChange={(e) => setReference(e.currentTarget.value)}
          error={f.error('requestReference')}
        />
        <TextInput
          label={t('erase.confirmName', { name })}
          required
          autoComplete="off"
          value={confirmName}
          onChange={(e) => setConfirmName(e.currentTarget.value)}
          error={f.error('confirmName')}
        />
        <FormError message={f.formError} />
        <Stack gap="xs">
          <Button type="submit" color="clay" loading={f.pending} disabled={!matches}>
            {t('erase.submit', { name })}
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            {t('erase.cancel')}
          </Button>
        </Stack>
      </Stack>
    </form>
  );
}
