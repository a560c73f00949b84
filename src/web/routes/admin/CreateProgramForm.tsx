import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createProgramSchema, programSettings, type Program } from '../../../shared/schemas/tenancy.js';
import { useCreateProgram } from '../../api/admin.js';
import { useSignedIn } from '../../api/session.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';

/** A short name for links, from the program's name: lowercase ASCII words joined by dashes. */
function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

const browserTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZones = Intl.supportedValuesOf('timeZone');

export function CreateProgramForm({ onDone }: { onDone: (p: Program) => void }) {
  const { t } = useTranslation();
  // For staff, the session's crisis line is the server's default, used when a program names none.
  const { crisisLine: defaultCrisisLine } = useSignedIn();
  const [name, setName] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [setting, setSetting] = useState<string>(programSettings[0]);
  const [timeZone, setTimeZone] = useState(timeZones.includes(browserTimeZone) ? browserTimeZone : (timeZones[0] ?? 'UTC'));
  const [crisisLine, setCrisisLine] = useState('');
  const form = useApiForm({ schema: createProgramSchema, send: useCreateProgram(), onSuccess: onDone });
  // The short name follows the name until someone edits it.
  const shownSlug = slug ?? slugFrom(name);

  return (
    <form noValidate onSubmit={form.onSubmit({ name, slug: shownSlug, setting, timeZone, crisisLine: crisisLine.trim() || undefined })}>
      <Stack gap="md">
        <TextInput label={t('admin.programs.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.error('name')} />
        <TextInput
          label={t('admin.programs.slug')}
          description={t('admin.programs.slugHint')}
          required
          value={shownSlug}
          onChange={(e) => setSlug(e.currentTarget.value)}
          error={form.error('slug')}
        />
        <NativeSelect
          label={t('admin.programs.setting')}
          required
          value={setting}
          onChange={(e) => setSetting(e.currentTarget.value)}
          data={programSettings.map((s) => ({ value: s, label: t(`programSetting.${s}`) }))}
          error={form.error('setting')}
        />
        <NativeSelect
          label={t('admin.programs.timeZone')}
          description={t('admin.programs.timeZoneHint')}
          required
          value={timeZone}
          onChange={(e) => setTimeZone(e.currentTarget.value)}
          data={timeZones}
          error={form.error('timeZone')}
        />
        <TextInput
          label={t('admin.programs.crisisLine')}
          description={t('admin.programs.crisisLineHint', { crisisLine: defaultCrisisLine })}
          type="tel"
          value={crisisLine}
          onChange={(e) => setCrisisLine(e.currentTarget.value)}
          error={form.error('crisisLine')}
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('admin.programs.submit')}
        </Button>
      </Stack>
    </form>
  );
}
