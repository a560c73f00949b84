import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { QueueItem } from '../../../shared/schemas/community.js';
import { useLiveEvent } from '../../api/live.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useCommunityActions, useCommunityMe, useQueue } from './api.js';
import { PostCard } from './PostCard.js';

/** The moderators' queue, most urgent first; crisis posts announce themselves live. */
export function ModerationPage() {
  const { t } = useTranslation('community');
  const me = useCommunityMe();
  const queue = useQueue(Boolean(me.data?.canModerate));
  const qc = useQueryClient();
  const [urgent, setUrgent] = useState(0);
  useLiveEvent(['community.crisis', 'community.queue'], (event) => {
    if (event.type === 'community.crisis') setUrgent((n) => n + 1);
    void qc.invalidateQueries({ queryKey: ['community', 'queue'] });
  });
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} />;
  return (
    <Stack gap="lg">
      <PageTitle>{t('moderation.title')}</PageTitle>
      {urgent > 0 && (
        <Alert color="red" role="alert" data-testid="community-urgent-alert" title={t('moderation.urgentTitle')}>
          {t('moderation.urgentBody', { count: urgent })}
        </Alert>
      )}
      {queue.isError && <LoadError error={queue.error} />}
      <Section title={t('moderation.queue', { count: queue.data?.items.length ?? 0 })} testId="community-queue">
        {queue.data?.items.length === 0 && <Text>{t('moderation.empty')}</Text>}
        {queue.data?.items.map((item) => <QueueCard key={item.id} item={item} />)}
      </Section>
    </Stack>
  );
}

function QueueCard({ item }: { item: QueueItem }) {
  const { t } = useTranslation('community');
  const actions = useCommunityActions();
  const [reason, setReason] = useState('');
  const act = (action: 'approve' | 'edit' | 'remove' | 'warn' | 'mute' | 'dismiss' | 'escalate' | 'restore') =>
    void actions.moderate(item.id, { action, ...(reason ? { reason } : {}) });
  return (
    <Paper withBorder p="md" radius="md" data-testid="community-queue-item">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge color={item.kind === 'crisis' ? 'red' : item.kind === 'held' ? 'amber' : 'pine'}>{t(`queueKind.${item.kind}`)}</Badge>
          <Text fz="sm">{t('moderation.waiting', { count: item.waitingMinutes })}</Text>
          {item.spaceName && <Text fz="sm">{item.spaceName}</Text>}
          <Text fz="sm">{item.rules.map((r) => t(`rule.${r.replace('.', '_')}`, { defaultValue: r })).join(', ')}</Text>
        </Group>
        {item.report && <Text fz="sm">{t('moderation.reported', { reason: t(`reportReason.${item.report.reason}`, { defaultValue: item.report.reason }) })}</Text>}
        {item.appeal && <Text fz="sm">{t('moderation.appeal', { body: item.appeal.body })}</Text>}
        {item.context.length > 0 && (
          <Stack gap={4} pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
            <Text fz="sm" fw={600}>{t('moderation.context')}</Text>
            {item.context.map((c) => (
              <Text key={c.id} fz="sm">
                {c.author?.communityName ?? t('post.anonymous')}: {c.body}
              </Text>
            ))}
          </Stack>
        )}
        {item.post && <PostCard post={item.post} testId="community-queue-post" />}
        {item.story && <Text style={{ whiteSpace: 'pre-wrap' }}>{item.story.title}: {item.story.body}</Text>}
        {!item.post && !item.story && item.member && <Text>{t('moderation.person', { name: item.member.communityName })}</Text>}
        <TextInput label={t('moderation.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group gap="xs">
          {item.kind === 'appeal' ? (
            <>
              <Button size="xs" onClick={() => act('restore')}>{t('action.overturn')}</Button>
              <Button size="xs" variant="light" onClick={() => act('dismiss')}>{t('action.uphold')}</Button>
            </>
          ) : (
            <>
              {(item.post?.status === 'held' || item.story) && <Button size="xs" onClick={() => act('approve')}>{t('action.approve')}</Button>}
              {(item.post || item.story) && <Button size="xs" variant="light" onClick={() => act('edit')}>{t('action.edit')}</Button>}
              {(item.post || item.story) && <Button size="xs" color="red" variant="light" disabled={!reason} onClick={() => act('remove')}>{t('action.remove')}</Button>}
              <Button size="xs" variant="light" disabled={!reason} onClick={() => act('warn')}>{t('action.warn')}</Button>
              <Button size="xs" variant="light" disabled={!reason} onClick={() => act('mute')}>{t('action.mute')}</Button>
              <Button size="xs" variant="light" disabled={!reason} onClick={() => act('escalate')}>{t('action.escalate')}</Button>
              <Button size="xs" variant="subtle" onClick={() => act('dismiss')}>{t('action.dismiss')}</Button>
            </>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
