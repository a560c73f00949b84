import { ActionIcon, Indicator } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { SessionUser } from '../../../shared/schemas/auth.js';
import { useSignedIn } from '../../api/session.js';
import { useFormat } from '../../i18n/format.js';
import { useUnreadMessages } from './api.js';
import { ChatIcon } from './icons.js';
import { useMessagingBadgeUpdates } from './live.js';
import { messagesPath } from './paths.js';

/** Participants write to their peer worker; peer workers and supervisors to the people they support. */
export const usesMessaging = (user: Pick<SessionUser, 'participantId' | 'memberships'>) =>
  user.participantId !== null || user.memberships.some((m) => m.role === 'peer_worker' || m.role === 'supervisor');

/** The header's way to messages, with the unread count; its name says the count for those who cannot see the dot. */
export function MessagesNavButton() {
  const { user } = useSignedIn();
  if (!usesMessaging(user)) return null;
  return <MessagesNavIcon />;
}

function MessagesNavIcon() {
  const { t } = useTranslation('messaging');
  const format = useFormat();
  const path = useLocation().pathname;
  const unread = useUnreadMessages().data?.unreadCount ?? 0;
  useMessagingBadgeUpdates();
  return (
    <Indicator disabled={unread === 0} label={<span aria-hidden="true">{format.number(unread)}</span>} size={20} color="clay" offset={6} withBorder>
      <ActionIcon
        component={Link}
        to={messagesPath}
        aria-label={unread > 0 ? t('nav.unread', { count: unread }) : t('nav.none')}
        aria-current={path === messagesPath || path.endsWith('/messages') ? 'page' : undefined}
        variant="subtle"
        color="pine"
        size={44}
        radius="xl"
        data-testid="messages-nav"
      >
        <ChatIcon />
      </ActionIcon>
    </Indicator>
  );
}
