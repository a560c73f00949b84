import { Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { z } from 'zod';
import type { myModerationSchema } from '../../../shared/schemas/community.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useCommunityActions, useMyModeration } from './api.js';
import { BackToCommunity } from './BackToCommunity.js';

type Action = z.infer<typeof myModerationSchema>['actions'][number];

/** What moderators did about me, with their reasons; one appeal per action. */
export function MyModerationPage() {
  const { t } = useTranslation('community');
  const mine = useMyModeration();
  return (
    <Stack gap="lg">
      <BackToCommunity />
      <PageTitle>{t('myModeration.title')}</PageTitle>
      <Text>{t('myModeration.intro')}</Text>
      {mine.isPending ? (
        <Loading />
      ) : mine.isError ? (
        <LoadError error={mine.error} />
      ) : mine.data.actions.length === 0 ? (
        <Text>{t('myModeration.none')}</Text>
      ) : (
        mine.data.actions.map((a) => <ActionCard key={a.id} action={a} />)
      )}
    </Stack>
  );
}

function ActionCard({ action }: { action: Action }) {
  const { t, i18n } = useTranslation('community');
  const actions = useCommunityActions();
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Paper withBorder p="md" radius="md" data-testid="community-my-action" component="article">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={700}>{t(`actionKind.${action.kind}`)}</Text>
          <Text fz="sm">{date(action.createdAt)}</Text>
          {action.appeal && <Badge color={action.appeal.status === 'overturned' ? 'pine' : 'sand'}>{t(`myModeration.appealStatus.${action.appeal.status}`)}</Badge>}
        </Group>
        {action.reason && <Text>{t('myModeration.reason', { reason: action.reason })}</Text>}
        {action.until && <Text fz="sm">{t('myModeration.until', { date: date(action.until) })}</Text>}
        {action.postId && (
          <Anchor component={Link} to={`/community/threads/${action.postId}`} fz="sm">
            {t('myModeration.onPost')}
          </Anchor>
        )}
        {sent && <Notice>{t('myModeration.appealSent')}</Notice>}
        {!action.appeal && !sent && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setError(null);
              actions.appeal(action.id, body).then(
                () => setSent(true),
                (err: unknown) => setError(describeError(err)),
              );
            }}
          >
            <Stack gap="xs">
              <Textarea label={t('myModeration.appealLabel')} value={body} onChange={(e) => setBody(e.currentTarget.value)} required autosize minRows={2} />
              <FormError message={error} />
              <Button type="submit" variant="light" style={{ alignSelf: 'flex-start' }}>
                {t('myModeration.appeal')}
              </Button>
            </Stack>
          </form>
        )}
      </Stack>
    </Paper>
  );
}
