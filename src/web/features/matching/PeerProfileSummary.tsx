import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { genders } from '../../../shared/schemas/journey.js';
import type { PeerWorkerShared } from '../../../shared/schemas/matching.js';
import { StackedDetails } from './StackedDetails.js';
import { useMatchingWords } from './words.js';

/** What a peer worker chose to share for matching, read-only. */
interface Props {
  profile: PeerWorkerShared;
  /** Shown only to those who see the whole profile (it is never shown to participants). */
  gender?: (typeof genders)[number] | null;
  withSettings?: boolean;
}

export function PeerProfileSummary({ profile, gender, withSettings = true }: Props) {
  const { t } = useTranslation('matching');
  const { t: tp } = useTranslation('profile');
  const words = useMatchingWords();
  const list = (items: string[]) => (items.length > 0 ? words.format.list(items) : t('profile.noneShared'));
  return (
    <StackedDetails
      items={[
        { label: t('profile.livedExperienceTheirs'), value: list(profile.livedExperience.map((c) => t(`experience.${c}`))) },
        { label: t('profile.languagesTheirs'), value: words.languages(profile.languages) },
        ...(gender !== undefined ? [{ label: t('profile.genderTheirs'), value: gender ? t(`gender.${gender}`) : t('profile.genderNotSaid') }] : []),
        ...(withSettings ? [{ label: t('profile.settingsTheirs'), value: list(profile.settings.map((s) => tp(`settings.${s}`))) }] : []),
        ...(profile.bio ? [{ label: t('profile.bioTheirs'), value: <Text style={{ whiteSpace: 'pre-wrap' }}>{profile.bio}</Text> }] : []),
      ]}
    />
  );
}
