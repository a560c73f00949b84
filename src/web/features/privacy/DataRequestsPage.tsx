import { Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ErasureReport } from '../../../shared/schemas/privacy.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Notice } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { DataDownload } from './DataDownload.js';
import { ErasureSection } from './ErasureSection.js';

/** An org admin's page for a participant's requests about their data: a download on their behalf, and erasure. */
export function DataRequestsPage() {
  const [erased, setErased] = useState<{ name: string; report: ErasureReport } | null>(null);
  if (erased) return <Erased name={erased.name} report={erased.report} />;
  return (
    <WithParticipant>
      {(p) =>
        p.relationship !== 'org_admin' ? (
          <NotYoursPage />
        ) : (
          <Requests participant={p} onErased={(report) => setErased({ name: p.preferredName, report })} />
        )
      }
    </WithParticipant>
  );
}

function Requests({ participant, onErased }: { participant: Parameters<typeof DataDownload>[0]['participant']; onErased: (r: ErasureReport) => void }) {
  const { t } = useTranslation('privacy');
  return (
    <Stack gap="lg">
      <BackHome small />
      <PageTitle>{t('requests.title', { name: participant.preferredName })}</PageTitle>
      <Text fz="lg">{t('requests.intro', { name: participant.preferredName })}</Text>
      <DataDownload participant={participant} />
      <ErasureSection participant={participant} onErased={onErased} />
    </Stack>
  );
}

function Erased({ name, report }: { name: string; report: ErasureReport }) {
  const { t } = useTranslation('privacy');
  return (
    <Stack gap="lg">
      <PageTitle>{t('erased.title')}</PageTitle>
      <Notice>{t('erased.body', { name, rows: report.rowsRemoved, kinds: Object.keys(report.tables).length })}</Notice>
      <Text>{t('erased.audit')}</Text>
      <Anchor component={Link} to="/">
        {t('erased.home')}
      </Anchor>
    </Stack>
  );
}
