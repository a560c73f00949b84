import { Button, Group, NativeSelect, Stack, Textarea, Checkbox } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeReferralStatusSchema, unmetReasons, type Referral, type ReferralStatus } from '../../../shared/schemas/referrals.js';
import { SubSection } from '../../components/Section.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useReferralActions } from './api.js';

/** The peer worker moves the referral on: only the changes its lifecycle allows from here are offered. */
export function StatusActions({ referral, onDone }: { referral: Referral; onDone: (r: Referral) => void }) {
  const { t } = useTranslation('referrals');
  const { changeStatus } = useReferralActions();
  const [to, setTo] = useState<ReferralStatus | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState<string>('');
  const [consent, setConsent] = useState(false);
  const form = useApiForm({
    schema: changeReferralStatusSchema,
    send: (input) => changeStatus(referral, input),
    onSuccess: (r) => {
      setTo(null);
      setNote('');
      onDone(r);
    },
  });
  if (referral.can.changeStatusTo.length === 0) return null;
  return (
    <SubSection title={t('actions.title')}>
      <Group gap="xs">
        {referral.can.changeStatusTo.map((s) => (
          <Button key={s} variant={to === s ? 'filled' : 'light'} aria-pressed={to === s} onClick={() => setTo(s)}>
            {t(`actions.${s}` as 'actions.sent')}
          </Button>
        ))}
      </Group>
      {to && (
        <form
          noValidate
          onSubmit={form.onSubmit({ to, note: note.trim() || undefined, reason: to === 'closed_unmet' ? reason || undefined : undefined, consentGiven: to === 'sent' ? consent : undefined })}
        >
          <Stack gap="sm">
            {to === 'closed_unmet' && (
              <NativeSelect
                label={t('actions.reason')}
                required
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
                data={[{ value: '', label: '—' }, ...unmetReasons.map((r) => ({ value: r, label: t(`reason.${r}`) }))]}
                error={form.error('reason')}
              />
            )}
            {to === 'sent' && <Checkbox label={t('actions.consent', { name: referral.participantName })} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} error={form.error('consentGiven')} />}
            <Textarea label={t('actions.note')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.error('note')} />
            <FormError message={form.formError} />
            <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
              {t('actions.confirm')}
            </Button>
          </Stack>
        </form>
      )}
    </SubSection>
  );
}
