import { Anchor, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CravingEpisode } from '../../../shared/schemas/coping.js';
import { Section } from '../../components/Section.js';
import { useFormat } from '../../i18n/format.js';
import { useStrategies } from './strategies.js';

/** The end of the craving flow: what changed, in kind words whichever way it went. */
export function CravingResult({ episode, participantId }: { episode: CravingEpisode; participantId: string }) {
  const { t } = useTranslation('coping');
  const format = useFormat();
  const strategies = useStrategies();
  const { intensityBefore: before, intensityAfter: after } = episode;
  const message =
    after === null
      ? t('flow.result.noAfter')
      : after < before
        ? t('flow.result.lower', { before, after })
        : after === before
          ? t('flow.result.same', { after })
          : t('flow.result.higher', { after });
  return (
    <Section title={t('flow.result.title')} testId="craving-done">
      <Stack gap="sm" role="status">
        {after !== null && (
          <Text fz={28} fw={700} c="pine.8">
            <span aria-hidden="true">
              {before} → {after}
            </span>
            <VisuallyHidden>{t('log.changeLabel', { before, after })}</VisuallyHidden>
          </Text>
        )}
        <Text fz="lg">{message}</Text>
        {episode.strategiesUsed.length > 0 && (
          <Text>{t('log.used', { list: format.list(episode.strategiesUsed.map(strategies.title)) })}</Text>
        )}
      </Stack>
      <Group gap="md">
        <Anchor component={Link} to="/">
          {t('flow.result.home')}
        </Anchor>
        <Anchor component={Link} to={`/participants/${participantId}/coping`}>
          {t('flow.result.seeLog')}
        </Anchor>
      </Group>
    </Section>
  );
}
