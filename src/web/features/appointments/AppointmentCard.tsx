import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Appointment, AppointmentStatus } from '../../../shared/schemas/appointments.js';
import { useSignedIn } from '../../api/session.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useAppointmentActions } from './api.js';
import { AppointmentForm } from './AppointmentForm.js';
import { useWhen } from './useWhen.js';

const statusColor: Record<AppointmentStatus, string> = { scheduled: 'pine', completed: 'pine', cancelled: 'sand', missed: 'clay' };
const statusAction = { completed: 'card.markCompleted', missed: 'card.markMissed' } as const;

/**
 * One session: when (on the program's clock), how, with whom, where. The peer worker reschedules,
 * cancels, or marks it completed or missed from here.
 */
export function AppointmentCard({ appointment: a }: { appointment: Appointment }) {
  const { t } = useTranslation('appointments');
  const { user } = useSignedIn();
  const when = useWhen();
  const { update } = useAppointmentActions(a.participant.id);
  const change = useMutation({ mutationFn: (status: 'cancelled' | 'completed' | 'missed') => update(a.id, { status }) });
  const other = a.peerWorker.id === user.id ? a.participant.preferredName : a.peerWorker.displayName;
  const closed = a.status !== 'scheduled';
  const label = when.dateTime(a.startsAt, a.timeZone);
  return (
    <Paper component="li" withBorder p="md" bg={closed ? 'gray.0' : 'white'} data-testid="appointment-card">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" align="baseline" wrap="nowrap">
          <Text fw={700} component="time" dateTime={a.startsAt} td={a.status === 'cancelled' ? 'line-through' : undefined}>
            {label}
          </Text>
          {closed && (
            <Badge color={statusColor[a.status]} variant="light" style={{ flexShrink: 0 }}>
              {t(`status.${a.status}`)}
            </Badge>
          )}
        </Group>
        <Text fz="sm">
          {t('upcoming.with', { name: other })} · {t(`mode.${a.mode}`)} · {t('card.minutes', { count: a.durationMinutes })}
        </Text>
        {a.location && (
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {a.location}
          </Text>
        )}
        {a.videoLink && !closed && (
          <Anchor href={a.videoLink} target="_blank" rel="noopener noreferrer" fz="sm" fw={600}>
            {t('card.join')}
          </Anchor>
        )}
        {a.note && (
          <Text fz="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {a.note}
          </Text>
        )}
        {a.status === 'missed' && a.can.changeStatusTo.length > 0 && (
          <Text fz="sm" c="dimmed">
            {t('card.missedNote')}
          </Text>
        )}
        {(a.can.edit || a.can.changeStatusTo.length > 0) && (
          <Group gap="xs" mt={4} role="group" aria-label={t('card.actionsFor', { when: label })}>
            {a.can.edit && (
              <DialogButton label={t('card.reschedule')} title={t('card.rescheduleTitle')} button={{ size: 'xs', variant: 'light' }}>
                {(close) => <AppointmentForm participantId={a.participant.id} timeZone={a.timeZone} appointment={a} onDone={close} />}
              </DialogButton>
            )}
            {a.can.changeStatusTo.includes('cancelled') && (
              <DialogButton label={t('card.cancel')} title={t('card.cancel')} button={{ size: 'xs', variant: 'subtle', color: 'clay' }}>
                {(close) => (
                  <Stack gap="md">
                    <Text>{t('card.cancelConfirm', { when: label, name: other })}</Text>
                    <Group gap="sm">
                      <Button color="clay" loading={change.isPending} onClick={() => change.mutate('cancelled', { onSuccess: close })}>
                        {t('card.cancel')}
                      </Button>
                      <Button variant="default" onClick={close}>
                        {t('card.keep')}
                      </Button>
                    </Group>
                  </Stack>
                )}
              </DialogButton>
            )}
            {a.can.changeStatusTo.filter((to) => to !== 'cancelled').map((to) => (
              <Button
                key={to}
                size="xs"
                variant="light"
                loading={change.isPending && change.variables === to}
                onClick={() => change.mutate(to as 'completed' | 'missed')}
              >
                {t(statusAction[to as 'completed' | 'missed'])}
              </Button>
            ))}
          </Group>
        )}
        <FormError message={change.isError ? describeError(change.error) : null} />
      </Stack>
    </Paper>
  );
}
