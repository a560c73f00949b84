import { Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Milestones } from '../../../shared/schemas/milestones.js';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { DialogButton } from '../../components/DialogButton.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section, SubSection } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { profilePath } from '../profile/paths.js';
import { useMilestones } from './api.js';
import { CustomMilestoneForm } from './CustomMilestoneForm.js';
import { DayCounter } from './DayCounter.js';
import { MilestoneCelebration } from './MilestoneCelebration.js';
import { MilestoneList } from './MilestoneList.js';
import { RecoveryStartForm } from './RecoveryStartForm.js';
import { useMilestoneWords } from './words.js';

function CountingSection({ view, mine }: { view: Milestones; mine: boolean }) {
  const { t } = useTranslation('milestones');
  const words = useMilestoneWords();
  const [notice, setNotice] = useState<string | null>(null);
  const title = view.recoveryStart ? t('start.change') : t('start.title');
  const setStart = view.can.write && (
    <DialogButton label={title} title={title} button={{ variant: view.recoveryStart ? 'light' : 'filled' }}>
      {(close) => (
        <RecoveryStartForm
          view={view}
          onDone={(v) => {
            close();
            setNotice(t('start.saved', { date: words.date(v.recoveryStart!.startDate) }));
          }}
        />
      )}
    </DialogButton>
  );
  return (
    <Section title={mine ? t('home.title') : t('summary.title')} testId="milestones-counting">
      {notice && <Notice>{notice}</Notice>}
      <DayCounter view={view} />
      <Text>{t('page.everyDay')}</Text>
      {setStart}
      {view.recoveryStart && (
        <SubSection title={t('page.reached')}>
          {view.reached.length === 0 ? <EmptyState>{t('page.noneReached')}</EmptyState> : <MilestoneList milestones={[...view.reached].reverse()} label={t('page.reached')} />}
        </SubSection>
      )}
      {view.startHistory.length > 0 && (
        <SubSection title={t('page.history')}>
          <Text fz="sm">{t('page.historyIntro')}</Text>
          <Stack component="ul" gap={4} pl="md" m={0}>
            {view.startHistory.map((s) => (
              <Text component="li" key={s.setAt}>
                <time dateTime={s.startDate}>{words.date(s.startDate)}</time>
                {s.note ? ` — ${s.note}` : ''}
              </Text>
            ))}
          </Stack>
        </SubSection>
      )}
    </Section>
  );
}

function CustomSection({ view, mine }: { view: Milestones; mine: boolean }) {
  const { t } = useTranslation('milestones');
  const [notice, setNotice] = useState<string | null>(null);
  const add = view.can.write && (
    <DialogButton label={t('custom.add')} title={t('custom.add')} button={{ variant: 'light' }}>
      {(close) => <CustomMilestoneForm view={view} onDone={(label) => (close(), setNotice(t('custom.saved', { label })))} />}
    </DialogButton>
  );
  const title = mine ? t('page.custom') : t('page.customTheirs');
  return (
    <Section title={title} actions={add} testId="milestones-custom">
      {notice && <Notice>{notice}</Notice>}
      {view.custom.length === 0 ? (
        <EmptyState>{mine ? t('page.customEmpty') : t('page.customEmptyTheirs')}</EmptyState>
      ) : (
        <MilestoneList milestones={[...view.custom].reverse()} label={title} />
      )}
    </Section>
  );
}

function Milestones({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('milestones');
  const mine = participant.relationship === 'self';
  const view = useMilestones(participant.id);
  return (
    <>
      <BackHome small />
      <PageTitle>{mine ? t('page.titleMine') : t('page.titleTheirs', { name: participant.preferredName })}</PageTitle>
      {view.isPending ? (
        <Loading />
      ) : view.isError ? (
        <LoadError error={view.error} onRetry={() => void view.refetch()} />
      ) : (
        <>
          {view.data.celebrate && <MilestoneCelebration participantId={participant.id} milestone={view.data.celebrate} />}
          {view.data.countsDays ? (
            <CountingSection view={view.data} mine={mine} />
          ) : (
            <Stack gap={4}>
              <Text>{mine ? t('page.notCounting') : t('page.notCountingTheirs', { name: participant.preferredName })}</Text>
              {mine && (
                <Anchor component={Link} to={profilePath(participant.id)}>
                  {t('page.profileLink')}
                </Anchor>
              )}
            </Stack>
          )}
          <CustomSection view={view.data} mine={mine} />
        </>
      )}
    </>
  );
}

export function MilestonesPage() {
  return <WithParticipant>{(participant) => <Milestones participant={participant} />}</WithParticipant>;
}
