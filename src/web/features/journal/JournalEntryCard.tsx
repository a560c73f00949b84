import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNAL_TEXT_MAX, journalTextSchema, type JournalEntry } from '../../../shared/schemas/journal.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useFormat } from '../../i18n/format.js';
import { useJournalActions } from './api.js';

interface Props {
  entry: JournalEntry;
  participantId: string;
  peerName: string | null;
  onNotice: (notice: string) => void;
}

export function JournalEntryCard({ entry, participantId, peerName, onNotice }: Props) {
  const { t } = useTranslation('journal');
  const format = useFormat();
  const { update } = useJournalActions(participantId);
  const [draft, setDraft] = useState<string | null>(null);
  const peer = peerName ?? t('yourPeer');
  const written = format.dateTime(entry.createdAt);
  const change = useMutation({
    mutationFn: (input: { text?: string; sharedWithPeer?: boolean }) => update(entry.id, input),
    onSuccess: (changed, input) => {
      setDraft(null);
      if (input.sharedWithPeer !== undefined) onNotice(changed.sharedWithPeer ? t('saved.nowShared', { peer }) : t('saved.nowPrivate', { peer }));
      else onNotice(t('saved.edited'));
    },
  });
  const draftValid = draft !== null && journalTextSchema.safeParse(draft).success;

  return (
    <Paper component="li" withBorder p="md" bg="white" data-testid="journal-entry">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="xs">
          <Text fw={650}>{written}</Text>
          <Badge variant="light" color={entry.sharedWithPeer ? 'pine' : 'sand'}>
            {entry.sharedWithPeer ? t('entry.shared', { peer }) : t('entry.private')}
          </Badge>
        </Group>
        {draft !== null ? (
          <Textarea
            label={t('entry.editLabel', { date: written })}
            autosize
            minRows={4}
            maxRows={16}
            maxLength={JOURNAL_TEXT_MAX}
            value={draft}
            onChange={(e) => setDraft(e.currentTarget.value)}
            error={draftValid ? undefined : t('compose.empty')}
            styles={{ input: { fontSize: 17, lineHeight: 1.55 } }}
            autoFocus
            // Editing usually adds to what was written: start with the caret at the end.
            onFocus={(e) => e.currentTarget.setSelectionRange(e.currentTarget.value.length, e.currentTarget.value.length)}
          />
        ) : entry.text === null ? (
          <Text c="dimmed" fs="italic">
            {t('entry.unreadable')}
          </Text>
        ) : (
          <Text fz={17} lh={1.55} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {entry.text}
          </Text>
        )}
        {entry.updatedAt !== entry.createdAt && draft === null && (
          <Text fz="sm" c="dimmed">
            {t('entry.edited', { date: format.dateTime(entry.updatedAt) })}
          </Text>
        )}
        {change.isError && <FormError message={describeError(change.error)} />}
        {entry.can.edit && (
          <Group gap="xs">
            {draft !== null ? (
              <>
                <Button size="sm" disabled={!draftValid} loading={change.isPending} onClick={() => change.mutate({ text: draft })}>
                  {t('entry.saveEdit')}
                </Button>
                <Button size="sm" variant="subtle" onClick={() => setDraft(null)}>
                  {t('entry.cancelEdit')}
                </Button>
              </>
            ) : (
              <>
                {entry.text !== null && (
                  <Button size="sm" variant="light" aria-label={t('entry.editAria', { date: written })} onClick={() => setDraft(entry.text ?? '')}>
                    {t('entry.edit')}
                  </Button>
                )}
                <Button
                  size="sm"
                  variant="outline"
                  loading={change.isPending}
                  aria-label={entry.sharedWithPeer ? t('entry.unshareAria', { peer, date: written }) : t('entry.shareAria', { peer, date: written })}
                  onClick={() => change.mutate({ sharedWithPeer: !entry.sharedWithPeer })}
                >
                  {entry.sharedWithPeer ? t('entry.unshare') : t('entry.share', { peer })}
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
