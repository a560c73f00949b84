import { Anchor, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useCommunityActions, useCommunityMe, useThread } from './api.js';
import { Composer } from './Composer.js';
import { PostCard } from './PostCard.js';

export function ThreadPage() {
  const { t } = useTranslation('community');
  const { id = '' } = useParams();
  const thread = useThread(id);
  const me = useCommunityMe();
  const actions = useCommunityActions();
  if (thread.isPending || me.isPending) return <Loading />;
  if (thread.isError) return <LoadError error={thread.error} />;
  if (me.isError) return <LoadError error={me.error} />;
  const { post, replies, following, space } = thread.data;
  return (
    <Stack gap="lg">
      <PageTitle>{post.title ?? t('thread.title', { space: space.name })}</PageTitle>
      <Anchor component={Link} to={`/community/spaces/${space.id}`}>
        {t('thread.back', { space: space.name })}
      </Anchor>
      <PostCard post={post} testId="community-thread-post" />
      <Button variant="light" style={{ alignSelf: 'flex-start' }} onClick={() => void actions.follow(post.id, !following)}>
        {following ? t('thread.unfollow') : t('thread.follow')}
      </Button>
      <Section title={t('thread.replies', { count: replies.length })} testId="community-replies">
        {replies.map((r) => (
          <PostCard key={r.id} post={r} testId="community-reply" />
        ))}
      </Section>
      {me.data.member && post.status === 'published' && (
        <Section title={t('thread.reply')}>
          <Composer label={t('compose.reply')} needsGuidelines={!me.data.member.guidelinesAccepted} submit={(input) => actions.reply(post.id, { body: input.body, acceptGuidelines: input.acceptGuidelines })} />
        </Section>
      )}
    </Stack>
  );
}
