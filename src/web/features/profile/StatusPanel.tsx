import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ParticipantProfile, StatusChangeResult } from '../../../shared/schemas/profile.js';
import { DialogButton } from '../../components/DialogButton.js';
import { SubSection } from '../../components/Section.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useFormat } from '../../i18n/format.js';
import { useChangeStatus } from './api.js';
import { DischargeForm } from './DischargeForm.js';

function ReturnToActive({ profile, close }: { profile: ParticipantProfile; close: () => void }) {
  const { t } = useTranslation('profile');
  const change = useChangeStatus(profile.id);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <Stack gap="md">
      <Text>{t('status.returnActiveBody')}</Text>
      <FormError message={error ? describeError(error) : null} />
      <Button
        loading={pending}
        onClick={() => {
          setPending(true);
          change({ status: 'active' })
            .then(close)
            .catch(setError)
            .finally(() => setPending(false));
        }}
      >
        {t('status.confirmReturn')}
      </Button>
    </Stack>
  );
}

/** Discharge and transition, for the staff who may decide them. */
export function StatusPanel({ profile }: { profile: ParticipantProfile }) {
  const { t } = useTranslation('profile');
  const format = useFormat();
  const navigate = useNavigate();
  const discharged = profile.status === 'discharged';
  const done = (close: () => void) => (result: StatusChangeResult) => {
    close();
    // Ending one's own support takes the record off one's caseload: there is nothing left to show here.
    if (!result.stillVisible) navigate('/', { replace: true });
  };
  const dischargeLabel = discharged ? t('status.changeDischarge') : t('status.discharge');
  return (
    <SubSection title={t('status.title')}>
      <Stack gap={4} data-testid="profile-status">
        {discharged ? (
          <>
            <Text fw={600}>{t('status.discharged', { date: format.date(profile.dischargedAt!, profile.timeZone) })}</Text>
            {profile.dischargeReason && <Text>{t('status.reason', { reason: profile.dischargeReason })}</Text>}
            <Text>{profile.continuedSupport ? t('status.continued') : t('status.notContinued')}</Text>
          </>
        ) : (
          <Text>{t('status.active')}</Text>
        )}
      </Stack>
      <Group gap="sm">
        <DialogButton label={dischargeLabel} title={t('status.dischargeTitle', { name: profile.preferredName })} button={{ variant: 'light', color: 'clay' }}>
          {(close) => <DischargeForm profile={profile} onDone={done(close)} />}
        </DialogButton>
        {discharged && (
          <DialogButton label={t('status.returnActive')} title={t('status.returnActiveTitle', { name: profile.preferredName })} button={{ variant: 'light' }}>
            {(close) => <ReturnToActive profile={profile} close={close} />}
          </DialogButton>
        )}
      </Group>
    </SubSection>
  );
}
