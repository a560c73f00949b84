import { Button, Checkbox, Paper, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createJournalEntrySchema, JOURNAL_TEXT_MAX } from '../../../shared/schemas/journal.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useJournalActions } from './api.js';

/** A blank page at the top of the journal. Private unless the participant ticks the box. */
export function JournalComposer({ participantId, peerName, onSaved }: { participantId: string; peerName: string | null; onSaved: (notice: string) => void }) {
  const { t } = useTranslation('journal');
  const { create } = useJournalActions(participantId);
  const [text, setText] = useState('');
  const [share, setShare] = useState(false);
  const form = useApiForm({
    schema: createJournalEntrySchema,
    send: create,
    onSuccess: (entry) => {
      setText('');
      setShare(false);
      form.reset();
      onSaved(entry.sharedWithPeer ? t('saved.shared', { peer: peerName ?? t('yourPeer') }) : t('saved.private'));
    },
  });

  return (
    <Paper component="form" withBorder p={{ base: 'md', sm: 'lg' }} shadow="xs" noValidate onSubmit={form.onSubmit({ text, shareWithPeer: share })}>
      <Stack gap="sm">
        <Textarea
          label={t('compose.label')}
          description={t('compose.hint')}
          autosize
          minRows={5}
          maxRows={16}
          maxLength={JOURNAL_TEXT_MAX}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={form.error('text') && t('compose.empty')}
          styles={{ input: { fontSize: 17, lineHeight: 1.55 } }}
        />
        <Checkbox
          label={peerName ? t('compose.share', { peer: peerName }) : t('compose.shareNoPeer')}
          description={t('compose.shareHint')}
          checked={share}
          onChange={(e) => setShare(e.currentTarget.checked)}
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('compose.save')}
        </Button>
      </Stack>
    </Paper>
  );
}
