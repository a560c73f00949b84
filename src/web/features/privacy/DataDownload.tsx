import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { exportUrl } from './api.js';

/** Right of access: everything Peerpath holds about the participant, for themself or an org admin acting on their request. */
export function DataDownload({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('privacy');
  const mine = participant.relationship === 'self';
  const name = participant.preferredName;
  return (
    <Section title={mine ? t('download.title') : t('download.theirsTitle', { name })} testId="data-download">
      <Text>{mine ? t('download.intro') : t('download.theirsIntro', { name })}</Text>
      <Group gap="sm">
        <Button component="a" href={exportUrl(participant.id, 'html')} download variant="filled">
          {t('download.html')}
        </Button>
        <Button component="a" href={exportUrl(participant.id, 'json')} download variant="light">
          {t('download.json')}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed">
        {t('download.note')}
      </Text>
    </Section>
  );
}
