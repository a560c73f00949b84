import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { useSignedIn } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { programTimeZone } from '../../roles.js';
import { useNotes } from './api.js';
import { NoteCard } from './NoteCard.js';
import { newNotePath } from './NotesOverview.js';

/** Every note about one participant, newest contact first, with edits and their history. */
export function NotesPage() {
  return <WithParticipant>{(p) => <Notes participant={p} />}</WithParticipant>;
}

export function BackToParticipant({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('notes');
  return (
    <Anchor component={Link} to={`/participants/${participant.id}`} fz="sm">
      <span aria-hidden="true">← </span>
      {t('page.back', { name: participant.preferredName })}
    </Anchor>
  );
}

function Notes({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('notes');
  const { user } = useSignedIn();
  const list = useNotes(participant.id);
  const notes = list.data?.pages.flatMap((p) => p.notes) ?? [];
  const canCreate = list.data?.pages[0]?.can.create ?? false;
  return (
    <>
      <BackToParticipant participant={participant} />
      <PageTitle>{t('page.title', { name: participant.preferredName })}</PageTitle>
      <Text>{t('page.intro', { name: participant.preferredName })}</Text>
      {canCreate && (
        <Button component={Link} to={newNotePath(participant.id)} size="md" style={{ alignSelf: 'flex-start' }}>
          {t('overview.add')}
        </Button>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : notes.length === 0 ? (
        <EmptyState>{t('page.empty')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('overview.title')} data-testid="notes-list">
            {notes.map((n) => (
              <NoteCard key={n.id} note={n} timeZone={programTimeZone(user, participant.programId)} />
            ))}
          </Stack>
          {list.hasNextPage && (
            <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} style={{ alignSelf: 'flex-start' }}>
              {t('page.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </>
  );
}
