import { Button, Checkbox, Group, NativeSelect, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceCategories, type ResourceCategory } from '../../../shared/resources/categories.js';
import { createReferralSchema, shareableItems, type Referral } from '../../../shared/schemas/referrals.js';
import { useParticipants } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { EmptyState, FormError, Loading } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { programTimeZone } from '../../roles.js';
import { useReferralActions } from './api.js';

interface Props {
  service: { id: string; name: string; categories: readonly ResourceCategory[] };
  /** The participant the search was made for, chosen already. */
  participantId?: string;
  onDone: (referral: Referral) => void;
}

/** A date a week from now on a clock, for the follow-up's first guess. */
function inAWeek(timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + 7 * 86_400_000));
}

/**
 * Refer someone on the caseload to this service: the need, what they agree to share, when to
 * follow up. "Send" needs the box saying they agreed; "Save as draft" does not.
 */
export function ReferralForm({ service, participantId, onDone }: Props) {
  const { t } = useTranslation('referrals');
  const { t: tr } = useTranslation('resources');
  const { user } = useSignedIn();
  const people = useParticipants();
  const { create } = useReferralActions();
  const caseload = (people.data ?? []).filter((p) => p.peerWorker?.id === user.id && p.status === 'active');
  const [values, setValues] = useState({
    participantId: participantId ?? '',
    category: service.categories[0] ?? 'housing',
    need: '',
    share: ['name', 'need'] as string[],
    consentNote: '',
    followUpOn: '',
    consent: false,
  });
  const set = (v: Partial<typeof values>) => setValues((old) => ({ ...old, ...v }));
  const chosen = caseload.find((p) => p.id === (values.participantId || caseload[0]?.id));
  const followUpOn = values.followUpOn || inAWeek(chosen ? programTimeZone(user, chosen.programId) : undefined);
  const form = useApiForm({ schema: createReferralSchema, send: (input) => create(chosen!.id, input), onSuccess: onDone });

  if (people.isPending) return <Loading />;
  if (caseload.length === 0) return <EmptyState>{t('form.noCaseload')}</EmptyState>;
  const name = chosen?.preferredName ?? '';

  return (
    <form
      noValidate
      onSubmit={(event) => {
        const send = (event.nativeEvent as SubmitEvent).submitter?.getAttribute('value') !== 'draft';
        form.onSubmit({
          serviceId: service.id,
          category: values.category,
          need: values.need,
          share: values.share,
          consentNote: values.consentNote.trim() || undefined,
          followUpOn,
          send,
          consentGiven: send ? values.consent : false,
        })(event);
      }}
    >
      <Stack gap="md">
        <NativeSelect
          label={t('form.participant')}
          value={chosen?.id ?? ''}
          onChange={(e) => set({ participantId: e.currentTarget.value })}
          data={caseload.map((p) => ({ value: p.id, label: p.preferredName }))}
        />
        <NativeSelect
          label={t('form.category')}
          value={values.category}
          onChange={(e) => set({ category: e.currentTarget.value as ResourceCategory })}
          data={resourceCategories.map((c) => ({ value: c, label: tr(`category.${c}`) }))}
          error={form.error('category')}
        />
        <Textarea label={t('form.need')} description={t('form.needHint')} required autosize minRows={2} value={values.need} onChange={(e) => set({ need: e.currentTarget.value })} error={form.error('need')} />
        <Checkbox.Group label={t('form.share')} value={values.share} onChange={(share) => set({ share })} error={form.error('share')}>
          <Stack gap={6} mt={6}>
            {shareableItems.map((item) => (
              <Checkbox key={item} value={item} label={t(`share.${item}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput label={t('form.consentNote')} value={values.consentNote} onChange={(e) => set({ consentNote: e.currentTarget.value })} error={form.error('consentNote')} />
        <TextInput type="date" label={t('form.followUpOn')} description={t('form.followUpHint')} required value={followUpOn} onChange={(e) => set({ followUpOn: e.currentTarget.value })} error={form.error('followUpOn')} />
        <Checkbox label={t('form.consent', { name })} checked={values.consent} onChange={(e) => set({ consent: e.currentTarget.checked })} error={form.error('consentGiven')} />
        <FormError message={form.formError} />
        <Group>
          <Button type="submit" value="send" loading={form.pending}>
            {t('form.send')}
          </Button>
          <Button type="submit" value="draft" variant="default" disabled={form.pending}>
            {t('form.draft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
