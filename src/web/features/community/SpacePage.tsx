import { Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useCommunityActions, useCommunityMe, useSpace, useSpacePosts } from './api.js';
import { Composer } from './Composer.js';
import { JoinForm } from './Onboarding.js';
import { PostCard } from './PostCard.js';

export function SpacePage() {
  const { t } = useTranslation('community');
  const { id = '' } = useParams();
  const space = useSpace(id);
  const posts = useSpacePosts(id);
  const me = useCommunityMe();
  const actions = useCommunityActions();
  if (space.isPending || me.isPending) return <Loading />;
  if (space.isError) return <LoadError error={space.error} />;
  if (me.isError) return <LoadError error={me.error} />;
  const member = me.data.member;
  return (
    <Stack gap="lg">
      <PageTitle>{space.data.name}</PageTitle>
      <Text>{space.data.description}</Text>
      {me.data.canModerate && space.data.canModerate && (
        <Button component={Link} to={`/community/spaces/${id}/edit`} variant="light" style={{ alignSelf: 'flex-start' }}>
          {t('nav.editSpace')}
        </Button>
      )}
      <Section title={t('space.rules')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{space.data.rules}</Text>
        {space.data.moderators.length > 0 && <Text fz="sm">{t('space.moderators', { names: space.data.moderators.map((m) => m.communityName).join(', ') })}</Text>}
      </Section>
      <Section title={t('space.newPost')}>
        {member ? (
          <Composer label={t('compose.body')} withTitle needsGuidelines={!member.guidelinesAccepted} peerWorker={me.data.peerWorker} submit={(input) => actions.post(id, input)} />
        ) : (
          <JoinForm />
        )}
      </Section>
      <Section title={t('space.posts')} testId="community-posts">
        {(posts.data?.posts ?? []).length === 0 && <Text>{t('space.empty')}</Text>}
        {(posts.data?.posts ?? []).map((p) => (
          <PostCard key={p.id} post={p} link />
        ))}
      </Section>
    </Stack>
  );
}
