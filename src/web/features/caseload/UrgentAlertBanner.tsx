import { Alert, Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLiveEvent, type LiveEvent } from '../../api/live.js';
import { useAlerts, useRefreshAfterAlert } from '../alerts/api.js';

interface Urgent {
  alertId: string;
  participantId: string;
  escalated: boolean;
}

const LIVE_TYPES = ['alert.raised', 'alert.updated', 'alert.escalated', 'live.reconnected'] as const;

/**
 * Live alerts without a reload: every alert event refreshes the caseload, the inbox and the tasks,
 * and an urgent one shows a banner that names the person and links to them. It goes away once the
 * alert is acknowledged (here or in another tab) or dismissed.
 */
export function UrgentAlertBanner() {
  const { t } = useTranslation('caseload');
  const refresh = useRefreshAfterAlert();
  const [urgent, setUrgent] = useState<Urgent[]>([]);
  const alerts = useAlerts({ status: 'unresolved' });

  useLiveEvent(LIVE_TYPES, (event: LiveEvent) => {
    void refresh();
    const { alertId, participantId, severity } = event as LiveEvent & { alertId?: string; participantId?: string; severity?: string };
    if ((event.type === 'alert.raised' || event.type === 'alert.escalated') && severity === 'urgent' && alertId && participantId) {
      setUrgent((list) => [{ alertId, participantId, escalated: event.type === 'alert.escalated' }, ...list.filter((u) => u.alertId !== alertId)]);
    }
  });

  const known = alerts.data?.alerts;
  // Still waiting for someone: open (not yet acknowledged), or not yet in the list we have.
  const waiting = urgent.filter((u) => {
    const found = known?.find((a) => a.id === u.alertId);
    return found ? found.status === 'open' : !known || alerts.isFetching;
  });
  if (waiting.length === 0) return null;
  return (
    <Stack gap="xs">
      {waiting.map((u) => {
        const name = known?.find((a) => a.id === u.alertId)?.participantName ?? t('banner.someone');
        return (
          <Alert key={u.alertId} role="alert" color="clay" variant="filled" data-testid="urgent-banner">
            <Group justify="space-between" gap="sm">
              <Text fw={650} c="white">
                {u.escalated ? t('banner.escalated', { name }) : t('banner.raised', { name })}
              </Text>
              <Group gap="xs">
                <Anchor component={Link} to={`/participants/${u.participantId}`} c="white" fw={700} underline="always">
                  {t('banner.open', { name })}
                </Anchor>
                <Button size="compact-sm" variant="white" color="clay" onClick={() => setUrgent((list) => list.filter((x) => x.alertId !== u.alertId))}>
                  {t('banner.dismiss')}
                </Button>
              </Group>
            </Group>
          </Alert>
        );
      })}
    </Stack>
  );
}
