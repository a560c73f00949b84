import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { useJournal } from './api.js';
import { JournalComposer } from './JournalComposer.js';
import { JournalEntryCard } from './JournalEntryCard.js';

/** The participant's journal; for their peer worker, only the entries shared with them. */
export function JournalPage() {
  return <WithParticipant>{(p) => <Journal participant={p} />}</WithParticipant>;
}

function Journal({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('journal');
  const journal = useJournal(participant.id);
  const [notice, setNotice] = useState<string | null>(null);
  const mine = participant.relationship === 'self';
  const name = participant.preferredName;
  const peerName = participant.peerWorker?.displayName ?? null;
  const entries = journal.data?.pages.flatMap((page) => page.entries) ?? [];
  const canWrite = journal.data?.pages[0]?.can.write ?? false;

  return (
    <>
      <BackHome small />
      <PageTitle>{mine ? t('title.mine') : t('title.shared', { name })}</PageTitle>
      <Text>{mine ? (peerName ? t('privacy.mine', { peer: peerName }) : t('privacy.mineNoPeer')) : t('privacy.shared', { name })}</Text>
      {notice && <Notice>{notice}</Notice>}
      {canWrite && <JournalComposer participantId={participant.id} peerName={peerName} onSaved={setNotice} />}
      <Section title={mine ? t('list.mine') : t('list.shared')} plain testId="journal-entries">
        {journal.isPending ? (
          <Loading />
        ) : journal.isError ? (
          <LoadError error={journal.error} onRetry={() => void journal.refetch()} />
        ) : entries.length === 0 ? (
          <EmptyState>{mine ? t('empty.mine') : t('empty.shared', { name })}</EmptyState>
        ) : (
          <Stack gap="sm">
            <Stack component="ul" className="record-list" gap="sm">
              {entries.map((entry) => (
                <JournalEntryCard key={entry.id} entry={entry} participantId={participant.id} peerName={peerName} onNotice={setNotice} />
              ))}
            </Stack>
            {journal.hasNextPage && (
              <Button variant="light" onClick={() => void journal.fetchNextPage()} loading={journal.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
                {t('list.older')}
              </Button>
            )}
          </Stack>
        )}
      </Section>
    </>
  );
}
