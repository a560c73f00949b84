import './matching.css';
import { Button, Fieldset, Group, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { weekdays, type WeeklyTimeWindow } from '../../../shared/schemas/matching.js';

interface Props {
  legend: string;
  description?: string;
  value: WeeklyTimeWindow[];
  onChange: (value: WeeklyTimeWindow[]) => void;
  /** The form's errors by input name; windows are `${name}.${index}.from|to`. */
  error: (name: string) => string | undefined;
  name: string;
}

// A new window starts where the day's last one ends, or in the working day.
function nextWindow(day: WeeklyTimeWindow['day'], existing: WeeklyTimeWindow[]): WeeklyTimeWindow {
  const last = existing.filter((w) => w.day === day).at(-1);
  if (!last) return { day, from: '09:00', to: '12:00' };
  const start = Math.min(Number(last.to.slice(0, 2)), 21);
  const hh = (h: number) => String(h).padStart(2, '0');
  return { day, from: `${hh(start)}:00`, to: `${hh(Math.min(start + 2, 23))}:${start + 2 > 23 ? '59' : '00'}` };
}

/** Weekly times by weekday: add, change and remove windows; every input labelled, every button named. */
export function WeeklyTimesEditor({ legend, description, value, onChange, error, name }: Props) {
  const { t } = useTranslation('matching');
  const descriptionId = useId();
  const set = (index: number, patch: Partial<WeeklyTimeWindow>) => onChange(value.map((w, i) => (i === index ? { ...w, ...patch } : w)));
  const groupError = error(name);
  return (
    <Fieldset legend={legend} variant="unstyled" aria-describedby={description ? descriptionId : undefined}>
      {description && (
        <Text id={descriptionId} fz="sm" c="dimmed" mb="xs">
          {description}
        </Text>
      )}
      <Stack gap="xs">
        {weekdays.map((day) => {
          const dayName = t(`days.${day}`);
          const windows = value.map((w, index) => ({ w, index })).filter(({ w }) => w.day === day);
          return (
            <Stack key={day} gap={6} role="group" aria-label={dayName} className="weekly-day">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600}>{dayName}</Text>
                <Button variant="subtle" size="compact-sm" aria-label={t('times.addOn', { day: dayName })} onClick={() => onChange([...value, nextWindow(day, value)])}>
                  {t('times.add')}
                </Button>
              </Group>
              {windows.map(({ w, index }) => {
                const wrongFrom = error(`${name}.${index}.from`);
                const wrongTo = error(`${name}.${index}.to`);
                // Both times filled in but the end first: say so plainly; otherwise the form's own message.
                const message = wrongFrom ?? (wrongTo && w.from && w.to ? t('times.endsAfter') : wrongTo);
                return (
                  <Stack key={index} gap={4}>
                    <Group gap="xs" align="flex-end" wrap="nowrap">
                      <TextInput
                        type="time"
                        label={t('times.from')}
                        aria-label={`${dayName}, ${t('times.from')}`}
                        value={w.from}
                        onChange={(e) => set(index, { from: e.currentTarget.value })}
                        error={wrongFrom ? true : undefined}
                        className="time-input"
                        style={{ flex: 1, minWidth: 0 }}
                      />
                      <TextInput
                        type="time"
                        label={t('times.to')}
                        aria-label={`${dayName}, ${t('times.to')}`}
                        value={w.to}
                        onChange={(e) => set(index, { to: e.currentTarget.value })}
                        error={wrongTo ? true : undefined}
                        className="time-input"
                        style={{ flex: 1, minWidth: 0 }}
                      />
                      <Button
                        variant="subtle"
                        color="clay"
                        size="sm"
                        px={4}
                        aria-label={t('times.removeOn', { day: dayName, from: w.from, to: w.to })}
                        onClick={() => onChange(value.filter((_, i) => i !== index))}
                      >
                        {t('times.remove')}
                      </Button>
                    </Group>
                    {message && (
                      <Text fz="sm" c="clay.8" role="alert">
                        {message}
                      </Text>
                    )}
                  </Stack>
                );
              })}
            </Stack>
          );
        })}
        {groupError && (
          <Text fz="sm" c="clay.8" role="alert">
            {t('times.overlap')}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}
