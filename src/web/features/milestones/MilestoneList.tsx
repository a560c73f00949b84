import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Milestone } from '../../../shared/schemas/milestones.js';
import { useMilestoneWords } from './words.js';

/** Milestones as a list of small cards, each with its date; ones still ahead are marked so. */
export function MilestoneList({ milestones, label }: { milestones: Milestone[]; label: string }) {
  const { t } = useTranslation('milestones');
  const words = useMilestoneWords();
  return (
    <Stack component="ul" className="record-list" gap="xs" aria-label={label}>
      {milestones.map((m) => (
        <Paper component="li" key={m.key} withBorder p="sm" bg={m.reached ? 'white' : 'sand.0'}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text fw={600} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              {m.reached && (
                <span aria-hidden="true" style={{ marginInlineEnd: 6 }}>
                  ★
                </span>
              )}
              {words.name(m)}
            </Text>
            <Group gap="xs" wrap="nowrap">
              {!m.reached && (
                <Badge color="sand" variant="light">
                  {t('page.comingUp')}
                </Badge>
              )}
              <Text fz="sm" c="dimmed">
                <time dateTime={m.date}>{words.date(m.date)}</time>
              </Text>
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}
