import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useVisibleReferrals } from './api.js';
import { ReferralCard } from './ReferralCard.js';

/** /referrals: a participant's own; a peer worker's or supervisor's across the people they see. */
export function ReferralsPage() {
  const { t } = useTranslation('referrals');
  const { user } = useSignedIn();
  const participant = user.participantId !== null && user.memberships.every((m) => m.role === 'participant');
  const [status, setStatus] = useState<'open' | 'finished' | 'all'>(participant ? 'all' : 'open');
  const list = useVisibleReferrals(status);
  return (
    <>
      <BackHome small />
      <PageTitle>{participant ? t('mine') : t('title')}</PageTitle>
      <Text>{participant ? t('intro.mine') : t('intro.staff')}</Text>
      <Stack gap={4}>
        <Text fw={600} id="referral-filter">
          {t('filter.label')}
        </Text>
        <SegmentedControl
          aria-labelledby="referral-filter"
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={(['open', 'finished', 'all'] as const).map((s) => ({ value: s, label: t(`filter.${s}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
      </Stack>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.referrals.length === 0 ? (
        <EmptyState>{t('section.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm" data-testid="referral-list">
          {list.data.referrals.map((r) => (
            <ReferralCard key={r.id} referral={r} showParticipant={!participant} />
          ))}
        </Stack>
      )}
    </>
  );
}
