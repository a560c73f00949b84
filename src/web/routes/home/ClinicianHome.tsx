import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useParticipants } from '../../api/participants.js';
import { ParticipantList } from '../../components/ParticipantList.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';

/** Records arrive here once participants consent to share them; each opens to the consented summary. */
export function ClinicianHome() {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('consents');
  const list = useParticipants();
  const shared = list.data?.filter((p) => p.relationship === 'clinician_consent') ?? [];
  return (
    <Section title={t('home.clinician.title')} testId="home-clinician">
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : shared.length === 0 ? (
        <EmptyState>{t('home.clinician.empty')}</EmptyState>
      ) : (
        <ParticipantList
          participants={shared}
          label={t('home.clinician.title')}
          actions={(p) => (
            <Button component={Link} to={`/participants/${p.id}/shared`} size="sm" variant="light" aria-label={`${tc('clinician.open')}: ${p.preferredName}`}>
              {tc('clinician.open')}
            </Button>
          )}
        />
      )}
    </Section>
  );
}
