import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { InstrumentDefinition } from '../../../shared/instruments/index.js';
import type { InstrumentHistory } from '../../../shared/schemas/assessments.js';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { LoadError, Loading } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { useAssessmentHistory, useInstruments } from './api.js';
import { useLocalized } from './instrument-text.js';

/** The participant's own measures: which there are, when each was last done, and a gentle way in. */
export function MeasuresPage({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('measures');
  const definitions = useInstruments();
  const history = useAssessmentHistory(participant.id);
  let body;
  if (definitions.isPending || history.isPending) body = <Loading />;
  else if (definitions.isError) body = <LoadError error={definitions.error} onRetry={() => void definitions.refetch()} />;
  else if (history.isError) body = <LoadError error={history.error} onRetry={() => void history.refetch()} />;
  else {
    body = (
      <Stack gap="md" component="ul" className="record-list">
        {definitions.data.map((definition) => (
          <li key={definition.id}>
            <MeasureCard definition={definition} history={history.data.instruments.find((i) => i.instrumentId === definition.id)} />
          </li>
        ))}
      </Stack>
    );
  }
  const peer = participant.peerWorker?.displayName;
  return (
    <>
      <BackHome small />
      <PageTitle>{t('list.title')}</PageTitle>
      <Text>{peer ? t('list.introWithPeer', { name: peer }) : t('list.intro')}</Text>
      <Text>{t('list.noWrongAnswers')}</Text>
      {body}
    </>
  );
}

function MeasureCard({ definition, history }: { definition: InstrumentDefinition; history: InstrumentHistory | undefined }) {
  const { t } = useTranslation('measures');
  const text = useLocalized();
  const format = useFormat();
  const headingId = useId();
  const last = history?.responses[0];
  const latestComplete = history?.responses.find((r) => r.id === history.latest?.id);
  const headline = definition.scoring[0]!;
  const score = latestComplete?.scores[headline.id];
  const band = latestComplete?.bands[headline.id];
  const mayBeSkipped = definition.items.some((i) => i.skipWhen);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p={{ base: 'md', sm: 'lg' }} shadow="xs">
      <Stack gap={6}>
        <Title order={2} id={headingId} fz={{ base: 18, sm: 20 }}>
          {text(definition.name)}
        </Title>
        <Text fz="sm" c="dimmed">
          {definition.shortName} · {t(mayBeSkipped ? 'list.questionsUpTo' : 'list.questions', { count: definition.items.length })} ·{' '}
          {t('list.recall', { period: text(definition.recallPeriod.text) })}
        </Text>
        <Text>{last ? t('list.lastDone', { date: format.date(last.completedAt) }) : t('list.notYet')}</Text>
        {latestComplete && score !== undefined && (
          <Text fw={500}>
            {band
              ? t('list.latestWithBand', { label: text(headline.label), score: format.number(score), band: text(band.label) })
              : t('list.latest', { label: text(headline.label), score: format.number(score) })}
          </Text>
        )}
        <Group gap="md" mt={6}>
          <Button component={Link} to={`/measures/${definition.id}`} size="md" variant={last ? 'light' : 'filled'}>
            {last ? t('list.takeAgain', { name: definition.shortName }) : t('list.take', { name: definition.shortName })}
          </Button>
          {last && (
            <Anchor component={Link} to={`/measures/results/${last.id}`}>
              {t('list.seeLast', { name: definition.shortName })}
            </Anchor>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
