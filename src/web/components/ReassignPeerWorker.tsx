import { Button, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../shared/schemas/participants.js';
import { assignPeerWorkerSchema, useAssignPeerWorker } from '../api/participants.js';
import { useApiForm } from '../forms/useApiForm.js';
import type { PersonChoice } from '../roles.js';
import { DialogButton } from './DialogButton.js';
import { FormError } from './Status.js';

interface Props {
  participant: ParticipantSummary;
  /** Peer workers of the participant's program. */
  choices: PersonChoice[];
  /** Where the choices come from, told honestly. */
  choicesHint: string;
  onDone: (updated: ParticipantSummary) => void;
}

/** Match or change the peer worker, with a reason that the history keeps. */
export function ReassignPeerWorker({ participant, choices, choicesHint, onDone }: Props) {
  const { t } = useTranslation();
  const others = choices.filter((c) => c.id !== participant.peerWorker?.id);
  // With nobody else to choose, there is nothing to offer.
  if (others.length === 0) return null;
  const label = participant.peerWorker ? t('reassign.change') : t('reassign.match');
  return (
    <DialogButton
      label={label}
      ariaLabel={t('reassign.buttonFor', { action: label, name: participant.preferredName })}
      title={t('reassign.title', { name: participant.preferredName })}
      button={{ variant: 'outline', size: 'xs' }}
    >
      {(close) => (
        <ReassignForm
          participant={participant}
          choices={others}
          choicesHint={choicesHint}
          onDone={(updated) => {
            close();
            onDone(updated);
          }}
        />
      )}
    </DialogButton>
  );
}

function ReassignForm({ participant, choices, choicesHint, onDone }: Props) {
  const { t } = useTranslation();
  const [peerWorkerId, setPeerWorkerId] = useState(choices[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const form = useApiForm({ schema: assignPeerWorkerSchema, send: useAssignPeerWorker(participant.id), onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit({ peerWorkerId, reason })}>
      <Stack gap="md">
        <Text>
          {participant.peerWorker
            ? t('participant.peerWorkerIs', { name: participant.peerWorker.displayName })
            : t('participant.noPeerWorker')}
        </Text>
        <NativeSelect
          label={t('reassign.newPeerWorker')}
          description={choicesHint}
          required
          value={peerWorkerId}
          onChange={(e) => setPeerWorkerId(e.currentTarget.value)}
          data={choices.map((c) => ({ value: c.id, label: c.displayName }))}
          error={form.error('peerWorkerId')}
        />
        <Textarea
          label={t('reassign.reason')}
          description={t('reassign.reasonHint')}
          required
          autosize
          minRows={3}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={form.error('reason')}
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('reassign.submit')}
        </Button>
      </Stack>
    </form>
  );
}
