import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { reactionKinds } from '../../../shared/community/vocabulary.js';
import type { Post } from '../../../shared/schemas/community.js';
import { useCommunityActions } from './api.js';
import { MentionText } from './MentionText.js';

/** One post or reply: who (by community name), the words, supportive reactions, and report / block. */
export function PostCard({ post, link = false, testId }: { post: Post; link?: boolean; testId?: string }) {
  const { t } = useTranslation('community');
  const actions = useCommunityActions();
  return (
    <Paper withBorder p="md" radius="md" data-testid={testId ?? 'community-post'} component="article">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={650}>{post.author?.communityName ?? t('post.anonymous')}</Text>
          {post.author?.peerWorker && <Badge variant="light">{t('post.peerWorker')}</Badge>}
          {post.peerWorkersOnly && <Badge color="pine" variant="outline">{t('post.peerWorkersOnly')}</Badge>}
          {post.status !== 'published' && <Badge color={post.status === 'held' ? 'amber' : 'red'}>{t(`status.${post.status}`)}</Badge>}
        </Group>
        {post.title && (
          <Text fw={700} fz="lg">
            {link ? <Link to={`/community/threads/${post.threadId}`}>{post.title}</Link> : post.title}
          </Text>
        )}
        <MentionText body={post.body} mentions={post.mentions} />
        {post.status === 'held' && post.mine && <Text c="amber.9">{t('post.heldNote')}</Text>}
        {post.removalReason && <Text c="red.8">{t('post.removedBecause', { reason: post.removalReason })}</Text>}
        {post.status === 'published' && (
          <Group gap="xs">
            {reactionKinds.map((kind) => {
              const on = post.myReactions.includes(kind);
              return (
                <Button key={kind} size="xs" variant={on ? 'filled' : 'light'} aria-pressed={on} onClick={() => void actions.react(post.id, kind, !on)}>
                  {t(`reaction.${kind}`)}
                </Button>
              );
            })}
            {link && (
              <Button component={Link} to={`/community/threads/${post.threadId}`} size="xs" variant="subtle">
                {t('post.open', { count: post.replyCount })}
              </Button>
            )}
            {!post.mine && (
              <>
                <Button size="xs" variant="subtle" color="gray" onClick={() => void actions.report({ postId: post.id, reason: 'unsafe' })}>
                  {t('post.report')}
                </Button>
                {post.author && (
                  <Button size="xs" variant="subtle" color="gray" onClick={() => void actions.block(post.author!.id, 'block')}>
                    {t('post.block', { name: post.author.communityName })}
                  </Button>
                )}
              </>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
