import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { usePeerProfile } from './api.js';
import { PeerProfileForm } from './PeerProfileForm.js';
import { PeerProfileSummary } from './PeerProfileSummary.js';

/** /peer-workers/:id/profile: "My profile for matching" for the peer worker; their supervisor's view of it. */
export function PeerProfilePage() {
  const { t } = useTranslation('matching');
  const { id = '' } = useParams();
  const { user } = useSignedIn();
  const valid = uuidSchema.safeParse(id).success;
  const profile = usePeerProfile(valid ? id : null);
  if (!valid || isApiError(profile.error, 404)) return <NotYoursPage />;
  if (profile.isPending) return <Loading />;
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  const mine = p.id === user.id;
  const editable = p.can.edit.length > 0 && p.details !== null;
  return (
    <>
      <BackHome small />
      <PageTitle>{mine ? t('profile.titleMine') : t('profile.titleTheirs', { name: p.displayName })}</PageTitle>
      <Text>{mine ? t('profile.introMine') : editable ? t('profile.introManaged', { name: p.displayName }) : t('profile.introShared', { name: p.displayName })}</Text>
      {editable ? (
        <PeerProfileForm profile={p} mine={mine} />
      ) : (
        <Section title={t('profile.sharedTitleTheirs')}>
          <PeerProfileSummary profile={p} />
        </Section>
      )}
    </>
  );
}
