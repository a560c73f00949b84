import { Anchor, Group, Progress, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading, Notice } from '../../components/Status.js';
import { useGoals } from './api.js';
import { NewGoalButton } from './NewGoalButton.js';

/** Goals at a glance on the participant page, with a way for the peer worker to suggest one. */
export function GoalsOverview({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('goals');
  const list = useGoals(participant.id);
  const [notice, setNotice] = useState<string | null>(null);
  const active = list.data?.goals.filter((g) => g.status === 'active') ?? [];
  const waiting = list.data?.goals.filter((g) => g.status === 'suggested').length ?? 0;
  const reached = list.data?.goals.filter((g) => g.status === 'completed').length ?? 0;
  const create = list.data?.can.create;

  return (
    <Section
      title={t('overview.title')}
      testId="goals-overview"
      actions={create && <NewGoalButton participant={participant} as={create} onDone={setNotice} button={{ size: 'sm', variant: 'light' }} />}
    >
      {notice && <Notice>{notice}</Notice>}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Stack gap="sm">
          <Text>
            {active.length > 0 ? t('overview.count', { count: active.length }) : list.data.goals.length > 0 ? t('overview.noneActive') : t('overview.none')}
          </Text>
          {active.length > 0 && (
            <Stack component="ul" className="record-list" gap="xs">
              {active.map((g) => (
                <li key={g.id}>
                  <Group justify="space-between" gap="xs" wrap="nowrap">
                    <Text fz="sm" style={{ minWidth: 0 }} truncate>
                      {g.title}
                    </Text>
                    <Text fz="sm" c="dimmed" style={{ flexShrink: 0 }}>
                      {t('card.progress', { done: g.progress.done, count: g.progress.total })}
                    </Text>
                  </Group>
                  {g.progress.total > 0 && (
                    <Progress value={(g.progress.done / g.progress.total) * 100} size="sm" aria-label={t('card.progressLabel', { title: g.title })} />
                  )}
                </li>
              ))}
            </Stack>
          )}
          {reached > 0 && <Text fz="sm">{t('overview.reached', { count: reached })}</Text>}
          {waiting > 0 && <Text fz="sm">{t('overview.waiting', { count: waiting })}</Text>}
          <Anchor component={Link} to={`/participants/${participant.id}/goals`}>
            {participant.relationship === 'self' ? t('overview.openMine') : t('overview.open')}
          </Anchor>
        </Stack>
      )}
    </Section>
  );
}
