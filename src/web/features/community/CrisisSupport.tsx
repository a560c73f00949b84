import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../api/session.js';

/** Kindness first, and where to get help now: shown to a writer whose words carried crisis language. */
export function CrisisSupport({ support }: { support: { crisisLine: string; safetyPlan: boolean; peerWorkerTold: boolean } }) {
  const { t } = useTranslation('community');
  const { user } = useSignedIn();
  return (
    <Alert color="red" variant="light" title={t('crisis.title')} data-testid="community-crisis-support" role="alert">
      <Stack gap={4}>
        <Text>{t('crisis.caring')}</Text>
        <Text fw={700}>{t('crisis.line', { crisisLine: support.crisisLine })}</Text>
        {support.peerWorkerTold && <Text>{t('crisis.peerTold')}</Text>}
        {support.safetyPlan && user.participantId && (
          <Anchor component={Link} to={`/participants/${user.participantId}/safety-plan`}>
            {t('crisis.safetyPlan')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
