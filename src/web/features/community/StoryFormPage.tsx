import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentNotes } from '../../../shared/community/vocabulary.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useCommunityActions, useCommunityMe } from './api.js';
import { BackToCommunity } from './BackToCommunity.js';
import { CrisisSupport } from './CrisisSupport.js';
import { GuidelinesCheck, JoinForm } from './Onboarding.js';

/** A participant or peer worker shares a recovery story; a moderator reviews it before it is published. */
export function StoryFormPage() {
  const { t } = useTranslation('community');
  const me = useCommunityMe();
  const actions = useCommunityActions();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [notes, setNotes] = useState<string[]>([]);
  const [accept, setAccept] = useState(false);
  const [sent, setSent] = useState(false);
  const [support, setSupport] = useState<Parameters<typeof CrisisSupport>[0]['support'] | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (me.isPending) return <Loading />;
  if (me.isError) return <LoadError error={me.error} />;
  const member = me.data.member;
  const needsGuidelines = Boolean(member && !member.guidelinesAccepted);
  return (
    <Stack gap="lg">
      <BackToCommunity />
      <PageTitle>{t('storyForm.title')}</PageTitle>
      <Text>{t('storyForm.intro')}</Text>
      {!member ? (
        <JoinForm />
      ) : sent ? (
        <Notice>{t('storyForm.sent')}</Notice>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setError(null);
            actions.submitStory({ title, body, contentNotes: notes, ...(needsGuidelines ? { acceptGuidelines: accept } : {}) }).then(
              (r) => {
                setSent(true);
                setSupport(r.crisis.support);
              },
              (err: unknown) => setError(describeError(err)),
            );
          }}
        >
          <Stack gap="md" maw={720}>
            <TextInput label={t('storyForm.storyTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required maxLength={140} />
            <Textarea label={t('storyForm.body')} value={body} onChange={(e) => setBody(e.currentTarget.value)} required autosize minRows={8} />
            <Checkbox.Group label={t('storyForm.notes')} description={t('storyForm.notesHelp')} value={notes} onChange={setNotes}>
              <Group gap="md" mt="xs">
                {contentNotes.map((n) => (
                  <Checkbox key={n} value={n} label={t(`contentNote.${n}`)} />
                ))}
              </Group>
            </Checkbox.Group>
            {needsGuidelines && <GuidelinesCheck checked={accept} onChange={setAccept} />}
            <FormError message={error} />
            <Button type="submit" style={{ alignSelf: 'flex-start' }}>
              {t('storyForm.submit')}
            </Button>
          </Stack>
        </form>
      )}
      {support && <CrisisSupport support={support} />}
    </Stack>
  );
}
