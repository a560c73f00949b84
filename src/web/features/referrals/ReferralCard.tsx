import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Referral } from '../../../shared/schemas/referrals.js';
import { useFormat } from '../../i18n/format.js';
import { ReferralStatusBadge } from './ReferralStatusBadge.js';

/** A referral in a list: where to, for whom, where it stands, when to follow up. */
export function ReferralCard({ referral, showParticipant = false }: { referral: Referral; showParticipant?: boolean }) {
  const { t } = useTranslation('referrals');
  const { t: tr } = useTranslation('resources');
  const format = useFormat();
  const date = (d: string) => format.date(`${d}T12:00:00Z`, 'UTC');
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="referral-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor component={Link} to={`/participants/${referral.participantId}/referrals/${referral.id}`} fw={650}>
            {t('card.to', { service: referral.service.name })}
          </Anchor>
          <ReferralStatusBadge status={referral.status} />
        </Group>
        {showParticipant && <Text size="sm">{t('card.for', { name: referral.participantName })}</Text>}
        <Text size="sm">
          {tr(`category.${referral.category}`)} · {referral.need}
        </Text>
        {referral.followUpOn && (referral.status === 'sent' || referral.status === 'accepted' || referral.status === 'draft') && (
          <Text size="sm" fw={referral.followUpDue ? 650 : undefined} c={referral.followUpDue ? 'amber.8' : undefined}>
            {referral.followUpDue ? t('card.followUpDue', { date: date(referral.followUpOn) }) : t('card.followUp', { date: date(referral.followUpOn) })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
