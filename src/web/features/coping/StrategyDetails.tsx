import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ShownStrategy } from './strategies.js';

/** The body of a strategy: its steps in order, how long it takes, and when it helps. */
export function StrategyDetails({ shown, withSummary = false }: { shown: ShownStrategy; withSummary?: boolean }) {
  const { t } = useTranslation('coping');
  const { strategy, words } = shown;
  return (
    <Stack gap="xs">
      {withSummary && <Text>{words.summary}</Text>}
      <List type="ordered" spacing={6} withPadding>
        {words.steps.map((step) => (
          <List.Item key={step}>{step}</List.Item>
        ))}
      </List>
      <Text fz="sm">
        <Text span fw={600}>
          {t('library.whenItHelps')}:{' '}
        </Text>
        {words.whenItHelps}
      </Text>
      <Text fz="sm" c="dimmed">
        {t('library.minutes', { count: strategy.minutes })}
      </Text>
    </Stack>
  );
}
