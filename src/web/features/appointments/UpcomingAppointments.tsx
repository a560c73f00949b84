import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSignedIn } from '../../api/session.js';
import { SubSection } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useMyAppointments } from './api.js';
import { AppointmentCard } from './AppointmentCard.js';

export const CALENDAR_SUBSCRIPTION_PATH = '/account/calendar';
const SHOWN = 5;

/** On the home page: the next sessions of the signed-in person, whichever side they are on; live as the other side changes them. */
export function UpcomingAppointments() {
  const { t } = useTranslation('appointments');
  const { user } = useSignedIn();
  const list = useMyAppointments();
  const now = Date.now();
  const upcoming = (list.data?.appointments ?? []).filter((a) => a.status === 'scheduled' && Date.parse(a.endsAt) > now).slice(0, SHOWN);
  return (
    <div data-testid="upcoming-appointments">
      <SubSection title={t('upcoming.title')}>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : upcoming.length === 0 ? (
        <EmptyState>{user.participantId ? t('upcoming.noneParticipant') : t('upcoming.none')}</EmptyState>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('upcoming.title')}>
          {upcoming.map((a) => (
            <AppointmentCard key={a.id} appointment={a} />
          ))}
        </Stack>
      )}
      <Anchor component={Link} to={CALENDAR_SUBSCRIPTION_PATH} fz="sm">
        {t('upcoming.subscribe')}
      </Anchor>
      </SubSection>
    </div>
  );
}
