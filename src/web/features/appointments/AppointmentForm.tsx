import { Button, Chip, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  APPOINTMENT_DEFAULT_MINUTES,
  appointmentDurationChoices,
  createAppointmentSchema,
  updateAppointmentSchema,
  wallClockOf,
  zonedTimeToUtc,
  type Appointment,
  type AppointmentMode,
  type CreateAppointment,
  type UpdateAppointment,
} from '../../../shared/schemas/appointments.js';
import { appointmentModes } from '../../../shared/schemas/journey.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { ChoiceCards } from '../checkins/ChoiceCards.js';
import '../notes/notes.css';
import { useAppointmentActions } from './api.js';
import { useWhen } from './useWhen.js';

interface Props {
  participantId: string;
  /** The program's time zone: the date and time typed are on its clock. */
  timeZone: string;
  /** Given when rescheduling. */
  appointment?: Appointment;
  onDone: (appointment: Appointment) => void;
}

/** Schedule or reschedule a session: day and time on the program's clock, how long, how you meet. */
export function AppointmentForm({ participantId, timeZone, appointment, onDone }: Props) {
  const { t } = useTranslation('appointments');
  const { t: tApp } = useTranslation();
  const when = useWhen();
  const { create, update } = useAppointmentActions(participantId);
  const start = appointment ? wallClockOf(new Date(appointment.startsAt), timeZone) : null;
  const [date, setDate] = useState(start?.date ?? '');
  const [time, setTime] = useState(start?.time ?? '');
  const [duration, setDuration] = useState(String(appointment?.durationMinutes ?? APPOINTMENT_DEFAULT_MINUTES));
  const [mode, setMode] = useState<AppointmentMode | undefined>(appointment?.mode);
  const [location, setLocation] = useState(appointment?.location ?? '');
  const [videoLink, setVideoLink] = useState(appointment?.videoLink ?? '');
  const [note, setNote] = useState(appointment?.note ?? '');

  const form = useApiForm({
    schema: appointment ? updateAppointmentSchema : createAppointmentSchema,
    send: (input) => (appointment ? update(appointment.id, input as UpdateAppointment) : create(input as CreateAppointment)),
    onSuccess: onDone,
    check: (): Record<string, string> => ({
      ...(date ? {} : { date: tApp('validation.required') }),
      ...(time ? {} : { time: tApp('validation.required') }),
    }),
  });
  const empty = appointment ? null : undefined;
  const values = {
    startsAt: date && time ? zonedTimeToUtc(date, time, timeZone).toISOString() : undefined,
    durationMinutes: Number(duration),
    mode,
    location: mode === 'in_person' && location.trim() ? location.trim() : empty,
    videoLink: mode === 'video' && videoLink.trim() ? videoLink.trim() : empty,
    note: note.trim() || empty,
  };

  return (
    <form noValidate onSubmit={form.onSubmit(values)} data-testid="appointment-form">
      <Stack gap="lg">
        <Group grow align="flex-start" gap="sm">
          <TextInput type="date" label={t('form.date')} required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={form.error('date')} />
          <TextInput
            type="time"
            label={t('form.time')}
            required
            value={time}
            onChange={(e) => setTime(e.currentTarget.value)}
            error={form.error('time') ?? form.error('startsAt')}
          />
        </Group>
        <Text fz="sm" c="dimmed" mt={-12}>
          {t('form.timeHint', { zone: when.zoneName(timeZone) })}
        </Text>
        <fieldset className="note-fieldset">
          <legend>{t('form.duration')}</legend>
          <div className="note-chips">
            <Chip.Group value={duration} onChange={(v) => setDuration(v as string)}>
              {appointmentDurationChoices.map((m) => (
                <Chip key={m} value={String(m)} size="md" radius="md">
                  {t('form.minutes', { count: m })}
                </Chip>
              ))}
            </Chip.Group>
          </div>
        </fieldset>
        <ChoiceCards
          name="mode"
          legend={t('form.mode')}
          choices={appointmentModes.map((m) => ({ value: m, label: t(`mode.${m}`) }))}
          value={mode}
          onChange={setMode}
          error={form.error('mode')}
          columns={3}
        />
        {mode === 'in_person' && (
          <TextInput
            label={t('form.location')}
            description={t('form.locationHint')}
            autoComplete="off"
            value={location}
            onChange={(e) => setLocation(e.currentTarget.value)}
            error={form.error('location')}
          />
        )}
        {mode === 'video' && (
          <TextInput
            type="url"
            label={t('form.videoLink')}
            description={t('form.videoLinkHint')}
            placeholder="https://"
            autoComplete="off"
            value={videoLink}
            onChange={(e) => setVideoLink(e.currentTarget.value)}
            error={form.error('videoLink')}
          />
        )}
        <Textarea label={t('form.note')} description={t('form.noteHint')} autosize minRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={form.error('note')} />
        <FormError message={form.formError} />
        <Button type="submit" size="lg" fullWidth loading={form.pending}>
          {appointment ? t('form.saveEdit') : t('form.save')}
        </Button>
      </Stack>
    </form>
  );
}
