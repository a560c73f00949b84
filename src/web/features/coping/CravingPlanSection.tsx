import { Accordion, Anchor, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { useCopingPlan } from './api.js';
import { CravingPlanEditor } from './CravingPlanEditor.js';
import { StrategyDetails } from './StrategyDetails.js';
import { useStrategies } from './strategies.js';

/** The personal craving plan: read by the peer worker, shaped by the participant. */
export function CravingPlanSection({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('coping');
  const plan = useCopingPlan(participant.id);
  const strategies = useStrategies();
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const mine = participant.relationship === 'self';
  const canEdit = plan.data?.can.edit ?? false;

  const edit = canEdit && !editing && (
    <Button
      variant="light"
      size="sm"
      onClick={() => {
        setSaved(false);
        setEditing(true);
      }}
    >
      {t('plan.edit')}
    </Button>
  );

  return (
    <Section title={mine ? t('plan.title') : t('plan.titleTheirs', { name: participant.preferredName })} testId="craving-plan-section" actions={edit}>
      {mine && <Text>{t('plan.intro')}</Text>}
      {saved && <Notice>{t('plan.saved')}</Notice>}
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <LoadError error={plan.error} onRetry={() => void plan.refetch()} />
      ) : editing ? (
        <CravingPlanEditor
          plan={plan.data}
          onDone={(didSave) => {
            setEditing(false);
            setSaved(didSave);
          }}
        />
      ) : plan.data.items.length === 0 ? (
        <EmptyState>{mine ? t('plan.empty') : t('plan.emptyTheirs')}</EmptyState>
      ) : (
        <Accordion variant="separated" multiple order={3}>
          {plan.data.items.map((item, i) => {
            const [shown] = strategies.byIds([item.strategyId]);
            if (!shown) return null;
            return (
              <Accordion.Item key={item.strategyId} value={item.strategyId}>
                <Accordion.Control>
                  <Text fw={600}>
                    {i + 1}. {shown.words.title}
                  </Text>
                  {item.personalNote && (
                    <Text fz="sm" c="dimmed">
                      {t('flow.note', { note: item.personalNote })}
                    </Text>
                  )}
                </Accordion.Control>
                <Accordion.Panel>
                  <StrategyDetails shown={shown} withSummary />
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
      {mine && !editing && (
        <Anchor component={Link} to="/coping/library">
          {t('plan.browse')}
        </Anchor>
      )}
    </Section>
  );
}
