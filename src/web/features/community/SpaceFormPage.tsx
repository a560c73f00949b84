import { Button, Select, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { spaceAudiences, type SpaceAudience } from '../../../shared/community/vocabulary.js';
import type { CommunityMember, Space } from '../../../shared/schemas/community.js';
import { useSignedIn } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { programsWhere } from '../../roles.js';
import { useCommunityActions, useSpace, useSpacePeople } from './api.js';
import { BackToCommunity } from './BackToCommunity.js';
import { PeoplePicker } from './PeoplePicker.js';

/** A moderator makes a new space. */
export function NewSpacePage() {
  return <SpaceForm />;
}

/** A moderator changes a space: what it says, who it is for, its people. */
export function EditSpacePage() {
  const { id = '' } = useParams();
  const space = useSpace(id);
  const people = useSpacePeople(id, space.isSuccess);
  if (space.isPending || (space.isSuccess && people.isPending)) return <Loading />;
  if (space.isError) return <LoadError error={space.error} />;
  if (people.isError) return <LoadError error={people.error} />;
  return <SpaceForm space={space.data} members={people.data?.members ?? []} moderators={people.data?.moderators ?? []} />;
}

function SpaceForm({ space, members: initialMembers = [], moderators: initialModerators = [] }: { space?: Space; members?: CommunityMember[]; moderators?: CommunityMember[] }) {
  const { t } = useTranslation('community');
  const { user } = useSignedIn();
  const navigate = useNavigate();
  const actions = useCommunityActions();
  const programs = programsWhere(user, ['moderator', 'org_admin']);
  const [name, setName] = useState(space?.name ?? '');
  const [description, setDescription] = useState(space?.description ?? '');
  const [rules, setRules] = useState(space?.rules ?? '');
  const [audience, setAudience] = useState<SpaceAudience>(space?.audience ?? 'organization');
  const [programId, setProgramId] = useState<string | null>(space?.programId ?? null);
  const [language, setLanguage] = useState<'en' | 'es'>(space?.language === 'es' ? 'es' : 'en');
  const [members, setMembers] = useState(initialMembers);
  const [moderators, setModerators] = useState(initialModerators);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = () => {
    setError(null);
    setSaved(false);
    const input = {
      audience,
      programId: audience === 'program' ? programId : null,
      name,
      description,
      rules,
      language,
      memberIds: audience === 'group' ? members.map((m) => m.id) : [],
      moderatorIds: moderators.map((m) => m.id),
    };
    (space ? actions.updateSpace(space.id, input) : actions.createSpace(input)).then(
      (s) => (space ? setSaved(true) : navigate(`/community/spaces/${s.id}`)),
      (err: unknown) => setError(describeError(err)),
    );
  };
  return (
    <Stack gap="lg">
      <BackToCommunity />
      <PageTitle>{space ? t('spaceForm.editTitle', { name: space.name }) : t('spaceForm.newTitle')}</PageTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md" maw={640}>
          <TextInput label={t('spaceForm.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} />
          <Textarea label={t('spaceForm.description')} value={description} onChange={(e) => setDescription(e.currentTarget.value)} required autosize minRows={2} />
          <Textarea label={t('spaceForm.rules')} value={rules} onChange={(e) => setRules(e.currentTarget.value)} required autosize minRows={3} />
          <Stack gap={4}>
            <Text fw={500} fz="sm" id="space-audience">
              {t('spaceForm.audience')}
            </Text>
            <SegmentedControl
              aria-labelledby="space-audience"
              value={audience}
              onChange={(v) => setAudience(v as SpaceAudience)}
              data={spaceAudiences.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
            />
          </Stack>
          {audience === 'program' && (
            <Select label={t('spaceForm.program')} data={programs.map((p) => ({ value: p.id, label: p.name }))} value={programId} onChange={setProgramId} required />
          )}
          <Select
            label={t('spaceForm.language')}
            data={(['en', 'es'] as const).map((l) => ({ value: l, label: t(`spaceForm.languages.${l}`) }))}
            value={language}
            onChange={(v) => setLanguage(v === 'es' ? 'es' : 'en')}
            allowDeselect={false}
          />
          {audience === 'group' && <PeoplePicker title={t('spaceForm.members')} help={t('spaceForm.membersHelp')} people={members} onChange={setMembers} testId="space-members" />}
          <PeoplePicker title={t('spaceForm.moderators')} help={t('spaceForm.moderatorsHelp')} people={moderators} onChange={setModerators} testId="space-moderators" />
          <FormError message={error} />
          {saved && <Notice>{t('spaceForm.saved')}</Notice>}
          <Button type="submit" style={{ alignSelf: 'flex-start' }}>
            {space ? t('spaceForm.save') : t('spaceForm.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
