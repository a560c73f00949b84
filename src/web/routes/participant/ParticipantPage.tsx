import { Badge, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { Details } from '../../components/Details.js';
import { PageTitle } from '../../components/PageTitle.js';
import { ParticipantCheckIns } from '../../features/checkins/ParticipantCheckIns.js';
import { ParticipantMeasures } from '../../features/measures/ParticipantMeasures.js';
import { CopingOverview } from '../../features/coping/CopingOverview.js';
import { GoalsOverview } from '../../features/goals/GoalsOverview.js';
import { JournalOverview } from '../../features/journal/JournalLinks.js';
import { ParticipantReferrals } from '../../features/referrals/ParticipantReferrals.js';
import { SafetyPlanOverview } from '../../features/safety-plan/SafetyPlanOverview.js';
import { MilestonesSummary } from '../../features/milestones/MilestonesSummary.js';
import { ParticipantRecordLink } from '../../features/profile/ProfileLinks.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { programTimeZone } from '../../roles.js';
import { NotYoursPage } from '../NotFoundPage.js';
import { AuditTrail } from './AuditTrail.js';
import { NotesOverview } from '../../features/notes/NotesOverview.js';
import { ConsentLinks } from '../../features/consents/ConsentLinks.js';
import { DataRequestsLink } from '../../features/privacy/DataRequestsLink.js';
import { AttendanceSummary } from '../../features/groups/AttendanceSummary.js';
import { ParticipantAppointments } from '../../features/appointments/ParticipantAppointments.js';
import { MessageParticipantButton } from '../../features/messaging/MessageParticipantButton.js';
import { FindPeerWorkerPanel } from '../../features/matching/FindPeerWorkerPanel.js';
import { ParticipantAlerts } from '../../features/alerts/ParticipantAlerts.js';

export function ParticipantPage() {
  const { id = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success;
  const record = useParticipant(valid ? id : null);
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormat();

  if (!valid || isApiError(record.error, 404)) return <NotYoursPage />;
  if (record.isPending) return <Loading />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  const p = record.data;
  return (
    <>
      <BackHome small />
      <PageTitle>{p.preferredName}</PageTitle>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} data-testid="participant-record">
        <Stack gap="sm">
          <Details
            items={[
              { label: t('participant.pronouns'), value: p.pronouns ?? t('participant.notShared') },
              { label: t('participant.program'), value: p.programName },
              { label: t('participant.peerWorker'), value: p.peerWorker?.displayName ?? t('participant.noPeerWorker') },
              { label: t('participant.enrolled'), value: format.date(p.enrolledAt, programTimeZone(user, p.programId)) },
              {
                label: t('participant.statusLabel'),
                value: (
                  <Badge color={p.status === 'active' ? 'pine' : 'sand'} variant="light">
                    {t(`participant.status.${p.status}`)}
                  </Badge>
                ),
              },
            ]}
          />
          {p.can.access.groups.read && <AttendanceSummary participantId={p.id} />}
          <ParticipantRecordLink participant={p} />
          <MessageParticipantButton participant={p} />
          <ConsentLinks participant={p} />
          <DataRequestsLink participant={p} />
        </Stack>
      </Paper>
      <ParticipantAlerts participant={p} />
      {p.can.access.contact_notes.read && <NotesOverview participant={p} />}
      {p.can.access.appointments.read && <ParticipantAppointments participant={p} />}
      <FindPeerWorkerPanel participant={p} />
      <SafetyPlanOverview participant={p} />
      <MilestonesSummary participant={p} />
      <ParticipantCheckIns participant={p} />
      <ParticipantMeasures participant={p} />
      {p.can.access.goals.read && <GoalsOverview participant={p} />}
      {p.can.access.coping.read && <CopingOverview participant={p} />}
      <JournalOverview participant={p} />
      <ParticipantReferrals participant={p} />
      {p.can.viewAudit && <AuditTrail participantId={p.id} />}
    </>
  );
}
