import { Button, Checkbox, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { participantSettings, recoveryPathways, substances } from '../../../shared/schemas/journey.js';
import { updateParticipantProfileSchema, type ParticipantProfile } from '../../../shared/schemas/profile.js';
import { Section } from '../../components/Section.js';
import { FormError, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useFormat } from '../../i18n/format.js';
import { useUpdateProfile } from './api.js';
import { languageChoices } from './languages.js';

/** The record's everyday fields. Staff who may edit the record change them too. */
export function AboutForm({ profile, mine }: { profile: ParticipantProfile; mine: boolean }) {
  const { t } = useTranslation('profile');
  const { locale } = useFormat();
  const [preferredName, setPreferredName] = useState(profile.preferredName);
  const [pronouns, setPronouns] = useState(profile.pronouns ?? '');
  const [preferredLanguage, setPreferredLanguage] = useState(profile.preferredLanguage);
  const [setting, setSetting] = useState<string>(profile.setting);
  const [pathways, setPathways] = useState<string[]>(profile.pathways);
  // Only the vocabulary can be sent back; an older free value would make the save fail.
  const [focus, setFocus] = useState<string[]>(profile.substances.filter((s) => (substances as readonly string[]).includes(s)));
  const [saved, setSaved] = useState(false);
  const form = useApiForm({ schema: updateParticipantProfileSchema, send: useUpdateProfile(profile.id), onSuccess: () => setSaved(true) });
  const edited = <T,>(set: (v: T) => void) => (v: T) => (set(v), setSaved(false));
  const readOnly = !profile.can.edit;

  return (
    <Section title={mine ? t('about.titleMine') : t('about.title')} testId="profile-about">
      <form noValidate onSubmit={form.onSubmit({ preferredName, pronouns: pronouns.trim() || null, preferredLanguage, setting, pathways, substances: focus })}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('about.preferredName')}
              description={mine ? t('about.preferredNameHint') : t('about.preferredNameHintTheirs')}
              required
              readOnly={readOnly}
              value={preferredName}
              onChange={(e) => edited(setPreferredName)(e.currentTarget.value)}
              error={form.error('preferredName')}
            />
            <TextInput
              label={t('about.pronouns')}
              description={t('about.pronounsHint')}
              readOnly={readOnly}
              value={pronouns}
              onChange={(e) => edited(setPronouns)(e.currentTarget.value)}
              error={form.error('pronouns')}
            />
            <NativeSelect
              label={t('about.language')}
              disabled={readOnly}
              value={preferredLanguage}
              onChange={(e) => edited(setPreferredLanguage)(e.currentTarget.value)}
              data={languageChoices(locale, preferredLanguage)}
              error={form.error('preferredLanguage')}
            />
            <NativeSelect
              label={mine ? t('about.setting') : t('about.settingTheirs')}
              disabled={readOnly}
              value={setting}
              onChange={(e) => edited(setSetting)(e.currentTarget.value)}
              data={participantSettings.map((s) => ({ value: s, label: t(`settings.${s}`) }))}
              error={form.error('setting')}
            />
          </SimpleGrid>
          <Checkbox.Group label={t('about.pathways')} description={t('about.pathwaysHint')} value={pathways} onChange={edited(setPathways)} error={form.error('pathways')}>
            <Stack gap="xs" mt="xs">
              {recoveryPathways.map((p) => (
                <Checkbox key={p} value={p} label={t(`pathways.${p}`)} disabled={readOnly} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group label={t('about.substances')} description={mine ? t('about.substancesHint') : t('about.substancesHintTheirs')} value={focus} onChange={edited(setFocus)} error={form.error('substances')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
              {substances.map((s) => (
                <Checkbox key={s} value={s} label={t(`substances.${s}`)} disabled={readOnly} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <FormError message={form.formError} />
          {saved && <Notice>{t('saved')}</Notice>}
          {!readOnly && (
            <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
              {t('save')}
            </Button>
          )}
        </Stack>
      </form>
    </Section>
  );
}
