import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useMilestones } from './api.js';
import { milestonesPath } from './MilestonesHome.js';
import { useMilestoneWords } from './words.js';

/** For the people walking alongside: days, the last and the next milestone, on the participant page. */
export function MilestonesSummary({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('milestones');
  const words = useMilestoneWords();
  const allowed = participant.relationship !== 'self' && (participant.can.access.milestones?.read ?? false);
  const view = useMilestones(participant.id, allowed);
  if (!allowed) return null;
  const v = view.data;
  return (
    <Section title={t('summary.title')} testId="milestones-summary">
      {view.isPending ? (
        <Loading />
      ) : view.isError ? (
        <LoadError error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <Stack gap={4}>
          {!v!.countsDays ? (
            <Text>{t('summary.notCounting')}</Text>
          ) : v!.days === null ? (
            <Text>{t('summary.noStart')}</Text>
          ) : (
            <>
              <Text fw={650} fz="lg">
                {t('summary.days', { count: v!.days })}
              </Text>
              {v!.last && <Text fz="sm">{t('counter.last', { milestone: words.name(v!.last), date: words.date(v!.last.date) })}</Text>}
              {v!.next && <Text fz="sm">{t('counter.next', { milestone: words.name(v!.next), date: words.date(v!.next.date) })}</Text>}
            </>
          )}
          <Anchor component={Link} to={milestonesPath(participant.id)} mt="xs">
            {t('summary.open')}
          </Anchor>
        </Stack>
      )}
    </Section>
  );
}
