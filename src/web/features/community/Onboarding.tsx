import { Alert, Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.js';
import type { CommunityMe } from '../../../shared/schemas/community.js';
import { useCommunityActions } from './api.js';

/** What the community is and is not, and where to get help now: shown until the person says they read it. */
export function Onboarding({ me }: { me: CommunityMe }) {
  const { t } = useTranslation('community');
  const actions = useCommunityActions();
  return (
    <Alert color="pine" title={t('onboarding.title')} data-testid="community-onboarding">
      <Stack gap="xs">
        <Text>{t('onboarding.what')}</Text>
        <Text fw={600}>{t('onboarding.notCrisis', { crisisLine: me.crisisLine })}</Text>
        <Text>{t('onboarding.names')}</Text>
        {me.member && !me.member.onboarded && (
          <Button onClick={() => void actions.onboarded()} style={{ alignSelf: 'flex-start' }}>
            {t('onboarding.gotIt')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Choosing a community name (never one's legal name). */
export function JoinForm() {
  const { t } = useTranslation('community');
  const actions = useCommunityActions();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        actions.join(name).catch((err: unknown) => setError(isApiError(err) ? err.message : String(err)));
      }}
    >
      <Stack gap="sm" maw={420}>
        <TextInput label={t('join.name')} description={t('join.nameHelp')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} required />
        <Button type="submit" style={{ alignSelf: 'flex-start' }}>
          {t('join.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** The guidelines, accepted once with the first post. */
export function GuidelinesCheck({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useTranslation('community');
  return (
    <Stack gap={4}>
      <Text fz="sm">{t('guidelines.text')}</Text>
      <Checkbox label={t('guidelines.accept')} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
    </Stack>
  );
}
