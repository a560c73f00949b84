import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ageRanges,
  genderIdentities,
  incomeRanges,
  justiceInvolvements,
  preferNotToSay,
  raceEthnicities,
  sexualOrientations,
  updateParticipantProfileSchema,
  veteranStatuses,
  type Demographics,
  type ParticipantProfile,
} from '../../../shared/schemas/profile.js';
import { SubSection } from '../../components/Section.js';
import { FormError, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useUpdateProfile } from './api.js';

type SingleField = Exclude<keyof Demographics, 'raceEthnicity'>;
const singleChoice: Array<[SingleField, readonly string[]]> = [
  ['ageRange', ageRanges],
  ['genderIdentity', genderIdentities],
  ['sexualOrientation', sexualOrientations],
  ['incomeRange', incomeRanges],
  ['veteran', veteranStatuses],
  ['justiceInvolved', justiceInvolvements],
];

/** Self-described answers for equity reporting, each optional, each with "prefer not to say". */
export function DemographicsForm({ profile, mine }: { profile: ParticipantProfile; mine: boolean }) {
  const { t } = useTranslation('profile');
  const [answers, setAnswers] = useState<Demographics>(profile.demographics ?? {});
  const [saved, setSaved] = useState(false);
  const form = useApiForm({ schema: updateParticipantProfileSchema, send: useUpdateProfile(profile.id), onSuccess: () => setSaved(true) });
  const option = (value: string) => t(`demographics.options.${value}` as 'demographics.options.prefer_not_to_say');
  const set = (next: Demographics) => (setAnswers(next), setSaved(false));
  const race = answers.raceEthnicity ?? [];

  return (
    <SubSection title={t('demographics.title')}>
      <Text fz="sm">{mine ? t('demographics.intro') : t('demographics.introTheirs', { name: profile.preferredName })}</Text>
      <form noValidate onSubmit={form.onSubmit({ demographics: answers })}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            {singleChoice.map(([field, values]) => (
              <NativeSelect
                key={field}
                label={t(`demographics.${field}`)}
                value={answers[field] ?? ''}
                onChange={(e) => set({ ...answers, [field]: e.currentTarget.value || undefined })}
                data={[{ value: '', label: t('demographics.notAnswered') }, ...values.map((v) => ({ value: v, label: option(v) }))]}
                error={form.error(`demographics.${field}`)}
              />
            ))}
          </SimpleGrid>
          <Checkbox.Group
            label={t('demographics.raceEthnicity')}
            description={t('demographics.raceEthnicityHint')}
            value={race}
            // "Prefer not to say" stands alone: choosing it clears the rest, choosing another clears it.
            onChange={(next) => {
              const added = next.find((v) => !race.includes(v as never));
              const chosen = added === preferNotToSay ? [preferNotToSay] : next.filter((v) => v !== preferNotToSay);
              set({ ...answers, raceEthnicity: chosen.length ? (chosen as Demographics['raceEthnicity']) : undefined });
            }}
            error={form.error('demographics.raceEthnicity')}
          >
            <Stack gap="xs" mt="xs">
              {raceEthnicities.map((v) => (
                <Checkbox key={v} value={v} label={option(v)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <FormError message={form.formError} />
          {saved && <Notice>{t('saved')}</Notice>}
          <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
            {t('demographics.save')}
          </Button>
        </Stack>
      </form>
    </SubSection>
  );
}
