import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommunityMember } from '../../../shared/schemas/community.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useBlocks, useCommunityActions } from './api.js';
import { BackToCommunity } from './BackToCommunity.js';
import { FindMember } from './FindMember.js';

/** The people I blocked or muted, with unblock; and finding someone by community name to block, mute or unblock. */
export function BlocksPage() {
  const { t } = useTranslation('community');
  const blocks = useBlocks();
  const actions = useCommunityActions();
  const [found, setFound] = useState<CommunityMember | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (p: Promise<unknown>, name: string, state: 'block' | 'mute' | 'none') => {
    setError(null);
    setNotice(null);
    p.then(
      () => {
        setNotice(t('blocks.done', { name, state: t(`blocks.state.${state}`) }));
        setFound(null);
      },
      (err: unknown) => setError(describeError(err)),
    );
  };
  const people = blocks.data?.people ?? [];
  const current = found ? people.find((p) => p.id === found.id) : undefined;
  return (
    <Stack gap="lg">
      <BackToCommunity />
      <PageTitle>{t('blocks.title')}</PageTitle>
      <Text>{t('blocks.intro')}</Text>
      {notice && <Notice>{notice}</Notice>}
      <FormError message={error} />
      <Section title={t('blocks.listTitle')} testId="community-blocks">
        {blocks.isPending ? (
          <Loading />
        ) : blocks.isError ? (
          <LoadError error={blocks.error} />
        ) : people.length === 0 ? (
          <Text>{t('blocks.none')}</Text>
        ) : (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {people.map((p) => (
              <Paper component="li" key={p.id} withBorder p="sm" radius="md">
                <Group justify="space-between">
                  <Group gap="xs">
                    <Text fw={650}>{p.communityName}</Text>
                    <Badge color={p.kind === 'block' ? 'clay' : 'sand'}>{t(`blocks.kind.${p.kind}`)}</Badge>
                  </Group>
                  <Button size="xs" variant="light" onClick={() => run(actions.unblock(p.id), p.communityName, 'none')}>
                    {t('blocks.unblock', { name: p.communityName })}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t('blocks.find')}>
        <FindMember label={t('spaceForm.findName')} button={t('blocks.findButton')} onFound={setFound} />
        {found && (
          <Group gap="xs" data-testid="community-found-member">
            <Text fw={650}>{found.communityName}</Text>
            {current && <Badge color={current.kind === 'block' ? 'clay' : 'sand'}>{t(`blocks.kind.${current.kind}`)}</Badge>}
            {current?.kind !== 'block' && (
              <Button size="xs" color="clay" variant="light" onClick={() => run(actions.block(found.id, 'block'), found.communityName, 'block')}>
                {t('blocks.block', { name: found.communityName })}
              </Button>
            )}
            {current?.kind !== 'mute' && (
              <Button size="xs" variant="light" onClick={() => run(actions.block(found.id, 'mute'), found.communityName, 'mute')}>
                {t('blocks.mute', { name: found.communityName })}
              </Button>
            )}
            {current && (
              <Button size="xs" variant="light" onClick={() => run(actions.unblock(found.id), found.communityName, 'none')}>
                {t('blocks.unblockFound', { name: found.communityName })}
              </Button>
            )}
          </Group>
        )}
      </Section>
    </Stack>
  );
}
