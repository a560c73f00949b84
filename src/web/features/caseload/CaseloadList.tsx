import { Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveConnected } from '../../api/live.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useCaseload } from './api.js';
import { CaseloadCard, QuietRow } from './CaseloadCard.js';

/**
 * The caseload, most in need first (the server sorts): a card with reasons for everyone flagged,
 * one line for everyone else. Live alert events refresh it (see UrgentAlertBanner).
 */
export function CaseloadList({ peerWorkerId }: { peerWorkerId?: string }) {
  const { t } = useTranslation('caseload');
  const caseload = useCaseload(peerWorkerId);
  const live = useLiveConnected();
  // Said only when the connection stays away, not during the first moment of opening it.
  const [pausedLong, setPausedLong] = useState(false);
  useEffect(() => {
    if (live) return setPausedLong(false);
    const timer = setTimeout(() => setPausedLong(true), 5_000);
    return () => clearTimeout(timer);
  }, [live]);

  if (caseload.isPending) return <Loading />;
  if (caseload.isError) return <LoadError error={caseload.error} onRetry={() => void caseload.refetch()} />;
  const entries = caseload.data.entries;
  if (entries.length === 0) return <EmptyState>{t('empty')}</EmptyState>;
  const flagged = entries.filter((e) => e.attention !== 'none');
  const quiet = entries.filter((e) => e.attention === 'none');
  return (
    <Stack gap="md" data-testid="caseload-list" data-live={live}>
      <Text fz="sm">{t('intro')}</Text>
      {pausedLong && (
        <Text fz="sm" c="dimmed">
          {t('live.paused')}
        </Text>
      )}
      {flagged.length > 0 && (
        <Stack component="ul" className="record-list" gap="sm" aria-label={t('listLabel')}>
          {flagged.map((e) => (
            <CaseloadCard key={e.participant.id} entry={e} />
          ))}
        </Stack>
      )}
      {quiet.length > 0 && (
        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('quietCount', { count: quiet.length })}
          </Title>
          <Stack component="ul" className="record-list" gap={6} aria-label={t('quietTitle')}>
            {quiet.map((e) => (
              <QuietRow key={e.participant.id} entry={e} />
            ))}
          </Stack>
        </Stack>
      )}
    </Stack>
  );
}
