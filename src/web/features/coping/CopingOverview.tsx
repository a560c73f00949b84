import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useCopingPlan, useCravings } from './api.js';
import { CravingLog } from './CravingLog.js';
import { useStrategies } from './strategies.js';

const RECENT = 3;

/** Coping at a glance on the participant page: the plan's strategies and the latest cravings. */
export function CopingOverview({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('coping');
  const plan = useCopingPlan(participant.id);
  const log = useCravings(participant.id);
  const strategies = useStrategies();
  const mine = participant.relationship === 'self';
  const loading = plan.isPending || log.isPending;
  const failed = plan.error ?? log.error;
  return (
    <Section title={t('overview.title')} testId="coping-overview">
      {loading ? (
        <Loading />
      ) : failed ? (
        <LoadError error={failed} onRetry={() => void Promise.all([plan.refetch(), log.refetch()])} />
      ) : (
        <Stack gap="sm">
          <Text>
            {plan.data!.items.length > 0
              ? t('overview.plan', { list: plan.data!.items.map((i) => strategies.title(i.strategyId)).join(' · ') })
              : t('overview.noPlan')}
          </Text>
          <Text fw={600}>{t('overview.recent')}</Text>
          <CravingLog episodes={log.data!.episodes.slice(0, RECENT)} label={t('overview.recent')} mine={mine} />
          <Anchor component={Link} to={`/participants/${participant.id}/coping`}>
            {mine ? t('overview.openMine') : t('overview.open')}
          </Anchor>
        </Stack>
      )}
    </Section>
  );
}
