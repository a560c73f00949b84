import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../api/session.js';
import { DialogButton } from '../../components/DialogButton.js';
import { Section } from '../../components/Section.js';
import { Notice } from '../../components/Status.js';
import { AlertsInbox } from '../../features/alerts/AlertsInbox.js';
import { caseloadKey } from '../../features/caseload/api.js';
import { CaseloadList } from '../../features/caseload/CaseloadList.js';
import { TaskList } from '../../features/tasks/TaskList.js';
import { programsWhere } from '../../roles.js';
import { EnrolParticipantForm } from './EnrolParticipantForm.js';
import { MessagesButton } from '../../features/messaging/MessagesHomeLinks.js';
import { MyMatchingProfileLink } from '../../features/matching/MatchingProfileLinks.js';
import { UpcomingAppointments } from '../../features/appointments/UpcomingAppointments.js';
import { GroupsAndMeetingsHome } from '../../features/groups/GroupsAndMeetingsHome.js';
import { ResourceTiles } from '../../features/referrals/ResourceTiles.js';
import { WorkforceHomeLink } from '../../features/workforce/WorkforceHomeLinks.js';

export function PeerWorkerHome() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const programs = programsWhere(user, ['peer_worker', 'supervisor', 'org_admin']);

  const enrol = programs.length > 0 && (
    <DialogButton label={t('enrol.title')} title={t('enrol.title')}>
      {(close) => (
        <EnrolParticipantForm
          programs={programs}
          onDone={(p) => {
            close();
            setNotice(t('enrol.done', { name: p.preferredName }));
            void queryClient.invalidateQueries({ queryKey: caseloadKey });
          }}
        />
      )}
    </DialogButton>
  );

  return (
    <>
      <Section title={t('home.peerWorker.title')} testId="home-peer_worker" actions={enrol}>
        {notice && <Notice>{notice}</Notice>}
        <div data-testid="caseload">
          <CaseloadList />
        </div>
        <UpcomingAppointments />
        <MessagesButton />
        <MyMatchingProfileLink />
        <GroupsAndMeetingsHome as="staff" />
        <ResourceTiles as="staff" />
        <WorkforceHomeLink as="peer" />
      </Section>
      <AlertsInbox />
      <TaskList />
    </>
  );
}
