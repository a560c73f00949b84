import { Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSignedIn } from '../../api/session.js';
import { CALENDAR_SUBSCRIPTION_PATH } from './UpcomingAppointments.js';

/** "Calendar subscription" in the account menu, for the people who have sessions: peer workers and participants. */
export function CalendarMenuItem() {
  const { t } = useTranslation('appointments');
  const { user } = useSignedIn();
  const navigate = useNavigate();
  if (!user.memberships.some((m) => m.role === 'peer_worker' || m.role === 'participant')) return null;
  return <Menu.Item onClick={() => navigate(CALENDAR_SUBSCRIPTION_PATH)}>{t('calendar.title')}</Menu.Item>;
}
