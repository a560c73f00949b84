import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Milestones } from '../../../shared/schemas/milestones.js';
import { useFormat } from '../../i18n/format.js';
import { useMilestoneWords } from './words.js';

/** The count in large type, with the date it counts from and the next milestone. */
export function DayCounter({ view }: { view: Milestones }) {
  const { t } = useTranslation('milestones');
  const format = useFormat();
  const words = useMilestoneWords();
  if (view.days === null || !view.recoveryStart) return null;
  return (
    <Stack gap={4} data-testid="day-counter">
      <Group gap="xs" align="baseline">
        <Text fz={44} fw={750} lh={1} c="pine.8">
          {format.number(view.days)}
        </Text>
        <Text fz="lg" fw={600}>
          {t('counter.label', { count: view.days })}
        </Text>
      </Group>
      {view.days === 0 && <Text>{t('counter.firstDay')}</Text>}
      <Text fz="sm" c="dimmed">
        {t('counter.since', { date: words.date(view.recoveryStart.startDate) })}
      </Text>
      {view.next && <Text fz="sm">{t('counter.next', { milestone: words.name(view.next), date: words.date(view.next.date) })}</Text>}
    </Stack>
  );
}
