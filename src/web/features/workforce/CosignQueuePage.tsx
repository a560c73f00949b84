import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CosignQueue } from '../../../shared/schemas/workforce.js';
import { isApiError } from '../../api/client.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { useCosignQueue, useWorkforceActions } from './api.js';
import './workforce.css';

type Item = CosignQueue['items'][number];

function QueueItem({ item, onDecided }: { item: Item; onDecided: (message: string) => void }) {
  const { t, i18n } = useTranslation('workforce');
  const actions = useWorkforceActions();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'return') => {
    setError(null);
    if (decision === 'return' && !comment.trim()) return setError(t('cosign.needComment'));
    setBusy(true);
    try {
      await actions.decide(item.noteId, decision === 'approve' ? { decision } : { decision, comment });
      onDecided(t(decision === 'approve' ? 'cosign.approved' : 'cosign.returned', { name: item.participant.preferredName }));
    } catch (err) {
      setError(isApiError(err) ? (err.fields?.[0]?.message ?? err.message) : t('cosign.failed'));
    } finally {
      setBusy(false);
    }
  };
  const headingId = `cosign-${item.noteId}`;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="cosign-item" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs">
          <Text fw={650} id={headingId}>
            {t('cosign.itemTitle', { name: item.participant.preferredName, author: item.author.displayName })}
          </Text>
          {item.resubmitted && <Badge variant="light">{t('cosign.resubmitted')}</Badge>}
        </Group>
        <Text fz="sm" c="dimmed">
          {t('cosign.meta', {
            date: new Date(item.occurredAt).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
            minutes: item.durationMinutes,
          })}
          {item.billable ? ` · ${t('cosign.billable')}` : ''}
        </Text>
        <Text>{item.summary}</Text>
        {item.nextSteps && <Text fz="sm">{t('cosign.nextSteps', { text: item.nextSteps })}</Text>}
        {returning ? (
          <Stack gap="xs">
            <Textarea label={t('cosign.comment')} description={t('cosign.commentHint')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} />
            <Group>
              <Button onClick={() => void decide('return')} loading={busy} color="clay">
                {t('cosign.sendBack')}
              </Button>
              <Button variant="subtle" onClick={() => setReturning(false)}>
                {t('cosign.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group>
            <Button onClick={() => void decide('approve')} loading={busy} aria-label={t('cosign.approveFor', { name: item.participant.preferredName, author: item.author.displayName })}>
              {t('cosign.approve')}
            </Button>
            <Button variant="light" onClick={() => setReturning(true)} aria-label={t('cosign.returnFor', { name: item.participant.preferredName, author: item.author.displayName })}>
              {t('cosign.return')}
            </Button>
          </Group>
        )}
        <FormError message={error} />
      </Stack>
    </Paper>
  );
}

/** /team/cosign: notes waiting for the supervisor's co-sign, oldest first. */
export function CosignQueuePage() {
  const { t } = useTranslation('workforce');
  const queue = useCosignQueue();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <BackHome small />
      <PageTitle>{t('cosign.title')}</PageTitle>
      <Text>{t('cosign.intro')}</Text>
      {notice && <Notice>{notice}</Notice>}
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <LoadError error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data.items.length === 0 ? (
        <EmptyState>{t('cosign.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm" data-testid="cosign-queue">
          {queue.data.items.map((item) => (
            <QueueItem key={item.noteId} item={item} onDecided={setNotice} />
          ))}
        </Stack>
      )}
    </>
  );
}
