import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgUsers } from '../../api/admin.js';
import { useParticipants } from '../../api/participants.js';
import { ParticipantList } from '../../components/ParticipantList.js';
import { ReassignPeerWorker } from '../../components/ReassignPeerWorker.js';
import { SubSection } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { peerWorkersOf } from '../../roles.js';

export function ParticipantsPanel() {
  const { t } = useTranslation();
  const list = useParticipants();
  const users = useOrgUsers();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <SubSection title={t('admin.participants.title')}>
      {notice && <Notice>{notice}</Notice>}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.length === 0 ? (
        <EmptyState>{t('admin.participants.empty')}</EmptyState>
      ) : (
        <ParticipantList
          participants={list.data}
          label={t('admin.participants.title')}
          showPeerWorker
          actions={(p) =>
            users.data && (
              <ReassignPeerWorker
                participant={p}
                choices={peerWorkersOf(users.data, p.programId)}
                choicesHint={t('reassign.programHint')}
                onDone={(updated) => setNotice(t('reassign.done', { name: updated.preferredName, peerWorker: updated.peerWorker?.displayName ?? '' }))}
              />
            )
          }
        />
      )}
    </SubSection>
  );
}
