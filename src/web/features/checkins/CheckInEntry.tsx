import { Badge, Box, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CheckIn } from '../../../shared/schemas/checkins.js';
import { MoodFace } from './MoodFace.js';
import { useCheckInFormat } from './useCheckInFormat.js';
import type { MoodValue } from './vocabulary.js';
import './checkins.css';

/** One check-in in a list: when, mood and craving at a glance, the rest as label/value pairs. */
export function CheckInEntry({ checkIn, timeZone }: { checkIn: CheckIn; timeZone?: string }) {
  const { t } = useTranslation('checkins');
  const format = useCheckInFormat();
  const details = [
    { label: t('entry.use'), value: t(`use.${checkIn.usedSinceLast}`) },
    ...(checkIn.triggers.length || checkIn.triggerNote
      ? [{ label: t('entry.triggers'), value: [...checkIn.triggers.map((x) => t(`triggers.${x}`)), checkIn.triggerNote].filter(Boolean).join(', ') }]
      : []),
    ...(checkIn.sleepHours !== null ? [{ label: t('entry.sleep'), value: t('entry.sleepHours', { hours: format.number(checkIn.sleepHours) }) }] : []),
    ...(checkIn.supportContact !== null
      ? [{ label: t('entry.support'), value: checkIn.supportContact ? t('form.supportYes') : t('form.supportNo') }]
      : []),
    ...(checkIn.note ? [{ label: t('entry.note'), value: checkIn.note }] : []),
  ];
  return (
    <Box component="li" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-sand-1)' }} data-testid="checkin-entry">
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text component="time" dateTime={checkIn.createdAt} fw={600}>
          {format.when(checkIn.createdAt, timeZone)}
        </Text>
        {checkIn.private && (
          <Badge color="sand" variant="outline" style={{ flexShrink: 0 }}>
            {t('entry.private')}
          </Badge>
        )}
      </Group>
      <Group my={6} style={{ columnGap: 'var(--mantine-spacing-lg)', rowGap: 4 }}>
        <Group gap={8} wrap="nowrap">
          <MoodFace mood={checkIn.mood} size={32} />
          <Text>
            {t('entry.mood')}: <strong>{t(`mood.${String(checkIn.mood) as MoodValue}`)}</strong>
          </Text>
        </Group>
        <Text>
          {t('entry.craving')}: <strong>{t('form.cravingValue', { value: checkIn.craving })}</strong>
        </Text>
      </Group>
      <dl className="checkin-details">
        {details.map(({ label, value }) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </Box>
  );
}
