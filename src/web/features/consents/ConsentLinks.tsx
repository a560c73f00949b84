import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';

/** On a participant's page: their consents (for their peer worker, supervisor or legal representative), or the shared summary (for a consented clinician). */
export function ConsentLinks({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('consents');
  if (participant.relationship === 'clinician_consent') {
    return (
      <Group>
        <Button component={Link} to={`/participants/${participant.id}/shared`} variant="light">
          {t('clinician.open')}
        </Button>
      </Group>
    );
  }
  // Those who keep the consents with the participant: their peer worker, the supervisor, a legal representative.
  if (!['assigned_peer', 'supervisor', 'legal_representative'].includes(participant.relationship)) return null;
  return (
    <Group>
      <Button component={Link} to={`/participants/${participant.id}/privacy`} variant="light">
        {t('privacy.theirs', { name: participant.preferredName })}
      </Button>
    </Group>
  );
}
