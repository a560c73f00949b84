import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { LoadError, Loading } from '../../components/Status.js';
import { programTimeZone } from '../../roles.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { CheckInCharts } from './CheckInCharts.js';
import { CheckInList } from './CheckInList.js';

/** A participant's check-ins over time: the two charts, then the list. For the participant and for staff who may read them. */
export function CheckInHistoryPage() {
  const { id = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success;
  const record = useParticipant(valid ? id : null);
  const { t } = useTranslation('checkins');
  const { user } = useSignedIn();

  if (!valid || isApiError(record.error, 404)) return <NotYoursPage />;
  if (record.isPending) return <Loading />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  const p = record.data;
  if (!p.can.access.checkins?.read) return <NotYoursPage />;
  const own = p.relationship === 'self';
  const timeZone = programTimeZone(user, p.programId);
  return (
    <>
      {own ? <BackHome small /> : <Back to={`/participants/${p.id}`} label={p.preferredName} />}
      <PageTitle>{own ? t('history.titleOwn') : t('history.titleOf', { name: p.preferredName })}</PageTitle>
      <Text>{own ? t('history.intro') : t('history.introStaff', { name: p.preferredName })}</Text>
      {own && p.can.access.checkins?.write && (
        <Group>
          <Button component={Link} to="/check-in" size="lg">
            {t('history.checkInNow')}
          </Button>
        </Group>
      )}
      <Section title={t('chart.title')} testId="checkin-trend">
        <CheckInCharts participantId={p.id} withRangePicker />
      </Section>
      <Section title={t('history.listTitle')} testId="checkin-history">
        <CheckInList participantId={p.id} timeZone={timeZone} label={t('history.listTitle')} emptyText={t('history.empty')} />
      </Section>
    </>
  );
}

function Back({ to, label }: { to: string; label: string }) {
  return (
    <Button component={Link} to={to} variant="subtle" size="compact-sm" px={0} style={{ alignSelf: 'flex-start' }}>
      <span aria-hidden="true">←&nbsp;</span>
      {label}
    </Button>
  );
}
