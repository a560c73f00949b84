import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { helpedAnswers, reportVisitSchema, type Referral } from '../../../shared/schemas/referrals.js';
import { SubSection } from '../../components/Section.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useReferralActions } from './api.js';

/** The participant's own word: did they go, did it help. */
export function VisitReport({ referral, onDone }: { referral: Referral; onDone: (r: Referral, message: string) => void }) {
  const { t } = useTranslation('referrals');
  const { reportVisit } = useReferralActions();
  const [went, setWent] = useState<string>(referral.participantReport ? (referral.participantReport.went ? 'yes' : 'no') : '');
  const [helped, setHelped] = useState<string>(referral.participantReport?.helped ?? '');
  const [comment, setComment] = useState('');
  const form = useApiForm({
    schema: reportVisitSchema,
    send: (input) => reportVisit(referral, input),
    onSuccess: (r) => onDone(r, r.status === 'completed' && r.participantReport?.helped === 'yes' ? t('visit.done') : t('visit.thanks')),
  });
  // Once they have said it helped and the referral is complete, the answer stands (their peer worker follows up otherwise).
  if (!referral.can.reportVisit || (referral.status === 'completed' && referral.participantReport?.went)) return null;
  return (
    <SubSection title={t('visit.section')}>
      <form noValidate onSubmit={form.onSubmit({ went: went === 'yes', helped: went === 'yes' ? helped || undefined : undefined, comment: comment.trim() || undefined })}>
        <Stack gap="sm">
          <Radio.Group label={t('visit.title')} value={went} onChange={setWent} required>
            <Group gap="lg" mt={6}>
              <Radio value="yes" label={t('visit.went')} />
              <Radio value="no" label={t('visit.notYet')} />
            </Group>
          </Radio.Group>
          {went === 'yes' && (
            <Radio.Group label={t('visit.helped')} value={helped} onChange={setHelped} required error={form.error('helped')}>
              <Group gap="lg" mt={6}>
                {helpedAnswers.map((h) => (
                  <Radio key={h} value={h} label={t(`visit.${h}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
          <Textarea label={t('visit.comment')} autosize minRows={2} value={comment} onChange={(e) => setComment(e.currentTarget.value)} error={form.error('comment')} />
          <FormError message={form.formError} />
          <Button type="submit" loading={form.pending} disabled={went === ''} style={{ alignSelf: 'flex-start' }}>
            {t('visit.save')}
          </Button>
        </Stack>
      </form>
    </SubSection>
  );
}
