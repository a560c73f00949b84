import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSignedIn } from '../../api/session.js';
import { rolesOf } from '../../roles.js';

export const peerProfilePath = (peerWorkerId: string) => `/peer-workers/${peerWorkerId}/profile`;

/** On the peer worker's home. */
export function MyMatchingProfileLink() {
  const { t } = useTranslation('matching');
  const { user } = useSignedIn();
  return (
    <Button component={Link} to={peerProfilePath(user.id)} variant="light" style={{ alignSelf: 'flex-start' }} data-testid="my-matching-profile">
      {t('link')}
    </Button>
  );
}

/** In the account menu, for peer workers. */
export function MatchingProfileMenuItem() {
  const { t } = useTranslation('matching');
  const { user } = useSignedIn();
  const navigate = useNavigate();
  if (!rolesOf(user).includes('peer_worker')) return null;
  return <Menu.Item onClick={() => navigate(peerProfilePath(user.id))}>{t('link')}</Menu.Item>;
}
