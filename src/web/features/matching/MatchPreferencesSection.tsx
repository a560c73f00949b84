import { Button, NativeSelect, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { matchGenders, updateMatchPreferencesSchema, type MatchPreferences } from '../../../shared/schemas/matching.js';
import { StackedDetails } from './StackedDetails.js';
import { Section } from '../../components/Section.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { languageChoices } from '../profile/languages.js';
import { useMatchPreferences, useUpdateMatchPreferences } from './api.js';
import { ExperienceChoices } from './ExperienceChoices.js';
import { MyPeerWorkerCard } from './MyPeerWorkerCard.js';
import { WeeklyTimesEditor } from './WeeklyTimesEditor.js';
import { useMatchingWords } from './words.js';

/** On the participant's profile: what they look for in a peer worker, and who walks with them now. */
export function MatchPreferencesSection({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('matching');
  const mine = participant.relationship === 'self';
  const allowed = participant.can.access.match_preferences?.read ?? false;
  const prefs = useMatchPreferences(participant.id, allowed);
  if (!allowed) return null;
  return (
    <>
      {mine && participant.peerWorker && <MyPeerWorkerCard peerWorkerId={participant.peerWorker.id} name={participant.peerWorker.displayName} />}
      <Section title={mine ? t('preferences.titleMine') : t('preferences.title')} testId="match-preferences">
        <Text>{mine ? t('preferences.introMine') : t('preferences.intro')}</Text>
        {prefs.isPending ? (
          <Loading />
        ) : prefs.isError ? (
          <LoadError error={prefs.error} onRetry={() => void prefs.refetch()} />
        ) : prefs.data.can.edit ? (
          <PreferencesForm prefs={prefs.data} mine={mine} />
        ) : (
          <PreferencesSummary prefs={prefs.data} />
        )}
      </Section>
    </>
  );
}

function PreferencesSummary({ prefs }: { prefs: MatchPreferences }) {
  const { t } = useTranslation('matching');
  const words = useMatchingWords();
  return (
    <StackedDetails
      items={[
        { label: t('preferences.requiredLanguageTheirs'), value: prefs.requiredLanguage ? words.language(prefs.requiredLanguage) : t('preferences.noLanguageNeeded') },
        { label: t('preferences.preferredGender'), value: prefs.preferredGender ? t(`gender.${prefs.preferredGender}`) : t('preferences.noPreference') },
        {
          label: t('preferences.wantedExperienceTheirs'),
          value: prefs.wantedExperience.length ? words.format.list(prefs.wantedExperience.map((c) => t(`experience.${c}`))) : t('preferences.noPreference'),
        },
        { label: t('preferences.preferredTimesTheirs'), value: words.times(prefs.preferredTimes) || t('preferences.noPreference') },
      ]}
    />
  );
}

function PreferencesForm({ prefs, mine }: { prefs: MatchPreferences; mine: boolean }) {
  const { t } = useTranslation('matching');
  const words = useMatchingWords();
  const [requiredLanguage, setRequiredLanguage] = useState(prefs.requiredLanguage ?? '');
  const [preferredGender, setPreferredGender] = useState<string>(prefs.preferredGender ?? '');
  const [wantedExperience, setWantedExperience] = useState(prefs.wantedExperience);
  const [preferredTimes, setPreferredTimes] = useState(prefs.preferredTimes);
  const [saved, setSaved] = useState(false);
  const form = useApiForm({ schema: updateMatchPreferencesSchema, send: useUpdateMatchPreferences(prefs.participantId), onSuccess: () => setSaved(true) });
  const edited = <T,>(set: (v: T) => void) => (v: T) => (set(v), setSaved(false));
  const values = {
    requiredLanguage: requiredLanguage || null,
    preferredGender: preferredGender || null,
    wantedExperience,
    preferredTimes,
  };
  return (
    <form noValidate onSubmit={form.onSubmit(values)}>
      <Stack gap="md">
        <NativeSelect
          label={mine ? t('preferences.requiredLanguage') : t('preferences.requiredLanguageTheirs')}
          value={requiredLanguage}
          onChange={(e) => edited(setRequiredLanguage)(e.currentTarget.value)}
          data={[{ value: '', label: t('preferences.noLanguageNeeded') }, ...languageChoices(words.format.locale, requiredLanguage || 'en')]}
          error={form.error('requiredLanguage')}
          w={{ base: '100%', xs: 360 }}
        />
        <Radio.Group label={t('preferences.preferredGender')} value={preferredGender} onChange={edited(setPreferredGender)} error={form.error('preferredGender')}>
          <Stack gap="xs" mt="xs">
            <Radio value="" label={t('preferences.noPreference')} />
            {matchGenders.map((g) => (
              <Radio key={g} value={g} label={t(`gender.${g}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <ExperienceChoices
          label={mine ? t('preferences.wantedExperience') : t('preferences.wantedExperienceTheirs')}
          value={wantedExperience}
          onChange={edited(setWantedExperience)}
          error={form.error('wantedExperience')}
        />
        <WeeklyTimesEditor
          legend={mine ? t('preferences.preferredTimes') : t('preferences.preferredTimesTheirs')}
          value={preferredTimes}
          onChange={edited(setPreferredTimes)}
          error={form.error}
          name="preferredTimes"
        />
        <FormError message={form.formError} />
        {saved && <Notice>{t('preferences.saved')}</Notice>}
        <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {mine ? t('preferences.save') : t('preferences.saveTheirs')}
        </Button>
      </Stack>
    </form>
  );
}
