import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParticipants } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { ParticipantList } from '../../components/ParticipantList.js';
import { ReassignPeerWorker } from '../../components/ReassignPeerWorker.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { peerWorkersSeen, programsWhere } from '../../roles.js';
import { FlagRulesPanel } from '../../features/caseload/FlagRulesPanel.js';
import { SupervisorAlerts } from '../../features/caseload/SupervisorAlerts.js';
import { GroupsAndMeetingsHome } from '../../features/groups/GroupsAndMeetingsHome.js';
import { ReportsHomeLink } from '../../features/outcomes/ReportsHomeLink.js';
import { WorkforceHomeLink } from '../../features/workforce/WorkforceHomeLinks.js';

export function SupervisorHome() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const list = useParticipants();
  const [notice, setNotice] = useState<string | null>(null);
  const supervised = new Set(programsWhere(user, ['supervisor']).map((p) => p.id));
  const participants = list.data?.filter((p) => supervised.has(p.programId)) ?? [];

  return (
    <>
      <SupervisorAlerts />
      <WorkforceHomeLink as="supervisor" />
      <Section title={t('home.supervisor.title')} testId="home-supervisor">
        {notice && <Notice>{notice}</Notice>}
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : participants.length === 0 ? (
          <EmptyState>{t('home.supervisor.empty')}</EmptyState>
        ) : (
          <ParticipantList
            participants={participants}
            label={t('home.supervisor.title')}
            showPeerWorker
            actions={(p) => (
              <ReassignPeerWorker
                participant={p}
                choices={peerWorkersSeen(list.data ?? [], p.programId)}
                choicesHint={t('reassign.seenHint')}
                onDone={(updated) => setNotice(t('reassign.done', { name: updated.preferredName, peerWorker: updated.peerWorker?.displayName ?? '' }))}
              />
            )}
          />
        )}
      </Section>
      <GroupsAndMeetingsHome as="staff" />
      <ReportsHomeLink />
      <FlagRulesPanel programs={programsWhere(user, ['supervisor'])} />
    </>
  );
}
