import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useCheckIns } from './api.js';
import { CheckInEntry } from './CheckInEntry.js';

interface Props {
  participantId: string;
  timeZone?: string;
  label: string;
  emptyText: string;
  pageSize?: number;
  /** Offer older pages; without it only the newest page shows. */
  withMore?: boolean;
}

/** Check-ins, newest first. The server leaves out what the reader may not see (private ones, for staff). */
export function CheckInList({ participantId, timeZone, label, emptyText, pageSize = 10, withMore = true }: Props) {
  const { t } = useTranslation('checkins');
  const list = useCheckIns(participantId, pageSize);
  const entries = list.data?.pages.flatMap((p) => p.checkIns) ?? [];
  if (list.isPending) return <Loading />;
  if (list.isError && entries.length === 0) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (entries.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <>
      <Stack component="ol" className="record-list" gap={0} aria-label={label}>
        {entries.map((c) => (
          <CheckInEntry key={c.id} checkIn={c} timeZone={timeZone} />
        ))}
      </Stack>
      {withMore && list.hasNextPage && (
        <Group>
          <Button variant="outline" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('history.loadOlder')}
          </Button>
        </Group>
      )}
    </>
  );
}
