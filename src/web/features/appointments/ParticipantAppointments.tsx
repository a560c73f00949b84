import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { useSignedIn } from '../../api/session.js';
import { DialogButton } from '../../components/DialogButton.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { programTimeZone } from '../../roles.js';
import { useParticipantAppointments } from './api.js';
import { AppointmentCard } from './AppointmentCard.js';
import { AppointmentForm } from './AppointmentForm.js';

/** On the participant page: sessions ahead and of the last month, and "Schedule a session" for their peer worker. */
export function ParticipantAppointments({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('appointments');
  const { user } = useSignedIn();
  const list = useParticipantAppointments(participant.id);
  const [notice, setNotice] = useState<string | null>(null);
  const timeZone = programTimeZone(user, participant.programId) ?? 'UTC';
  const now = Date.now();
  const all = list.data?.appointments ?? [];
  const ahead = all.filter((a) => Date.parse(a.endsAt) > now);
  const past = all.filter((a) => Date.parse(a.endsAt) <= now).reverse();
  const schedule = participant.can.access.appointments.write && (
    <DialogButton label={t('participant.schedule')} title={t('participant.scheduleTitle', { name: participant.preferredName })} button={{ size: 'sm', variant: 'light' }}>
      {(close) => (
        <AppointmentForm
          participantId={participant.id}
          timeZone={timeZone}
          onDone={() => {
            close();
            setNotice(t('participant.scheduled', { name: participant.preferredName }));
          }}
        />
      )}
    </DialogButton>
  );
  const listOf = (items: typeof all, label: string) => (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((a) => (
        <AppointmentCard key={a.id} appointment={a} />
      ))}
    </Stack>
  );
  return (
    <Section title={t('participant.title')} testId="participant-appointments" actions={schedule}>
      {notice && <Notice>{notice}</Notice>}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : all.length === 0 ? (
        <EmptyState>{t('participant.none')}</EmptyState>
      ) : (
        <Stack gap="md">
          {ahead.length > 0 && listOf(ahead, t('upcoming.title'))}
          {past.length > 0 && (
            <Stack gap="xs">
              <Text fw={650}>{t('participant.past')}</Text>
              {listOf(past, t('participant.past'))}
            </Stack>
          )}
        </Stack>
      )}
    </Section>
  );
}
