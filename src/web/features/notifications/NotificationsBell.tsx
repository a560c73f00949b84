import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useFormat } from '../../i18n/format.js';
import { useNotifications } from './api.js';

function BellIcon() {
  return (
    <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/** The header's way to notifications; its name says how many are new, for those who cannot see the dot. */
export function NotificationsBell() {
  const { t } = useTranslation('notifications');
  const format = useFormat();
  const here = useLocation().pathname === '/notifications';
  const unread = useNotifications().data?.unreadCount ?? 0;
  return (
    <Indicator
      disabled={unread === 0}
      label={<span aria-hidden="true">{format.number(unread)}</span>}
      size={20}
      color="clay"
      offset={6}
      withBorder
    >
      <ActionIcon
        component={Link}
        to="/notifications"
        aria-label={unread > 0 ? t('bell.unread', { count: unread }) : t('bell.none')}
        aria-current={here ? 'page' : undefined}
        variant="subtle"
        color="pine"
        size={44}
        radius="xl"
        data-testid="notifications-bell"
      >
        <BellIcon />
      </ActionIcon>
    </Indicator>
  );
}
