import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Alert } from '../../../shared/schemas/alerts.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useSignedIn } from '../../api/session.js';
import { programTimeZone } from '../../roles.js';
import { attentionBorder, attentionColor } from '../caseload/severity.js';
import { useWhen } from '../caseload/useWhen.js';
import { useAlertActions } from './api.js';
import { ResolveAlertForm } from './ResolveAlertForm.js';

/** One alert: what and about whom in words, where it stands, and the two things to do with it. */
export function AlertItem({ alert, showParticipant = true }: { alert: Alert; showParticipant?: boolean }) {
  const { t } = useTranslation('alerts');
  const { user } = useSignedIn();
  const { moment } = useWhen(programTimeZone(user, alert.programId));
  const { acknowledge } = useAlertActions();
  const [notice, setNotice] = useState<string | null>(null);
  const ack = useMutation({
    mutationFn: () => acknowledge(alert.id),
    onSuccess: () => setNotice(alert.severity === 'urgent' ? t('item.acknowledged') : t('item.acknowledgedPlain')),
  });
  const name = alert.participantName;
  const border = alert.status === 'resolved' ? {} : attentionBorder(alert.severity);
  return (
    <Paper component="li" withBorder p="md" bg="white" style={border} data-testid="alert-item" data-status={alert.status}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Text fw={650}>{t(`kind.${alert.kind}`)}</Text>
          <Group gap={6}>
            <Badge color={attentionColor[alert.severity]} variant={alert.severity === 'urgent' && alert.status === 'open' ? 'filled' : 'light'}>
              {t(`severity.${alert.severity}`)}
            </Badge>
            <Badge color="sand" variant="outline">
              {t(`status.${alert.status}`)}
            </Badge>
          </Group>
        </Group>
        {showParticipant && (
          <Text fz="sm">
            <Anchor component={Link} to={`/participants/${alert.participantId}`} fw={600}>
              {t('item.about', { name })}
            </Anchor>
          </Text>
        )}
        <Text fz="sm">{alert.reason}</Text>
        <Text fz="sm" c="dimmed">
          {t('item.raised', { when: moment(alert.createdAt) })}
          {alert.escalatedAt && ` · ${t('item.escalated', { when: moment(alert.escalatedAt) })}`}
        </Text>
        {alert.acknowledgedBy && alert.acknowledgedAt && (
          <Text fz="sm" c="dimmed">
            {t('item.acknowledgedBy', { name: alert.acknowledgedBy.displayName, when: moment(alert.acknowledgedAt) })}
          </Text>
        )}
        {alert.resolvedBy && alert.resolvedAt && (
          <Text fz="sm" c="dimmed">
            {t('item.resolvedBy', { name: alert.resolvedBy.displayName, when: moment(alert.resolvedAt) })}
          </Text>
        )}
        {alert.resolutionNote && <Text fz="sm">{t('item.note', { note: alert.resolutionNote })}</Text>}
        {notice && <Notice>{notice}</Notice>}
        {ack.isError && <FormError message={describeError(ack.error)} />}
        {(alert.can.acknowledge || alert.can.resolve) && (
          <Group gap="sm">
            {alert.can.acknowledge && (
              <Button size="sm" onClick={() => ack.mutate()} loading={ack.isPending} aria-label={t('item.acknowledgeLabel', { name })}>
                {t('item.acknowledge')}
              </Button>
            )}
            {alert.can.resolve && (
              <DialogButton
                label={t('item.resolve')}
                ariaLabel={t('item.resolveLabel', { name })}
                title={t('resolve.title', { name })}
                button={{ size: 'sm', variant: 'light' }}
              >
                {(close) => <ResolveAlertForm alert={alert} onDone={close} />}
              </DialogButton>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
