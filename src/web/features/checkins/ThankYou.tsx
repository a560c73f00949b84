import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CheckIn } from '../../../shared/schemas/checkins.js';

/**
 * A warm word after a check-in. When use was reported it thanks the person for their honesty and
 * points to the crisis card, which every participant page shows at its top: the page scrolls there.
 */
export function ThankYou({ checkIn, peerWorkerName }: { checkIn: CheckIn; peerWorkerName: string | null }) {
  const { t } = useTranslation('checkins');
  const heading = useRef<HTMLHeadingElement>(null);
  const usedReported = checkIn.usedSinceLast === 'yes';
  useEffect(() => {
    window.scrollTo({ top: 0 });
    heading.current?.focus();
  }, []);
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} shadow="xs" data-testid="checkin-thanks">
      <Stack gap="md">
        <Title order={2} ref={heading} tabIndex={-1} fz={{ base: 22, sm: 26 }}>
          {usedReported ? t('thanks.usedTitle') : t('thanks.title')}
        </Title>
        <Text fz="lg">{usedReported ? t('thanks.usedBody') : t('thanks.body')}</Text>
        {usedReported && (
          <Text>{peerWorkerName ? t('thanks.usedPeer', { peerWorker: peerWorkerName }) : t('thanks.usedNoPeer')}</Text>
        )}
        <Group gap="sm">
          <Button component={Link} to={`/participants/${checkIn.participantId}/check-ins`} size="md">
            {t('thanks.history')}
          </Button>
          <Button component={Link} to="/" variant="outline" size="md">
            {t('thanks.home')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
