import { Box, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoadError, Loading, Notice } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { useFormat } from '../../i18n/format.js';
import { useSafetyPlan } from './api.js';
import { SafetyPlanEditor } from './SafetyPlanEditor.js';
import { SafetyPlanView } from './SafetyPlanView.js';
import './safety-plan.css';

/** The safety plan: plain and calm to read when things are hard, written together, printable. */
export function SafetyPlanPage() {
  return <WithParticipant>{(p) => <SafetyPlan participant={p} />}</WithParticipant>;
}

function SafetyPlan({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('safety-plan');
  const format = useFormat();
  const plan = useSafetyPlan(participant.id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mine = participant.relationship === 'self';

  return (
    <Stack className="safety-plan" gap="lg">
      <Box className="safety-plan-no-print">
        <BackHome small />
      </Box>
      <PageTitle>{mine ? t('title.mine') : t('title.theirs', { name: participant.preferredName })}</PageTitle>
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <LoadError error={plan.error} onRetry={() => void plan.refetch()} />
      ) : editing ? (
        <SafetyPlanEditor
          plan={plan.data}
          mine={mine}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : (
        <>
          <Text fz="lg">{mine ? t('intro.mine') : t('intro.theirs', { name: participant.preferredName })}</Text>
          {saved && (
            <Box className="safety-plan-no-print">
              <Notice>{mine ? t('saved.mine') : t('saved.theirs', { name: participant.preferredName })}</Notice>
            </Box>
          )}
          <Text c="dimmed" data-testid="safety-plan-changed">
            {plan.data.updatedAt && plan.data.updatedBy
              ? t('lastChanged', { name: plan.data.updatedBy.displayName, date: format.dateTime(plan.data.updatedAt) })
              : t('notWritten')}
          </Text>
          <Group gap="sm" className="safety-plan-no-print">
            {plan.data.can.edit && (
              <Button
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {plan.data.updatedAt ? t('editPlan') : t('startPlan')}
              </Button>
            )}
            <Button variant="light" onClick={() => window.print()}>
              {t('print')}
            </Button>
          </Group>
          <SafetyPlanView plan={plan.data} mine={mine} />
        </>
      )}
    </Stack>
  );
}
