import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { useCravings } from './api.js';
import { CravingButton } from './CravingButton.js';
import { CravingLog } from './CravingLog.js';
import { CravingPlanSection } from './CravingPlanSection.js';

/** A participant's coping toolkit: their craving plan and their craving log. */
export function CopingPage() {
  return <WithParticipant>{(p) => <Toolkit participant={p} />}</WithParticipant>;
}

function Toolkit({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('coping');
  const mine = participant.relationship === 'self';
  const log = useCravings(participant.id);
  const logTitle = mine ? t('log.titleMine') : t('log.title');
  return (
    <>
      <BackHome small />
      <PageTitle>{mine ? t('page.title') : t('page.titleTheirs', { name: participant.preferredName })}</PageTitle>
      {mine && <CravingButton />}
      <CravingPlanSection participant={participant} />
      <Section title={logTitle} testId="craving-log-section">
        {mine && <Text>{t('log.intro')}</Text>}
        {log.isPending ? (
          <Loading />
        ) : log.isError ? (
          <LoadError error={log.error} onRetry={() => void log.refetch()} />
        ) : (
          <CravingLog episodes={log.data.episodes} label={logTitle} mine={mine} />
        )}
      </Section>
    </>
  );
}
