import { Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useParticipantReferrals } from './api.js';
import { ReferralCard } from './ReferralCard.js';

/** On a participant's record: their referrals, and the way to find a resource for them. */
export function ParticipantReferrals({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('referrals');
  const allowed = participant.can.access.referrals?.read === true;
  const list = useParticipantReferrals(allowed ? participant.id : null);
  if (!allowed) return null;
  return (
    <Section
      title={t('section.title')}
      testId="participant-referrals"
      actions={
        list.data?.can.create ? (
          <Button component={Link} to={`/resources?for=${participant.id}`} variant="light">
            {t('section.find', { name: participant.preferredName })}
          </Button>
        ) : undefined
      }
    >
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.referrals.length === 0 ? (
        <EmptyState>{t('section.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm">
          {list.data.referrals.map((r) => (
            <ReferralCard key={r.id} referral={r} />
          ))}
        </Stack>
      )}
    </Section>
  );
}
