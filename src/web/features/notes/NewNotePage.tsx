import { Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { PageTitle } from '../../components/PageTitle.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { BackToParticipant } from './NotesPage.js';
import { QuickNoteForm } from './QuickNoteForm.js';

/** The quick note on a page of its own: from the participant page, one tap to open, one to save. */
export function NewNotePage() {
  return <WithParticipant>{(p) => (p.can.access.contact_notes.write ? <NewNote participant={p} /> : <NotYoursPage />)}</WithParticipant>;
}

function NewNote({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('notes');
  const navigate = useNavigate();
  return (
    <>
      <BackToParticipant participant={participant} />
      <PageTitle>{t('page.newTitle', { name: participant.preferredName })}</PageTitle>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <QuickNoteForm participantId={participant.id} onDone={() => navigate(`/participants/${participant.id}`, { state: { noteSaved: true } })} />
      </Paper>
    </>
  );
}
