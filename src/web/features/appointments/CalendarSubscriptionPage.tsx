import { Alert, Anchor, Button, CopyButton, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewCalendarFeed } from '../../../shared/schemas/appointments.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useCalendarFeedActions, useCalendarFeeds } from './api.js';
import { useWhen } from './useWhen.js';

/** The new link, shown this once: copy it, or open it in the device's calendar app. */
function NewLink({ feed }: { feed: NewCalendarFeed }) {
  const { t } = useTranslation('appointments');
  return (
    <Alert color="pine" title={t('calendar.newTitle')} data-testid="new-calendar-link">
      <Stack gap="sm">
        <Text fz="sm">{t('calendar.newHint')}</Text>
        <TextInput label={t('calendar.link')} value={feed.url} readOnly onFocus={(e) => e.currentTarget.select()} styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }} />
        <Group gap="sm">
          <CopyButton value={feed.url}>
            {({ copied, copy }) => (
              <Button onClick={copy} variant={copied ? 'light' : 'filled'} aria-live="polite">
                {copied ? `✓ ${t('calendar.copied')}` : t('calendar.copy')}
              </Button>
            )}
          </CopyButton>
          <Anchor href={feed.webcalUrl}>{t('calendar.openInApp')}</Anchor>
        </Group>
      </Stack>
    </Alert>
  );
}

/** "Calendar subscription" in the account area: make a private link, copy it, revoke it. */
export function CalendarSubscriptionPage() {
  const { t } = useTranslation('appointments');
  const when = useWhen();
  const feeds = useCalendarFeeds();
  const actions = useCalendarFeedActions();
  const [fresh, setFresh] = useState<NewCalendarFeed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const create = useMutation({ mutationFn: actions.create, onSuccess: (feed) => (setFresh(feed), setNotice(null)) });
  const revoke = useMutation({
    mutationFn: actions.revoke,
    onSuccess: (_ok, id) => {
      if (fresh?.id === id) setFresh(null);
      setNotice(t('calendar.revoked'));
    },
  });
  return (
    <>
      <BackHome small />
      <PageTitle>{t('calendar.title')}</PageTitle>
      <Text>{t('calendar.intro')}</Text>
      <Text fz="sm" c="dimmed">
        {t('calendar.privacy')}
      </Text>
      <Button onClick={() => create.mutate()} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
        {t('calendar.create')}
      </Button>
      <FormError message={create.isError ? describeError(create.error) : null} />
      {fresh && <NewLink feed={fresh} />}
      {notice && <Notice>{notice}</Notice>}
      <Section title={t('calendar.active')} testId="calendar-links">
        {feeds.isPending ? (
          <Loading />
        ) : feeds.isError ? (
          <LoadError error={feeds.error} onRetry={() => void feeds.refetch()} />
        ) : feeds.data.feeds.length === 0 ? (
          <EmptyState>{t('calendar.none')}</EmptyState>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {feeds.data.feeds.map((f) => {
              const made = when.full(f.createdAt);
              return (
                <Paper key={f.id} component="li" withBorder p="sm">
                  <Group justify="space-between" gap="xs">
                    <Text fz="sm">{t('calendar.created', { when: made })}</Text>
                    <Button
                      size="xs"
                      variant="subtle"
                      color="clay"
                      aria-label={t('calendar.revokeLabel', { when: made })}
                      loading={revoke.isPending && revoke.variables === f.id}
                      onClick={() => revoke.mutate(f.id)}
                    >
                      {t('calendar.revoke')}
                    </Button>
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        )}
        <FormError message={revoke.isError ? describeError(revoke.error) : null} />
      </Section>
    </>
  );
}
