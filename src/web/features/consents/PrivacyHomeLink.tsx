import { Button, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useParticipants } from '../../api/participants.js';

/** The participant home's way to their privacy page (consents, revocation, accounting). */
export function PrivacyHomeLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation('consents');
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-privacy">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('tile.title')}
        </Text>
        <Text>{t('tile.body')}</Text>
        <Button component={Link} to={`/participants/${participantId}/privacy`} variant="light" size="md">
          {t('tile.open')}
        </Button>
      </Stack>
    </Paper>
  );
}

/**
 * For an account without a record of its own (a family member, a guardian): the people it is the
 * recorded legal representative of, each with the way to their consents.
 */
export function RepresentedHomeLinks() {
  const { t } = useTranslation('consents');
  const list = useParticipants();
  const represented = list.data?.filter((p) => p.relationship === 'legal_representative') ?? [];
  if (represented.length === 0) return null;
  return (
    <Paper withBorder p="md" radius="md" data-testid="home-represented">
      <Stack gap="xs">
        <Text fw={650} fz="lg">
          {t('representative.homeTitle')}
        </Text>
        <Text>{t('representative.homeBody')}</Text>
        {represented.map((p) => (
          <Button key={p.id} component={Link} to={`/participants/${p.id}/privacy`} variant="light" size="md">
            {t('representative.homeOpen', { name: p.preferredName })}
          </Button>
        ))}
      </Stack>
    </Paper>
  );
}
