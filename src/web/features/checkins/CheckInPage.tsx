import { Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../shared/schemas/checkins.js';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoadError, Loading } from '../../components/Status.js';
import { CheckInForm } from './CheckInForm.js';
import { ThankYou } from './ThankYou.js';

/** The participant's own check-in, then a thank-you in place of the form. */
export function CheckInPage() {
  const { t } = useTranslation('checkins');
  const { user } = useSignedIn();
  const record = useParticipant(user.participantId);
  const [done, setDone] = useState<CheckIn | null>(null);
  const peerWorkerName = record.data?.peerWorker?.displayName ?? null;

  let body;
  if (!user.participantId) body = <Text>{t('form.notParticipant')}</Text>;
  else if (record.isPending) body = <Loading />;
  else if (record.isError) body = <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  else if (done) body = <ThankYou checkIn={done} peerWorkerName={peerWorkerName} />;
  else {
    body = (
      <>
        <Text>{t('form.intro')}</Text>
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} shadow="xs">
          <CheckInForm participantId={user.participantId} peerWorkerName={peerWorkerName} onDone={setDone} />
        </Paper>
      </>
    );
  }
  return (
    <>
      <BackHome small />
      <PageTitle>{t('form.title')}</PageTitle>
      {body}
    </>
  );
}
