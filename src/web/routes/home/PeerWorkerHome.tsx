import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParticipants } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { DialogButton } from '../../components/DialogButton.js';
import { ParticipantList } from '../../components/ParticipantList.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { programsWhere } from '../../roles.js';
import { EnrolParticipantForm } from './EnrolParticipantForm.js';

export function PeerWorkerHome() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const list = useParticipants();
  const [notice, setNotice] = useState<string | null>(null);
  // The caseload is who this person walks alongside, whatever other roles also let them see.
  const caseload = list.data?.filter((p) => p.peerWorker?.id === user.id) ?? [];
  const programs = programsWhere(user, ['peer_worker', 'supervisor', 'org_admin']);

  const enrol = programs.length > 0 && (
    <DialogButton label={t('enrol.title')} title={t('enrol.title')}>
      {(close) => (
        <EnrolParticipantForm
          programs={programs}
          onDone={(p) => {
            close();
            setNotice(t('enrol.done', { name: p.preferredName }));
          }}
        />
      )}
    </DialogButton>
  );

  return (
    <Section title={t('home.peerWorker.title')} testId="home-peer_worker" actions={enrol}>
      {notice && <Notice>{notice}</Notice>}
      <div data-testid="caseload">
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : caseload.length === 0 ? (
          <EmptyState>{t('home.peerWorker.empty')}</EmptyState>
        ) : (
          <ParticipantList participants={caseload} label={t('home.peerWorker.title')} />
        )}
      </div>
    </Section>
  );
}
