import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { ReminderSetting } from '../notifications/ReminderSetting.js';
import { AboutForm } from './AboutForm.js';
import { useProfile } from './api.js';
import { CountingChoice } from './CountingChoice.js';
import { DemographicsForm } from './DemographicsForm.js';
import { StatusPanel } from './StatusPanel.js';
import { MatchPreferencesSection } from '../matching/MatchPreferencesSection.js';

function Profile({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('profile');
  const mine = participant.relationship === 'self';
  const profile = useProfile(participant.id);
  return (
    <>
      <BackHome small />
      <PageTitle>{mine ? t('titleMine') : t('titleTheirs', { name: participant.preferredName })}</PageTitle>
      {profile.isPending ? (
        <Loading />
      ) : profile.isError ? (
        <LoadError error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <>
          <AboutForm profile={profile.data} mine={mine} />
          <MatchPreferencesSection participant={participant} />
          <Section title={mine ? t('choices.titleMine') : t('choices.title')} plain>
            <CountingChoice profile={profile.data} />
            {profile.data.can.reminder.read && <ReminderSetting participantId={participant.id} canWrite={profile.data.can.reminder.write} />}
            {profile.data.can.editPersonal && <DemographicsForm profile={profile.data} mine={mine} />}
            {profile.data.can.changeStatus && <StatusPanel profile={profile.data} />}
          </Section>
        </>
      )}
    </>
  );
}

export function ProfilePage() {
  return <WithParticipant>{(participant) => <Profile participant={participant} />}</WithParticipant>;
}
