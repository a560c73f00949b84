import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReferralStatus } from '../../../shared/schemas/referrals.js';

const colours: Record<ReferralStatus, string> = { draft: 'sand', sent: 'pine', accepted: 'pine', declined: 'amber', completed: 'pine', closed_unmet: 'sand' };

/** The status in words; the colour only repeats it. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation('referrals');
  return (
    <Badge color={colours[status]} variant={status === 'completed' ? 'filled' : 'light'} data-testid="referral-status">
      {t(`status.${status}`)}
    </Badge>
  );
}
