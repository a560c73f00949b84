import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useSafetyPlan } from './api.js';

/** On a participant's record, for staff who may read it: whether the plan is written, and by whom last. */
export function SafetyPlanOverview({ participant }: { participant: ParticipantSummary }) {
  if (participant.relationship === 'self' || !participant.can.access.safety_plan?.read) return null;
  return <Overview participant={participant} />;
}

function Overview({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('safety-plan');
  const format = useFormat();
  const plan = useSafetyPlan(participant.id);
  const name = participant.preferredName;
  return (
    <Section title={t('link.theirs')} testId="safety-plan-overview">
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <LoadError error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <>
          <Text>
            {plan.data.updatedAt && plan.data.updatedBy
              ? t('lastChanged', { name: plan.data.updatedBy.displayName, date: format.dateTime(plan.data.updatedAt) })
              : plan.data.can.edit
                ? t('overview.notWrittenTogether', { name })
                : t('notWritten')}
          </Text>
          <Button component={Link} to={`/participants/${participant.id}/safety-plan`} variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('overview.open', { name })}
          </Button>
        </>
      )}
    </Section>
  );
}
