import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';

const journalPath = (participantId: string) => `/participants/${participantId}/journal`;

/** The participant home's way to their journal. */
export function JournalHomeLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation('journal');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-journal">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        <Text>{t('tile.body')}</Text>
        <Button component={Link} to={journalPath(participantId)} variant="light" size="md">
          {t('link.mine')}
        </Button>
      </Stack>
    </Paper>
  );
}

/**
 * On a participant's record, for their peer worker: the way to what was shared with them. It loads
 * nothing itself, so looking at the record is not reading the journal.
 */
export function JournalOverview({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('journal');
  if (participant.relationship === 'self' || !participant.can.access.journal?.read) return null;
  return (
    <Section title={t('overview.title')} testId="journal-overview">
      <Text>{t('overview.body', { name: participant.preferredName })}</Text>
      <Button component={Link} to={journalPath(participant.id)} variant="light" style={{ alignSelf: 'flex-start' }}>
        {t('link.shared')}
      </Button>
    </Section>
  );
}
