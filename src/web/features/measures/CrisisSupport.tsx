import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { dialable, useCrisisLineOf } from './crisis-line.js';

/**
 * Shown first after a safety answer, before any score: warm words, the program's crisis line as
 * buttons that call or text, and who has been told. To a peer worker completing the measure with
 * the participant it says what to do now.
 */
export function CrisisSupport({ participant, peerWorkerName }: { participant: ParticipantSummary; peerWorkerName: string | null }) {
  const { t } = useTranslation('measures');
  const crisisLine = useCrisisLineOf(participant);
  const number = dialable(crisisLine);
  const headingId = useId();
  const self = participant.relationship === 'self';
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      data-testid="measure-crisis"
      p={{ base: 'md', sm: 'lg' }}
      radius="md"
      bg="clay.0"
      style={{ borderLeft: '6px solid var(--mantine-color-clay-7)' }}
    >
      <Stack gap="sm">
        <Title order={2} id={headingId} fz={{ base: 20, sm: 24 }} c="clay.9">
          {self ? t('crisis.titleSelf') : t('crisis.titlePeer', { name: participant.preferredName })}
        </Title>
        {self ? (
          <>
            <Text>{t('crisis.thanks')}</Text>
            <Text fw={600}>{t('crisis.callNow', { crisisLine })}</Text>
          </>
        ) : (
          <Text>{t('crisis.peerNow', { name: participant.preferredName, crisisLine })}</Text>
        )}
        {number && (
          <Stack gap="xs">
            <Button component="a" href={`tel:${number}`} color="clay" size="lg" fullWidth>
              {t('crisis.call', { crisisLine })}
            </Button>
            <Button component="a" href={`sms:${number}`} variant="outline" color="clay" size="lg" fullWidth>
              {t('crisis.text', { crisisLine })}
            </Button>
          </Stack>
        )}
        <Text>{t('crisis.emergency')}</Text>
        {self && <Text>{peerWorkerName ? t('crisis.peerTold', { name: peerWorkerName }) : t('crisis.teamTold')}</Text>}
      </Stack>
    </Paper>
  );
}
