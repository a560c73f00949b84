import { ResourcesHomeLink } from '../resources/ResourcesHomeLink.js';
import { MyReferralsHomeLink, ReferralsHomeLink } from './ReferralsHomeLink.js';

/** The directory and referrals on a home page: a participant's own, or a peer worker's across their caseload. */
export function ResourceTiles({ as }: { as: 'participant' | 'staff' }) {
  return (
    <>
      <ResourcesHomeLink />
      {as === 'participant' ? <MyReferralsHomeLink /> : <ReferralsHomeLink />}
    </>
  );
}
