import { Button, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setCheckInReminderSchema, type CheckInReminder } from '../../../shared/schemas/notifications.js';
import { SubSection } from '../../components/Section.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useFormat } from '../../i18n/format.js';
import { useCheckInReminder, useSetCheckInReminder } from './api.js';
import { formatTimeOfDay, timeZoneName } from './timeOfDay.js';

// A first suggestion: early evening, when many people look back on their day.
const SUGGESTED_TIME = '19:00';

function ReminderForm({ participantId, reminder }: { participantId: string; reminder: CheckInReminder }) {
  const { t } = useTranslation('notifications');
  const { locale } = useFormat();
  const [enabled, setEnabled] = useState(reminder.enabled);
  const [localTime, setLocalTime] = useState(reminder.localTime ?? SUGGESTED_TIME);
  const [saved, setSaved] = useState<CheckInReminder | null>(null);
  const form = useApiForm({ schema: setCheckInReminderSchema, send: useSetCheckInReminder(participantId), onSuccess: (r) => setSaved(r) });
  return (
    <form noValidate onSubmit={form.onSubmit({ enabled, localTime })}>
      <Stack gap="md">
        <Switch label={t('reminder.enabled')} checked={enabled} onChange={(e) => (setEnabled(e.currentTarget.checked), setSaved(null))} size="md" />
        <TextInput
          type="time"
          label={t('reminder.time')}
          description={t('reminder.timeHint', { zone: timeZoneName(reminder.timeZone, locale) })}
          value={localTime}
          onChange={(e) => (setLocalTime(e.currentTarget.value), setSaved(null))}
          disabled={!enabled}
          required
          error={form.error('localTime')}
          maw={220}
        />
        <FormError message={form.formError} />
        {saved && (
          <Notice>{saved.enabled ? t('reminder.savedOn', { time: formatTimeOfDay(saved.localTime!, locale) }) : t('reminder.savedOff')}</Notice>
        )}
        <Button type="submit" loading={form.pending} style={{ alignSelf: 'flex-start' }}>
          {t('reminder.save')}
        </Button>
      </Stack>
    </form>
  );
}

/** The participant's daily reminder; staff who may read it see whether it is on. */
export function ReminderSetting({ participantId, canWrite }: { participantId: string; canWrite: boolean }) {
  const { t } = useTranslation('notifications');
  const { locale } = useFormat();
  const reminder = useCheckInReminder(participantId);
  return (
    <SubSection title={t('reminder.title')}>
      {reminder.isPending ? (
        <Loading />
      ) : reminder.isError ? (
        <LoadError error={reminder.error} onRetry={() => void reminder.refetch()} />
      ) : canWrite ? (
        <>
          <Text>{t('reminder.intro')}</Text>
          <ReminderForm participantId={participantId} reminder={reminder.data} />
        </>
      ) : (
        <Text>
          {t('reminder.seeOnly', {
            state: reminder.data.enabled && reminder.data.localTime ? t('reminder.on', { time: formatTimeOfDay(reminder.data.localTime, locale) }) : t('reminder.off'),
          })}
        </Text>
      )}
    </SubSection>
  );
}
