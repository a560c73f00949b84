import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceDetail } from '../../../shared/schemas/resources.js';
import { useResourceWords } from './words.js';

const offsetText = (minutes: number) => `${minutes < 0 ? '−' : '+'}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`;

/** Open now or not, until when; then the week, each opening on the day it starts. */
export function HoursList({ hours }: { hours: ServiceDetail['hours'] }) {
  const { t } = useTranslation('resources');
  const words = useResourceWords();
  const status = !hours.known
    ? t('service.noHours')
    : hours.openNow
      ? hours.nextChangeAt
        ? t('service.openUntil', { time: words.moment(hours.nextChangeAt, hours.timeZone) })
        : t('service.openNow')
      : hours.nextChangeAt
        ? t('service.closedOpens', { when: words.moment(hours.nextChangeAt, hours.timeZone) })
        : t('service.closed');
  const offsets = [...new Set(hours.weekly.map((h) => h.utcOffsetMinutes).filter((o): o is number => o !== null))];
  const times = (h: ServiceDetail['hours']['weekly'][number]) => (h.opens === '00:00' && h.closes === '24:00' ? t('service.allDay') : `${words.timeOfDay(h.opens)} – ${words.timeOfDay(h.closes)}`);
  // Days with the same hours read as one line: "Monday – Friday", "Every day".
  const weekly = hours.weekly.filter((h) => h.nth === null);
  const byDay = new Map<number, string>();
  for (const h of weekly) byDay.set(h.weekday, [byDay.get(h.weekday), times(h)].filter(Boolean).join(', '));
  const lines: Array<{ days: string; times: string }> = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const days = run.length === 7 ? t('service.everyDay') : run.length === 1 ? words.weekday(run[0]!) : `${words.weekday(run[0]!)} – ${words.weekday(run.at(-1)!)}`;
    lines.push({ days, times: byDay.get(run[0]!)! });
    run = [];
  };
  for (const day of [1, 2, 3, 4, 5, 6, 0]) {
    const text = byDay.get(day);
    if (text === undefined || (run.length > 0 && byDay.get(run[0]!) !== text)) flush();
    if (text !== undefined) run.push(day);
  }
  flush();
  for (const h of hours.weekly.filter((x) => x.nth !== null)) {
    lines.push({ days: t('service.monthly', { nth: t(`service.nth.${h.nth}` as 'service.nth.1'), day: words.weekday(h.weekday) }), times: times(h) });
  }
  return (
    <Stack gap="xs" data-testid="service-hours">
      <Text fw={650} c={hours.openNow ? 'pine.8' : undefined}>
        {status}
      </Text>
      {lines.length > 0 && (
        <List spacing={4} listStyleType="none" ml={0} pl={0}>
          {lines.map((line) => (
            <List.Item key={line.days}>
              <Text span fw={600}>
                {line.days}
              </Text>{' '}
              {line.times}
            </List.Item>
          ))}
        </List>
      )}
      {hours.known && (
        <Text size="sm" c="dimmed">
          {offsets.length > 0 ? t('service.hoursAt', { offset: offsets.map(offsetText).join(', ') }) : t('service.hoursIn', { zone: hours.timeZone.replace(/_/g, ' ') })}
        </Text>
      )}
      {hours.notes.map((note) => (
        <Text key={note} size="sm">
          {note}
        </Text>
      ))}
    </Stack>
  );
}
