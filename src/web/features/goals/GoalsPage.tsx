import { Alert, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { goalStatuses } from '../../../shared/schemas/journey.js';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { useGoals } from './api.js';
import { GoalCard, type GoalNotice } from './GoalCard.js';
import { NewGoalButton } from './NewGoalButton.js';

/** Goals of one participant: theirs to shape; their peer worker suggests; a supervisor reads. */
export function GoalsPage() {
  return <WithParticipant>{(p) => <Goals participant={p} />}</WithParticipant>;
}

/**
 * What just happened to a goal. The card that changed may have moved to another group, so the
 * message is brought into view; reaching a goal gets a celebration of its own.
 */
function GoalNoticeBanner({ notice }: { notice: GoalNotice }) {
  const { t } = useTranslation('goals');
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [notice]);
  if (notice.kind === 'celebrate') {
    return (
      <Alert ref={ref} color="pine" variant="filled" role="status" title={t('done.celebrateTitle')} data-testid="goal-celebration" styles={{ title: { fontSize: 22 } }}>
        <Text c="white" fz="lg" fw={500}>
          {notice.message}
        </Text>
      </Alert>
    );
  }
  return (
    <Alert ref={ref} color="pine" role="status">
      {notice.message}
    </Alert>
  );
}

function Goals({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('goals');
  const list = useGoals(participant.id);
  const [notice, setNotice] = useState<GoalNotice | null>(null);
  const mine = participant.relationship === 'self';
  const name = participant.preferredName;

  return (
    <>
      <BackHome small />
      <PageTitle>{mine ? t('title.mine') : t('title.theirs', { name })}</PageTitle>
      <Text>{mine ? t('intro.mine') : t('intro.theirs', { name })}</Text>
      {notice && <GoalNoticeBanner notice={notice} />}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          {list.data.can.create && (
            <NewGoalButton participant={participant} as={list.data.can.create} onDone={(message) => setNotice({ kind: 'info', message })} />
          )}
          {list.data.goals.length === 0 && <EmptyState>{mine ? t('empty.mine') : t('empty.theirs')}</EmptyState>}
          {goalStatuses.map((status) => {
            const goals = list.data.goals.filter((g) => g.status === status);
            if (goals.length === 0) return null;
            return (
              <Section key={status} title={status === 'suggested' && !mine ? t('group.suggestedTheirs', { name }) : t(`group.${status}`)} plain testId={`goals-${status}`}>
                <Stack component="ul" className="record-list" gap="sm">
                  {goals.map((goal) => (
                    <GoalCard key={goal.id} goal={goal} onNotice={setNotice} />
                  ))}
                </Stack>
              </Section>
            );
          })}
        </>
      )}
    </>
  );
}
