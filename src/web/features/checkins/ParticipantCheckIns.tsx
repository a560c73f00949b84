import { Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { useSignedIn } from '../../api/session.js';
import { Section } from '../../components/Section.js';
import { programTimeZone } from '../../roles.js';
import { CheckInCharts } from './CheckInCharts.js';
import { CheckInList } from './CheckInList.js';

/** On the participant page: the last two weeks in a chart and the latest check-ins, for whoever may read them. */
export function ParticipantCheckIns({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('checkins');
  const { user } = useSignedIn();
  if (!participant.can.access.checkins?.read) return null;
  return (
    <Section
      title={t('recent.title')}
      testId="participant-checkins"
      actions={
        <Anchor component={Link} to={`/participants/${participant.id}/check-ins`}>
          {t('recent.all')}
        </Anchor>
      }
    >
      <CheckInCharts participantId={participant.id} initialDays={14} />
      <CheckInList
        participantId={participant.id}
        timeZone={programTimeZone(user, participant.programId)}
        label={t('recent.title')}
        emptyText={t('recent.empty')}
        pageSize={3}
        withMore={false}
      />
    </Section>
  );
}
