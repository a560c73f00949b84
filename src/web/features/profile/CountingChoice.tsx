import { Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantProfile } from '../../../shared/schemas/profile.js';
import { SubSection } from '../../components/Section.js';
import { FormError, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useUpdateProfile } from './api.js';

/** Whether days are counted: the participant's choice, saved as soon as it is made. */
export function CountingChoice({ profile }: { profile: ParticipantProfile }) {
  const { t } = useTranslation('profile');
  const update = useUpdateProfile(profile.id);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (!profile.can.editPersonal) {
    return (
      <SubSection title={t('counting.title')}>
        <Text>{profile.countsDays ? t('counting.theirsOn') : t('counting.theirsOff')}</Text>
      </SubSection>
    );
  }
  const choose = (countsDays: boolean) => {
    setPending(true);
    setError(null);
    setMessage(null);
    update({ countsDays })
      .then((p) => setMessage(p.countsDays ? t('counting.savedOn') : t('counting.savedOff')))
      .catch(setError)
      .finally(() => setPending(false));
  };
  return (
    <SubSection title={t('counting.title')}>
      <Stack gap="sm">
        <Switch
          size="md"
          label={t('counting.switch')}
          description={t('counting.hint')}
          checked={profile.countsDays}
          disabled={pending}
          onChange={(e) => choose(e.currentTarget.checked)}
          data-testid="counts-days"
        />
        {message && <Notice>{message}</Notice>}
        <FormError message={error ? describeError(error) : null} />
      </Stack>
    </SubSection>
  );
}
