import { Container } from '@mantine/core';
import { useEffect } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useSession } from './api/session.js';
import { RequireSession, SignedOutOnly } from './components/RequireSession.js';
import { LoadError, Loading } from './components/Status.js';
import { CheckInHistoryPage } from './features/checkins/CheckInHistoryPage.js';
import { CheckInPage } from './features/checkins/CheckInPage.js';
import { CopingLibraryPage } from './features/coping/CopingLibraryPage.js';
import { CopingPage } from './features/coping/CopingPage.js';
import { CravingFlowPage } from './features/coping/CravingFlowPage.js';
import { GoalsPage } from './features/goals/GoalsPage.js';
import { JournalPage } from './features/journal/JournalPage.js';
import { OwnMeasuresRoutes, ParticipantMeasuresRoutes } from './features/measures/MeasuresRoutes.js';
import { MilestonesPage } from './features/milestones/MilestonesPage.js';
import { NotificationsPage } from './features/notifications/NotificationsPage.js';
import { AttendancePage } from './features/groups/AttendancePage.js';
import { GroupPage } from './features/groups/GroupPage.js';
import { GroupsPage } from './features/groups/GroupsPage.js';
import { MeetingFinderPage } from './features/meetings/MeetingFinderPage.js';
import { MeetingImportPage } from './features/meetings/MeetingImportPage.js';
import { MeetingPage } from './features/meetings/MeetingPage.js';
import { ConversationPage } from './features/messaging/ConversationPage.js';
import { MessagesPage } from './features/messaging/MessagesPage.js';
import { JoinPage } from './features/profile/JoinPage.js';
import { ProfilePage } from './features/profile/ProfilePage.js';
import { PeerProfilePage } from './features/matching/PeerProfilePage.js';
import { SafetyPlanPage } from './features/safety-plan/SafetyPlanPage.js';
import { ResourcesPage } from './features/resources/ResourcesPage.js';
import { ResourceFormPage } from './features/resources/ResourceFormPage.js';
import { ServicePage } from './features/resources/ServicePage.js';
import { ReferralPage } from './features/referrals/ReferralPage.js';
import { ReferralsPage } from './features/referrals/ReferralsPage.js';
import { ClinicianViewPage } from './features/consents/ClinicianViewPage.js';
import { ConsentPage } from './features/consents/ConsentPage.js';
import { IntegrationClientsPage } from './features/consents/IntegrationClientsPage.js';
import { PrivacyPage } from './features/consents/PrivacyPage.js';
import { DataRequestsPage } from './features/privacy/DataRequestsPage.js';
import { CommunityPage } from './features/community/CommunityPage.js';
import { SpacePage } from './features/community/SpacePage.js';
import { ThreadPage } from './features/community/ThreadPage.js';
import { ModerationPage } from './features/community/ModerationPage.js';
import { RoomPage } from './features/community/RoomPage.js';
import { BlocksPage } from './features/community/BlocksPage.js';
import { MyModerationPage } from './features/community/MyModerationPage.js';
import { EditSpacePage, NewSpacePage } from './features/community/SpaceFormPage.js';
import { StoryFormPage } from './features/community/StoryFormPage.js';
import { TransparencyPage } from './features/community/TransparencyPage.js';
import { applyLocale } from './i18n/locale.js';
import { AcceptInvitationPage } from './routes/auth/AcceptInvitationPage.js';
import { ForgotPasswordPage } from './routes/auth/ForgotPasswordPage.js';
import { ResetPasswordPage } from './routes/auth/ResetPasswordPage.js';
import { SignInPage } from './routes/auth/SignInPage.js';
import { HomePage } from './routes/home/HomePage.js';
import { NotFoundPage } from './routes/NotFoundPage.js';
import { ParticipantPage } from './routes/participant/ParticipantPage.js';
import { NewNotePage } from './features/notes/NewNotePage.js';
import { NotesPage } from './features/notes/NotesPage.js';
import { CalendarSubscriptionPage } from './features/appointments/CalendarSubscriptionPage.js';
import { ReportsPage } from './features/outcomes/ReportsPage.js';
import { TeamPage } from './features/workforce/TeamPage.js';
import { CosignQueuePage } from './features/workforce/CosignQueuePage.js';
import { WellbeingPage } from './features/workforce/WellbeingPage.js';
import { MySupervisionPage } from './features/workforce/MySupervisionPage.js';
import { MyTrainingPage } from './features/workforce/MyTrainingPage.js';

export function App() {
  const session = useSession();
  const locale = session.data?.user?.locale;
  // The account's language wins once we know who is signed in.
  useEffect(() => {
    if (locale) applyLocale(locale);
  }, [locale]);

  if (session.isPending) return <Loading />;
  if (session.isError && !session.data) {
    return (
      <Container size="xs" py="xl" component="main">
        <LoadError error={session.error} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  return (
    <Routes>
      <Route element={<SignedOutOnly />}>
        <Route path="/sign-in" element={<SignInPage />} />
      </Route>
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
      <Route path="/reset-password" element={<ResetPasswordPage />} />
      <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
      <Route path="/join" element={<JoinPage />} />
      <Route element={<RequireSession />}>
        <Route index element={<HomePage />} />
        <Route path="/participants/:id" element={<ParticipantPage />} />
        <Route path="/participants/:id/goals" element={<GoalsPage />} />
        <Route path="/participants/:id/privacy" element={<PrivacyPage />} />
        <Route path="/participants/:id/data-requests" element={<DataRequestsPage />} />
        <Route path="/participants/:id/consents/:consentId" element={<ConsentPage />} />
        <Route path="/participants/:id/shared" element={<ClinicianViewPage />} />
        <Route path="/participants/:id/coping" element={<CopingPage />} />
        <Route path="/coping/library" element={<CopingLibraryPage />} />
        <Route path="/craving" element={<CravingFlowPage />} />
        <Route path="/participants/:id/journal" element={<JournalPage />} />
        <Route path="/participants/:id/safety-plan" element={<SafetyPlanPage />} />
        <Route path="/check-in" element={<CheckInPage />} />
        <Route path="/participants/:id/check-ins" element={<CheckInHistoryPage />} />
        <Route path="/measures/*" element={<OwnMeasuresRoutes />} />
        <Route path="/participants/:id/measures/*" element={<ParticipantMeasuresRoutes />} />
        <Route path="/participants/:id/profile" element={<ProfilePage />} />
        <Route path="/participants/:id/milestones" element={<MilestonesPage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/community" element={<CommunityPage />} />
        <Route path="/community/spaces/new" element={<NewSpacePage />} />
        <Route path="/community/spaces/:id" element={<SpacePage />} />
        <Route path="/community/spaces/:id/edit" element={<EditSpacePage />} />
        <Route path="/community/stories/new" element={<StoryFormPage />} />
        <Route path="/community/transparency" element={<TransparencyPage />} />
        <Route path="/community/me/moderation" element={<MyModerationPage />} />
        <Route path="/community/me/blocks" element={<BlocksPage />} />
        <Route path="/community/threads/:id" element={<ThreadPage />} />
        <Route path="/community/moderation" element={<ModerationPage />} />
        <Route path="/community/rooms/:id" element={<RoomPage />} />
        <Route path="/groups" element={<GroupsPage />} />
        <Route path="/reports" element={<ReportsPage />} />
        <Route path="/groups/:id" element={<GroupPage />} />
        <Route path="/groups/:id/sessions/:date/attendance" element={<AttendancePage />} />
        <Route path="/meetings" element={<MeetingFinderPage />} />
        <Route path="/meetings/:id" element={<MeetingPage />} />
        <Route path="/admin/meetings" element={<MeetingImportPage />} />
        <Route path="/admin/integrations" element={<IntegrationClientsPage />} />
        <Route path="/participants/:id/notes" element={<NotesPage />} />
        <Route path="/participants/:id/notes/new" element={<NewNotePage />} />
        <Route path="/account/calendar" element={<CalendarSubscriptionPage />} />
        <Route path="/messages" element={<MessagesPage />} />
        <Route path="/participants/:id/messages" element={<ConversationPage />} />
        <Route path="/peer-workers/:id/profile" element={<PeerProfilePage />} />
        <Route path="/resources" element={<ResourcesPage />} />
        <Route path="/resources/new" element={<ResourceFormPage />} />
        <Route path="/resources/:id" element={<ServicePage />} />
        <Route path="/resources/:id/edit" element={<ResourceFormPage />} />
        <Route path="/referrals" element={<ReferralsPage />} />
        <Route path="/team" element={<TeamPage />} />
        <Route path="/team/cosign" element={<CosignQueuePage />} />
        <Route path="/me/wellbeing" element={<WellbeingPage />} />
        <Route path="/me/supervision" element={<MySupervisionPage />} />
        <Route path="/me/training" element={<MyTrainingPage />} />
        <Route path="/participants/:id/referrals/:referralId" element={<ReferralPage />} />
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
