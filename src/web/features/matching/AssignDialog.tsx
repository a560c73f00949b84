import { Button, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { assignPeerWorkerSchema, useAssignPeerWorker } from '../../api/participants.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useAssignmentChanged } from './api.js';

interface Props {
  participant: ParticipantSummary;
  peerWorker: { id: string; displayName: string };
  onDone: (message: string) => void;
}

/** Assign a suggested peer worker, with the reason the history keeps (the same call as any reassignment). */
export function AssignDialog({ participant, peerWorker, onDone }: Props) {
  const { t } = useTranslation('matching');
  return (
    <DialogButton
      label={t('find.assign')}
      ariaLabel={t('find.assignFor', { peerWorker: peerWorker.displayName, name: participant.preferredName })}
      title={t('find.assignTitle', { peerWorker: peerWorker.displayName })}
      button={{ size: 'sm' }}
    >
      {(close) => (
        <AssignForm
          participant={participant}
          peerWorker={peerWorker}
          onDone={(message) => {
            close();
            onDone(message);
          }}
        />
      )}
    </DialogButton>
  );
}

function AssignForm({ participant, peerWorker, onDone }: Props) {
  const { t } = useTranslation('matching');
  const { t: tg } = useTranslation();
  const [reason, setReason] = useState('');
  const changed = useAssignmentChanged();
  const form = useApiForm({
    schema: assignPeerWorkerSchema,
    send: useAssignPeerWorker(participant.id),
    onSuccess: (updated) => {
      changed();
      onDone(t('find.done', { peerWorker: peerWorker.displayName, name: updated.preferredName }));
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit({ peerWorkerId: peerWorker.id, reason })}>
      <Stack gap="md">
        <Text>{participant.peerWorker ? tg('participant.peerWorkerIs', { name: participant.peerWorker.displayName }) : tg('participant.noPeerWorker')}</Text>
        <Textarea
          label={t('find.reason')}
          description={t('find.reasonHint')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={form.error('reason')}
          data-autofocus
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('find.submit')}
        </Button>
      </Stack>
    </form>
  );
}
