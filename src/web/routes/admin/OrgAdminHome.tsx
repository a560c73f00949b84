import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../api/session.js';
import { Section } from '../../components/Section.js';
import { ParticipantsPanel } from './ParticipantsPanel.js';
import { PeoplePanel } from './PeoplePanel.js';
import { ProgramsPanel } from './ProgramsPanel.js';
import { GroupsAndMeetingsHome } from '../../features/groups/GroupsAndMeetingsHome.js';
import { ReportsHomeLink } from '../../features/outcomes/ReportsHomeLink.js';
import { DirectoryAdminPanel } from '../../features/resources/DirectoryAdminPanel.js';
import { IntegrationsHomeLink } from '../../features/consents/IntegrationsHomeLink.js';

export function OrgAdminHome() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  return (
    <Section title={t('admin.title', { organization: user.organization.name })} testId="home-org_admin" plain>
      <ProgramsPanel />
      <PeoplePanel />
      <ParticipantsPanel />
      <GroupsAndMeetingsHome as="admin" />
      <ReportsHomeLink />
      <DirectoryAdminPanel />
      <IntegrationsHomeLink />
    </Section>
  );
}
