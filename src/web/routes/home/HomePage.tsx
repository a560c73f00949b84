import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/schemas/tenancy.js';
import { useSignedIn } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { rolesOf } from '../../roles.js';
import { OrgAdminHome } from '../admin/OrgAdminHome.js';
import { ClinicianHome } from './ClinicianHome.js';
import { ModeratorHome } from './ModeratorHome.js';
import { ParticipantHome } from './ParticipantHome.js';
import { PeerWorkerHome } from './PeerWorkerHome.js';
import { SupervisorHome } from './SupervisorHome.js';

const sections: Record<Role, ComponentType> = {
  participant: ParticipantHome,
  peer_worker: PeerWorkerHome,
  supervisor: SupervisorHome,
  clinician: ClinicianHome,
  moderator: ModeratorHome,
  org_admin: OrgAdminHome,
};

/** One greeting, then a section for each role the person holds. */
export function HomePage() {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  // A participant without the membership row still gets their own section.
  const held = rolesOf(user);
  const shown = user.participantId && !held.includes('participant') ? (['participant', ...held] as Role[]) : held;
  return (
    <>
      <PageTitle>{t('home.greeting', { name: user.displayName })}</PageTitle>
      {shown.map((role) => {
        const Section = sections[role];
        return <Section key={role} />;
      })}
    </>
  );
}
