import { Anchor, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { useSignedIn } from '../../api/session.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { programTimeZone } from '../../roles.js';
import { useNotes } from './api.js';
import { NoteCard } from './NoteCard.js';

export const newNotePath = (participantId: string) => `/participants/${participantId}/notes/new`;

/** On the participant page: "Add a note" first, then the latest few notes and the way to all of them. */
export function NotesOverview({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('notes');
  const { user } = useSignedIn();
  const location = useLocation();
  const list = useNotes(participant.id, 3);
  const first = list.data?.pages[0];
  const saved = (location.state as { noteSaved?: boolean } | null)?.noteSaved === true;
  return (
    <Section
      title={t('overview.title')}
      testId="notes-overview"
      actions={
        first?.can.create && (
          <Button component={Link} to={newNotePath(participant.id)}>
            {t('overview.add')}
          </Button>
        )
      }
    >
      {saved && <Notice>{t('overview.saved')}</Notice>}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : first!.notes.length === 0 ? (
        <EmptyState>{t('overview.none')}</EmptyState>
      ) : (
        <Stack gap="sm">
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('overview.recent')}>
            {first!.notes.map((n) => (
              <NoteCard key={n.id} note={n} compact timeZone={programTimeZone(user, participant.programId)} />
            ))}
          </Stack>
          <Anchor component={Link} to={`/participants/${participant.id}/notes`}>
            {t('overview.all')}
          </Anchor>
        </Stack>
      )}
    </Section>
  );
}
