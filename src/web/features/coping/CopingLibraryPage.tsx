import { Accordion, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useCopingPlan, useSaveCopingPlan } from './api.js';
import { StrategyDetails } from './StrategyDetails.js';
import { useStrategies, type ShownStrategy } from './strategies.js';

/** The coping strategy library; a participant adds the ones that fit them to their craving plan. */
export function CopingLibraryPage() {
  const { t } = useTranslation('coping');
  const { user } = useSignedIn();
  const strategies = useStrategies();
  return (
    <>
      <BackHome small />
      <PageTitle>{t('library.title')}</PageTitle>
      <Text>{user.participantId ? t('library.intro') : t('library.introStaff')}</Text>
      <Accordion variant="separated" multiple order={2} data-testid="coping-library">
        {strategies.all.map((shown) => (
          <Accordion.Item key={shown.strategy.id} value={shown.strategy.id}>
            <Accordion.Control>
              <Text fw={650} fz="lg">
                {shown.words.title}
              </Text>
              <Text fz="sm" c="dimmed">
                {shown.words.summary}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="sm">
                <StrategyDetails shown={shown} />
                {user.participantId && <AddToPlan participantId={user.participantId} shown={shown} />}
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </>
  );
}

function AddToPlan({ participantId, shown }: { participantId: string; shown: ShownStrategy }) {
  const { t } = useTranslation('coping');
  const plan = useCopingPlan(participantId);
  const save = useSaveCopingPlan(participantId);
  const [added, setAdded] = useState(false);
  const add = useMutation({
    mutationFn: () => {
      const items = plan.data!.items.map((i) => ({ strategyId: i.strategyId, personalNote: i.personalNote ?? undefined }));
      return save({ items: [...items, { strategyId: shown.strategy.id }] });
    },
    onSuccess: () => setAdded(true),
  });
  if (!plan.data?.can.edit) return null;
  const inPlan = plan.data.items.some((i) => i.strategyId === shown.strategy.id);
  return (
    <Stack gap="xs">
      {added && <Notice>{t('library.added', { title: shown.words.title })}</Notice>}
      {inPlan ? (
        <Group>
          <Badge color="pine" variant="light" size="lg" tt="none">
            {t('library.inPlan')}
          </Badge>
        </Group>
      ) : (
        <Button variant="light" loading={add.isPending} onClick={() => add.mutate()} style={{ alignSelf: 'flex-start' }}>
          {t('library.add')}
        </Button>
      )}
      <FormError message={add.isError ? describeError(add.error) : null} />
    </Stack>
  );
}
