import { Button, Checkbox, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeStatusSchema, type ParticipantProfile, type StatusChangeResult } from '../../../shared/schemas/profile.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useChangeStatus } from './api.js';

export function DischargeForm({ profile, onDone }: { profile: ParticipantProfile; onDone: (result: StatusChangeResult) => void }) {
  const { t } = useTranslation('profile');
  const [reason, setReason] = useState(profile.dischargeReason ?? '');
  // Continued support is the usual path after treatment: on unless it was already turned off.
  const [continuedSupport, setContinuedSupport] = useState(profile.status === 'discharged' ? profile.continuedSupport : true);
  const form = useApiForm({ schema: changeStatusSchema, send: useChangeStatus(profile.id), onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit({ status: 'discharged', reason, continuedSupport })}>
      <Stack gap="md">
        <Textarea
          label={t('status.dischargeReason')}
          description={t('status.dischargeReasonHint')}
          required
          autosize
          minRows={2}
          maxLength={500}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={form.error('reason')}
        />
        <Checkbox
          label={t('status.continuedSupport')}
          description={t('status.continuedSupportHint')}
          checked={continuedSupport}
          onChange={(e) => setContinuedSupport(e.currentTarget.checked)}
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('status.submit')}
        </Button>
      </Stack>
    </form>
  );
}
