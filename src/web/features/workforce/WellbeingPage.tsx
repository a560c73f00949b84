import { Badge, Button, Checkbox, Group, Paper, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InstrumentDefinition } from '../../../shared/instruments/index.js';
import type { WellbeingCheck } from '../../../shared/schemas/workforce.js';
import { isApiError } from '../../api/client.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { FormError, LoadError, Loading } from '../../components/Status.js';
import { ItemQuestion } from '../measures/ItemQuestion.js';
import { useLocalized, type FormAnswers } from '../measures/instrument-text.js';
import { useMyWellbeing, useProqol, useWorkforceActions } from './api.js';
import { MyIncidents } from './MyIncidents.js';
import './workforce.css';

/** The three ProQOL scores with their self-score bands. */
export function ProqolScores({ definition, check }: { definition: InstrumentDefinition; check: WellbeingCheck }) {
  const { t } = useTranslation('workforce');
  const text = useLocalized();
  return (
    <Stack component="ul" gap="xs" className="record-list" data-testid="proqol-scores">
      {definition.scoring.map((rule) => (
        <Paper component="li" key={rule.id} withBorder p="sm" radius="md" data-testid={`score-${rule.id}`}>
          <Group justify="space-between" gap="xs">
            <Text fw={600}>{text(rule.label)}</Text>
            <Group gap="xs">
              <Text fw={650}>{t('proqol.raw', { score: check.scores[rule.id] })}</Text>
              {check.bands[rule.id] && (
                <Badge size="lg" variant="light">
                  {text(check.bands[rule.id]!.label)}
                </Badge>
              )}
            </Group>
          </Group>
        </Paper>
      ))}
    </Stack>
  );
}

function ProqolForm({ definition, onSaved }: { definition: InstrumentDefinition; onSaved: (c: WellbeingCheck) => void }) {
  const { t } = useTranslation('workforce');
  const text = useLocalized();
  const actions = useWorkforceActions();
  const [answers, setAnswers] = useState<FormAnswers>({});
  const [share, setShare] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const missing = definition.items.filter((i) => typeof answers[i.id] !== 'number').length;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (missing > 0) return setError(t('proqol.missing', { count: missing }));
    setBusy(true);
    setError(null);
    try {
      onSaved(await actions.takeProqol(answers as Record<string, number>, share));
    } catch (err) {
      setError(isApiError(err) ? err.message : t('proqol.failed'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="proqol-form">
      <Stack gap="md">
        {definition.prompt && <Text>{text(definition.prompt)}</Text>}
        {definition.items.map((item) => (
          <div key={item.id} className="proqol-item">
            <Text fz="sm" c="dimmed" aria-hidden="true">
              {item.id}.
            </Text>
            <ItemQuestion definition={definition} item={item} answers={answers} onAnswer={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))} />
          </div>
        ))}
        <Checkbox checked={share} onChange={(e) => setShare(e.currentTarget.checked)} label={t('proqol.shareNow')} description={t('proqol.shareHint')} />
        <FormError message={error} />
        <Button type="submit" size="md" loading={busy} style={{ alignSelf: 'flex-start' }}>
          {t('proqol.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** /me/wellbeing: the ProQOL 5 self-check, private by default, with the author's credit shown with the form. */
export function WellbeingPage() {
  const { t, i18n } = useTranslation('workforce');
  const definition = useProqol();
  const mine = useMyWellbeing();
  const actions = useWorkforceActions();
  const [taking, setTaking] = useState(false);
  const [latest, setLatest] = useState<WellbeingCheck | null>(null);
  if (definition.isPending || mine.isPending) return <Loading />;
  if (definition.isError) return <LoadError error={definition.error} onRetry={() => void definition.refetch()} />;
  if (mine.isError) return <LoadError error={mine.error} onRetry={() => void mine.refetch()} />;
  const d = definition.data as InstrumentDefinition;
  const shown = latest ?? mine.data.checks[0] ?? null;
  return (
    <>
      <BackHome small />
      <PageTitle>{t('proqol.title')}</PageTitle>
      <Text>{t('proqol.intro')}</Text>
      {shown && !taking && (
        <Section title={t('proqol.resultTitle', { date: new Date(shown.takenAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) })} testId="proqol-result">
          <ProqolScores definition={d} check={shown} />
          <Text fz="sm">{t('proqol.bandsHint')}</Text>
          <Switch
            checked={shown.shared}
            onChange={(e) => void actions.share(shown.id, e.currentTarget.checked).then(setLatest)}
            label={t('proqol.shared')}
            description={shown.shared ? t('proqol.sharedYes') : t('proqol.sharedNo')}
          />
        </Section>
      )}
      {taking || !shown ? (
        <Section title={d.shortName} testId="proqol">
          <ProqolForm
            definition={d}
            onSaved={(c) => {
              setLatest(c);
              setTaking(false);
            }}
          />
        </Section>
      ) : (
        <Button variant="light" onClick={() => setTaking(true)} style={{ alignSelf: 'flex-start' }}>
          {t('proqol.again')}
        </Button>
      )}
      <Paper withBorder p="sm" radius="md" data-testid="proqol-credit">
        <Text fz="sm">{d.termsOfUse}</Text>
      </Paper>
      <MyIncidents />
    </>
  );
}
