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
import { JoinPage } from './features/profile/JoinPage.js';
import { ProfilePage } from './features/profile/ProfilePage.js';
import { SafetyPlanPage } from './features/safety-plan/SafetyPlanPage.js';
import { applyLocale } from './i18n/locale.js';
import { AcceptInvitationPage } from './routes/auth/AcceptInvitationPage.js';
import { ForgotPasswordPage } from './routes/auth/ForgotPasswordPage.js';
import { ResetPasswordPage } from './routes/auth/ResetPasswordPage.js';
import { SignInPage } from './routes/auth/SignInPage.js';
import { HomePage } from './routes/home/HomePage.js';
import { NotFoundPage } from './routes/NotFoundPage.js';
import { ParticipantPage } from './routes/participant/ParticipantPage.js';

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
      </Route>
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
