import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { conversationPath } from './paths.js';

/** On the participant page, for their peer worker (or a supervisor, who can join for a handover). */
export function MessageParticipantButton({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('messaging');
  if (participant.relationship === 'self' || !participant.can.access.messages?.read) return null;
  return (
    <Button component={Link} to={conversationPath(participant.id)} variant="light" style={{ alignSelf: 'flex-start' }} data-testid="message-participant">
      {t('button.message')}
    </Button>
  );
}
