import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';

/** On a participant's page, for an org admin: where their requests about their data are handled. */
export function DataRequestsLink({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('privacy');
  if (participant.relationship !== 'org_admin') return null;
  return (
    <Group>
      <Button component={Link} to={`/participants/${participant.id}/data-requests`} variant="light">
        {t('requests.open')}
      </Button>
    </Group>
  );
}
