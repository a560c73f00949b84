import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { usePeerProfile } from './api.js';
import { PeerProfileSummary } from './PeerProfileSummary.js';

/** For the participant: what their peer worker chose to share (lived experience, languages, a few words). */
export function MyPeerWorkerCard({ peerWorkerId, name }: { peerWorkerId: string; name: string }) {
  const { t } = useTranslation('matching');
  const profile = usePeerProfile(peerWorkerId);
  return (
    <Section title={t('preferences.yourPeerWorker', { name })} testId="my-peer-worker">
      {profile.isPending ? <Loading /> : profile.isError ? <LoadError error={profile.error} onRetry={() => void profile.refetch()} /> : <PeerProfileSummary profile={profile.data} />}
    </Section>
  );
}
