import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { Details } from '../../components/Details.js';
import { Section } from '../../components/Section.js';
import { CheckInHomeAction } from '../../features/checkins/CheckInHomeAction.js';
import { CopingHomeLink } from '../../features/coping/CopingHomeLink.js';
import { CravingButton } from '../../features/coping/CravingButton.js';
import { GoalsHomeLink } from '../../features/goals/GoalsHomeLink.js';
import { MessagesHomeTile } from '../../features/messaging/MessagesHomeLinks.js';
import { JournalHomeLink } from '../../features/journal/JournalLinks.js';
import { MeasuresHomeLink } from '../../features/measures/MeasuresHomeLink.js';
import { GroupsAndMeetingsHome } from '../../features/groups/GroupsAndMeetingsHome.js';
import { MilestonesHome } from '../../features/milestones/MilestonesHome.js';
import { MyProfileLink } from '../../features/profile/ProfileLinks.js';
import { ResourceTiles } from '../../features/referrals/ResourceTiles.js';
import { UpcomingAppointments } from '../../features/appointments/UpcomingAppointments.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { programTimeZone } from '../../roles.js';
import { PrivacyHomeLink, RepresentedHomeLinks } from '../../features/consents/PrivacyHomeLink.js';

export function ParticipantHome() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormat();
  const record = useParticipant(user.participantId);
  const me = record.data;
  return (
    <Section title={t('home.participant.title')} testId="home-participant">
      <Text>{t('home.participant.welcome')}</Text>
      {!user.participantId && <RepresentedHomeLinks />}
      {user.participantId && <CravingButton />}
      {user.participantId && <CheckInHomeAction participantId={user.participantId} />}
      {user.participantId && <MilestonesHome participantId={user.participantId} />}
      {user.participantId && <UpcomingAppointments />}
      {!user.participantId ? null : record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <LoadError error={record.error} onRetry={() => void record.refetch()} />
      ) : me ? (
        <>
          <Text fw={500}>
            {me.peerWorker ? t('home.participant.peerWorker', { name: me.peerWorker.displayName }) : t('home.participant.noPeerWorker')}
          </Text>
          <Details
            items={[
              { label: t('participant.program'), value: me.programName },
              { label: t('participant.peerWorker'), value: me.peerWorker?.displayName ?? t('participant.noPeerWorker') },
              { label: t('participant.enrolled'), value: format.date(me.enrolledAt, programTimeZone(user, me.programId)) },
            ]}
          />
        </>
      ) : null}
      {user.participantId && <MessagesHomeTile participantId={user.participantId} peerWorkerName={me?.peerWorker?.displayName} />}
      {user.participantId && <GoalsHomeLink participantId={user.participantId} />}
      {user.participantId && <CopingHomeLink participantId={user.participantId} />}
      {user.participantId && <JournalHomeLink participantId={user.participantId} />}
      {user.participantId && <MeasuresHomeLink />}
      {user.participantId && <GroupsAndMeetingsHome as="participant" />}
      {user.participantId && <MyProfileLink participantId={user.participantId} />}
      {user.participantId && <PrivacyHomeLink participantId={user.participantId} />}
      {user.participantId && <ResourceTiles as="participant" />}
    </Section>
  );
}
