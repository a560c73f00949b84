import { Button, Checkbox, NativeSelect, NumberInput, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { genders, participantSettings } from '../../../shared/schemas/journey.js';
import { MAX_CAPACITY, updatePeerProfileSchema, type PeerProfileField, type PeerWorkerProfile } from '../../../shared/schemas/matching.js';
import { StackedDetails } from './StackedDetails.js';
import { Section } from '../../components/Section.js';
import { FormError, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useUpdatePeerProfile } from './api.js';
import { ExperienceChoices } from './ExperienceChoices.js';
import { LanguageChoices } from './LanguageChoices.js';
import { PeerProfileSummary } from './PeerProfileSummary.js';
import { WeeklyTimesEditor } from './WeeklyTimesEditor.js';
import { useMatchingWords } from './words.js';

/**
 * The profile as a form: the peer worker changes all of it; their supervisor capacity and settings,
 * with the rest shown as the peer worker wrote it. Only the fields the actor may change are sent.
 */
export function PeerProfileForm({ profile, mine }: { profile: PeerWorkerProfile; mine: boolean }) {
  const { t } = useTranslation('matching');
  const { t: tp } = useTranslation('profile');
  const words = useMatchingWords();
  const details = profile.details!;
  const can = (field: PeerProfileField) => profile.can.edit.includes(field);
  const [livedExperience, setLivedExperience] = useState(profile.livedExperience);
  const [languages, setLanguages] = useState(profile.languages);
  const [gender, setGender] = useState<string>(details.gender ?? '');
  const [settings, setSettings] = useState<string[]>(profile.settings);
  const [availability, setAvailability] = useState(details.availability);
  const [capacity, setCapacity] = useState<number | string>(details.capacity);
  const [bio, setBio] = useState(profile.bio ?? '');
  const [saved, setSaved] = useState(false);
  const form = useApiForm({ schema: updatePeerProfileSchema, send: useUpdatePeerProfile(profile.id), onSuccess: () => setSaved(true) });
  const edited = <T,>(set: (v: T) => void) => (v: T) => (set(v), setSaved(false));

  const values: Record<PeerProfileField, unknown> = {
    livedExperience,
    languages,
    gender: gender === '' ? null : gender,
    settings,
    availability,
    capacity: typeof capacity === 'number' ? capacity : capacity === '' ? undefined : Number(capacity),
    bio: bio.trim() === '' ? null : bio,
  };
  const sent = Object.fromEntries(profile.can.edit.map((f) => [f, values[f]]));

  return (
    <form noValidate onSubmit={form.onSubmit(sent)}>
      <Stack gap="lg">
        <Section title={mine ? t('profile.sharedTitle') : t('profile.sharedTitleTheirs')} testId="peer-profile-shared">
          {can('livedExperience') ? (
            <Stack gap="md">
              <ExperienceChoices
                label={t('profile.livedExperience')}
                description={t('profile.livedExperienceHint')}
                value={livedExperience}
                onChange={edited(setLivedExperience)}
                error={form.error('livedExperience')}
              />
              <LanguageChoices label={t('profile.languages')} description={t('profile.languagesHint')} value={languages} onChange={edited(setLanguages)} error={form.error('languages')} />
              <NativeSelect
                label={t('profile.gender')}
                description={t('profile.genderHint')}
                value={gender}
                onChange={(e) => edited(setGender)(e.currentTarget.value)}
                data={[{ value: '', label: t('profile.genderUnset') }, ...genders.map((g) => ({ value: g, label: t(`gender.${g}`) }))]}
                error={form.error('gender')}
              />
              <Textarea label={t('profile.bio')} description={t('profile.bioHint')} autosize minRows={3} maxLength={600} value={bio} onChange={(e) => edited(setBio)(e.currentTarget.value)} error={form.error('bio')} />
            </Stack>
          ) : (
            <PeerProfileSummary profile={profile} gender={details.gender} withSettings={false} />
          )}
        </Section>

        <Section title={mine ? t('profile.workTitle') : t('profile.workTitleTheirs')} testId="peer-profile-work">
          <Stack gap="md">
            <NumberInput
              label={mine ? t('profile.capacity') : t('profile.capacityTheirs')}
              description={t('profile.capacityHint', { caseload: details.caseload, open: details.openPlaces })}
              min={0}
              max={MAX_CAPACITY}
              allowDecimal={false}
              allowNegative={false}
              value={capacity}
              onChange={edited(setCapacity)}
              error={form.error('capacity')}
              w={{ base: '100%', xs: 320 }}
            />
            <Checkbox.Group label={mine ? t('profile.settings') : t('profile.settingsTheirs')} value={settings} onChange={edited(setSettings)} error={form.error('settings')}>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                {participantSettings.map((s) => (
                  <Checkbox key={s} value={s} label={tp(`settings.${s}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
            {can('availability') ? (
              <WeeklyTimesEditor
                legend={t('profile.availability')}
                description={t('profile.availabilityHint')}
                value={availability}
                onChange={edited(setAvailability)}
                error={form.error}
                name="availability"
              />
            ) : (
              <StackedDetails items={[{ label: t('profile.availabilityTheirs'), value: words.times(availability) || t('times.none') }]} />
            )}
          </Stack>
        </Section>

        <FormError message={form.formError} />
        {saved && <Notice>{t('profile.saved')}</Notice>}
        <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('profile.save')}
        </Button>
      </Stack>
    </form>
  );
}
