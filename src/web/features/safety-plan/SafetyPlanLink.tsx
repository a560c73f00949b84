import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';

const planPath = (participantId: string) => `/participants/${participantId}/safety-plan`;

/**
 * "My safety plan", one tap away on every page of a participant: the layout shows it beside the
 * crisis card.
 */
export function MySafetyPlanLink({ participantId }: { participantId: string }) {
  const { t } = useTranslation('safety-plan');
  const here = useLocation().pathname === planPath(participantId);
  return (
    <Button
      component={Link}
      to={planPath(participantId)}
      aria-current={here ? 'page' : undefined}
      variant="outline"
      size="md"
      mt="sm"
      className="safety-plan-no-print"
      data-testid="my-safety-plan"
    >
      {t('link.mine')}
    </Button>
  );
}
