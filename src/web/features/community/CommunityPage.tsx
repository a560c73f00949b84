import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useCommunityMe, useRooms, useSearch, useSpaces, useStories } from './api.js';
import { NewRoomForm } from './NewRoomForm.js';
import { JoinForm, Onboarding } from './Onboarding.js';
import { PostCard } from './PostCard.js';
import { RoomList } from './RoomList.js';

/** The community home: what it is, the spaces one can see, stories, live rooms, search. */
export function CommunityPage() {
  const { t } = useTranslation('community');
  const me = useCommunityMe();
  const spaces = useSpaces();
  const stories = useStories();
  const rooms = useRooms();
  const [q, setQ] = useState('');
  const found = useSearch(q);
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} />;
  const member = me.data.member;
  return (
    <Stack gap="lg">
      <PageTitle>{t('title')}</PageTitle>
      {(!member || !member.onboarded) && <Onboarding me={me.data} />}
      {!member ? (
        <Section title={t('join.title')}>
          <JoinForm />
        </Section>
      ) : (
        <Text>{t('signedInAs', { name: member.communityName })}</Text>
      )}
      <Group gap="xs" component="nav" aria-label={t('title')}>
        {me.data.canModerate && (
          <>
            <Button component={Link} to="/community/moderation" variant="light">
              {t('moderation.open')}
            </Button>
            <Button component={Link} to="/community/spaces/new" variant="light">
              {t('nav.newSpace')}
            </Button>
          </>
        )}
        {member && (
          <>
            <Button component={Link} to="/community/stories/new" variant="light">
              {t('nav.newStory')}
            </Button>
            <Button component={Link} to="/community/me/moderation" variant="subtle">
              {t('nav.myModeration')}
            </Button>
            <Button component={Link} to="/community/me/blocks" variant="subtle">
              {t('nav.blocks')}
            </Button>
          </>
        )}
        <Button component={Link} to="/community/transparency" variant="subtle">
          {t('nav.transparency')}
        </Button>
      </Group>
      <Section title={t('spaces.title')} testId="community-spaces">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {(spaces.data?.spaces ?? []).map((s) => (
            <Paper key={s.id} withBorder p="md" radius="md">
              <Stack gap={4}>
                <Group gap="xs">
                  <Anchor component={Link} to={`/community/spaces/${s.id}`} fw={650}>
                    {s.name}
                  </Anchor>
                  <Badge variant="light">{t(`audience.${s.audience}`)}</Badge>
                </Group>
                <Text fz="sm">{s.description}</Text>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      </Section>
      <Section title={t('search.title')}>
        <TextInput label={t('search.label')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        {(found.data?.posts ?? []).map((p) => (
          <PostCard key={p.id} post={p} link />
        ))}
      </Section>
      <Section title={t('rooms.title')} testId="community-rooms">
        {me.data.peerWorker && member && <NewRoomForm />}
        {(rooms.data?.rooms ?? []).length === 0 ? <Text>{t('rooms.none')}</Text> : <RoomList rooms={rooms.data?.rooms ?? []} />}
      </Section>
      <Section title={t('stories.title')} testId="community-stories">
        {(stories.data?.stories ?? []).length === 0 && <Text>{t('stories.none')}</Text>}
        {(stories.data?.stories ?? []).map((s) => (
          <Paper key={s.id} withBorder p="md" radius="md" component="article">
            <Stack gap={4}>
              <Text fw={700}>{s.title}</Text>
              <Text fz="sm">{s.author?.communityName ?? t('post.anonymous')}</Text>
              {s.contentNotes.length > 0 && <Text fz="sm" c="dimmed">{t('stories.notes', { notes: s.contentNotes.map((n) => t(`contentNote.${n}`)).join(', ') })}</Text>}
              {s.status !== 'published' && <Badge color="amber">{t(`storyStatus.${s.status}`)}</Badge>}
              <Text style={{ whiteSpace: 'pre-wrap' }}>{s.body}</Text>
            </Stack>
          </Paper>
        ))}
      </Section>
    </Stack>
  );
}
