import { Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CravingEpisode } from '../../../shared/schemas/coping.js';
import { EmptyState } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useStrategies } from './strategies.js';

/** Each use of the craving flow: when, how strong before and after, what was tried, whether help was asked for. */
export function CravingLog({ episodes, label, mine }: { episodes: CravingEpisode[]; label: string; mine: boolean }) {
  const { t } = useTranslation('coping');
  const format = useFormat();
  const strategies = useStrategies();
  if (episodes.length === 0) return <EmptyState>{mine ? t('log.emptyMine') : t('log.empty')}</EmptyState>;
  return (
    <Stack component="ul" className="record-list" gap="xs" aria-label={label} data-testid="craving-log">
      {episodes.map((e) => (
        <Paper component="li" key={e.id} withBorder p="sm" bg="white">
          <Group justify="space-between" align="baseline" gap="xs">
            <Text fz="sm" c="dimmed">
              {format.dateTime(e.startedAt)}
            </Text>
            <Text fw={700}>
              <span aria-hidden="true">
                {e.intensityBefore} → {e.intensityAfter ?? '–'}
              </span>
              <VisuallyHidden>
                {e.intensityAfter === null
                  ? t('log.beforeOnlyLabel', { before: e.intensityBefore })
                  : t('log.changeLabel', { before: e.intensityBefore, after: e.intensityAfter })}
              </VisuallyHidden>
            </Text>
          </Group>
          {e.strategiesUsed.length > 0 && <Text fz="sm">{t('log.used', { list: format.list(e.strategiesUsed.map(strategies.title)) })}</Text>}
          {e.toldPeerWorker && (
            <Badge variant="light" color="amber" mt={4} tt="none">
              {t('log.told')}
            </Badge>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
