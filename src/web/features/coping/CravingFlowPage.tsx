import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CravingEpisode } from '../../../shared/schemas/coping.js';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { dialable } from '../../components/CrisisCard.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useCravingActions } from './api.js';
import { IntensityPicker } from './IntensityPicker.js';
import { PlanInTheMoment } from './PlanInTheMoment.js';
import { CravingResult } from './CravingResult.js';

type Stage = 'rate' | 'plan' | 'after' | 'done';

/** "I'm having a craving": rate it, work through my plan (and reach out if I want), rate it again. */
export function CravingFlowPage() {
  const { user } = useSignedIn();
  if (!user.participantId) return <NotYoursPage />;
  return <CravingFlow participantId={user.participantId} />;
}

function CravingFlow({ participantId }: { participantId: string }) {
  const { t } = useTranslation('coping');
  const { crisisLine } = useSignedIn();
  const number = dialable(crisisLine);
  const me = useParticipant(participantId).data;
  const actions = useCravingActions(participantId);
  const [stage, setStage] = useState<Stage>('rate');
  const [before, setBefore] = useState<number | null>(null);
  const [after, setAfter] = useState<number | null>(null);
  const [used, setUsed] = useState<string[]>([]);
  const [episode, setEpisode] = useState<CravingEpisode | null>(null);

  const start = useMutation({
    mutationFn: (intensityBefore: number) => actions.start({ intensityBefore }),
    onSuccess: (e) => {
      setEpisode(e);
      setStage('plan');
    },
  });
  const finish = useMutation({
    mutationFn: (intensityAfter: number | null) =>
      actions.update(episode!.id, { strategiesUsed: used, ...(intensityAfter === null ? {} : { intensityAfter }), ended: true }),
    onSuccess: (e) => {
      setEpisode(e);
      setStage('done');
    },
  });

  const stepOf = { rate: 1, plan: 2, after: 3, done: 3 }[stage];
  return (
    <>
      <PageTitle>{t('flow.title')}</PageTitle>
      {stage !== 'done' && (
        <Text c="dimmed" fz="sm" aria-live="polite">
          {t('flow.step', { n: stepOf })}
        </Text>
      )}
      {stage === 'rate' && (
        <Section title={t('flow.rateLegend')} testId="craving-rate">
          <Text>{t('flow.intro')}</Text>
          <IntensityPicker legend={t('flow.rateLegend')} value={before} onChange={setBefore} />
          <FormError message={start.isError ? describeError(start.error) : null} />
          <Button size="lg" disabled={before === null} loading={start.isPending} onClick={() => before !== null && start.mutate(before)}>
            {t('flow.next')}
          </Button>
        </Section>
      )}
      {stage === 'plan' && episode && (
        <PlanInTheMoment
          participantId={participantId}
          episode={episode}
          peerWorkerName={me?.peerWorker?.displayName ?? null}
          used={used}
          onUsedChange={setUsed}
          onToldPeerWorker={setEpisode}
          onNext={() => setStage('after')}
        />
      )}
      {stage === 'after' && (
        <Section title={t('flow.afterLegend')} testId="craving-after">
          <IntensityPicker legend={t('flow.afterLegend')} value={after} onChange={setAfter} />
          <FormError message={finish.isError ? describeError(finish.error) : null} />
          <Group gap="sm">
            <Button size="lg" disabled={after === null} loading={finish.isPending && finish.variables !== null} onClick={() => after !== null && finish.mutate(after)}>
              {t('flow.finish')}
            </Button>
            <Button size="lg" variant="default" loading={finish.isPending && finish.variables === null} onClick={() => finish.mutate(null)}>
              {t('flow.skipAfter')}
            </Button>
          </Group>
        </Section>
      )}
      {stage === 'done' && episode && <CravingResult episode={episode} participantId={participantId} />}
      {stage !== 'done' && (
        <Stack gap={4}>
          {/* The crisis card stays at the top of the page; this line keeps help in reach after scrolling. */}
          <Text fz="sm">
            {t('flow.unsafe', { crisisLine })}{' '}
            {number && (
              <Anchor href={`tel:${number}`} fw={600}>
                {t('flow.callNow', { crisisLine })}
              </Anchor>
            )}
          </Text>
          <Anchor component={Link} to="/" fz="sm">
            {t('flow.leave')}
          </Anchor>
        </Stack>
      )}
    </>
  );
}
