import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { profilePath } from './paths.js';

/** On the participant's home: their profile, where the reminder and their choices live. */
export function MyProfileLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation('profile');
  return (
    <Button component={Link} to={profilePath(participantId)} variant="light" style={{ alignSelf: 'flex-start' }} data-testid="my-profile">
      {t('homeLink')}
    </Button>
  );
}

/** On the participant page, for staff: the full record with discharge. */
export function ParticipantRecordLink({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('profile');
  if (participant.relationship === 'self' || !participant.can.access.profile?.read) return null;
  return (
    <Button component={Link} to={profilePath(participant.id)} variant="light" style={{ alignSelf: 'flex-start' }}>
      {t('recordLink')}
    </Button>
  );
}
