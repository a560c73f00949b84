import { Accordion, Alert, Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { starterStrategyIds } from '../../../shared/coping/strategies.js';
import type { CravingEpisode } from '../../../shared/schemas/coping.js';
import { Section } from '../../components/Section.js';
import { FormError, LoadError, Loading } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useCopingPlan, useCravingActions } from './api.js';
import { StrategyDetails } from './StrategyDetails.js';
import { useStrategies } from './strategies.js';

interface Props {
  participantId: string;
  episode: CravingEpisode;
  peerWorkerName: string | null;
  used: string[];
  onUsedChange: (used: string[]) => void;
  onToldPeerWorker: (episode: CravingEpisode) => void;
  onNext: () => void;
}

/** The middle of the craving flow: my plan in my order (or three starters), and a way to reach my peer worker. */
export function PlanInTheMoment({ participantId, episode, peerWorkerName, used, onUsedChange, onToldPeerWorker, onNext }: Props) {
  const { t } = useTranslation('coping');
  const plan = useCopingPlan(participantId);
  const strategies = useStrategies();
  const actions = useCravingActions(participantId);
  const tell = useMutation({ mutationFn: () => actions.update(episode.id, { toldPeerWorker: true }), onSuccess: onToldPeerWorker });

  const items = plan.data?.items ?? [];
  const planned = items.length > 0;
  const shown = strategies.byIds(planned ? items.map((i) => i.strategyId) : starterStrategyIds);
  const notes = new Map(items.map((i) => [i.strategyId, i.personalNote]));
  const toggle = (id: string, tried: boolean) => onUsedChange(tried ? [...used, id] : used.filter((u) => u !== id));
  const who = peerWorkerName ? 'peer' : 'team';

  return (
    <>
      {/* Until the plan has loaded nobody knows whether it is the person's own or the starters: no heading yet. */}
      {plan.isPending ? (
        <Loading />
      ) : plan.isError ? (
        <LoadError error={plan.error} onRetry={() => void plan.refetch()} />
      ) : (
        <Section title={planned ? t('flow.planTitle') : t('flow.starterTitle')} testId="craving-plan">
          <Text>{planned ? t('flow.planIntro') : t('flow.starterIntro')}</Text>
          <Accordion variant="separated" multiple order={3} defaultValue={shown[0] ? [shown[0].strategy.id] : []}>
            {shown.map((s) => (
              <Accordion.Item key={s.strategy.id} value={s.strategy.id}>
                <Accordion.Control>
                  <Text fw={600}>
                    {used.includes(s.strategy.id) && <span aria-hidden="true">✓ </span>}
                    {s.words.title}
                  </Text>
                  {notes.get(s.strategy.id) && (
                    <Text fz="sm" c="dimmed">
                      {t('flow.note', { note: notes.get(s.strategy.id) })}
                    </Text>
                  )}
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    <StrategyDetails shown={s} withSummary />
                    <Checkbox
                      size="md"
                      label={t('flow.tried')}
                      checked={used.includes(s.strategy.id)}
                      onChange={(e) => toggle(s.strategy.id, e.currentTarget.checked)}
                    />
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        </Section>
      )}

      <Paper component="section" aria-labelledby="craving-tell" withBorder p="md" bg="amber.0" data-testid="craving-tell">
        <Stack gap="sm">
          <Title order={2} id="craving-tell" fz={20}>
            {t(`flow.tell.${who}.title`, { name: peerWorkerName })}
          </Title>
          {episode.toldPeerWorker ? (
            <Alert color="pine" role="status">
              {t(`flow.tell.${who}.done`, { name: peerWorkerName })}
            </Alert>
          ) : (
            <>
              <Text>{t(`flow.tell.${who}.body`, { name: peerWorkerName })}</Text>
              <FormError message={tell.isError ? describeError(tell.error) : null} />
              <Button size="md" color="amber.8" loading={tell.isPending} onClick={() => tell.mutate()} style={{ alignSelf: 'flex-start' }}>
                {t(`flow.tell.${who}.button`, { name: peerWorkerName })}
              </Button>
            </>
          )}
        </Stack>
      </Paper>

      <Button size="lg" onClick={onNext}>
        {t('flow.toAfter')}
      </Button>
    </>
  );
}
