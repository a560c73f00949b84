import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { useConsent, useConsentActions } from './api.js';
import { ConsentText } from './ConsentText.js';
import './consents.css';

/** One consent to read in full, sign (the participant only) and print. */
export function ConsentPage() {
  return <WithParticipant>{(p) => <ConsentDocument participant={p} />}</WithParticipant>;
}

function ConsentDocument({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('consents');
  const { consentId = '' } = useParams();
  const consent = useConsent(participant.id, consentId);
  const actions = useConsentActions(participant.id);
  const [typedName, setTypedName] = useState('');
  const [agreed, setAgreed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  if (consent.isPending) return <Loading />;
  if (consent.isError) return <LoadError error={consent.error} onRetry={() => void consent.refetch()} />;
  const c = consent.data;
  const sign = async () => {
    setError(null);
    try {
      await actions.sign(c.id, { typedName, agreed: true, client: `web ${navigator.language}` });
      setDone(true);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <Stack gap="lg" className="consent-document">
      <Anchor component={Link} to={`/participants/${participant.id}/privacy`} className="consent-no-print">
        ← {t('privacy.title')}
      </Anchor>
      <Group gap="sm" align="center">
        <PageTitle>{t('consent.title')}</PageTitle>
        <Badge variant="light" color={c.status === 'active' ? 'pine' : 'sand'} data-testid="consent-status">
          {t(`status.${c.status}`)}
        </Badge>
      </Group>
      <Paper withBorder p="md" radius="md">
        <ConsentText consent={c} />
      </Paper>
      {done && <Notice>{t('consent.signed')}</Notice>}
      {c.can.sign ? (
        <Paper withBorder p="md" radius="md" className="consent-no-print">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void sign();
            }}
          >
            <Stack gap="sm">
              <TextInput label={t('consent.typedName')} value={typedName} onChange={(e) => setTypedName(e.currentTarget.value)} required autoComplete="name" size="md" />
              <Checkbox label={t('consent.agree')} checked={agreed} onChange={(e) => setAgreed(e.currentTarget.checked)} size="md" />
              <FormError message={error} />
              <Button type="submit" size="md" disabled={!agreed || typedName.trim().length < 2}>
                {t('consent.sign')}
              </Button>
            </Stack>
          </form>
        </Paper>
      ) : (
        c.status === 'draft' && <Text>{t('consent.onlyParticipant', { name: c.participantName })}</Text>
      )}
      <Group className="consent-no-print">
        <Button variant="light" onClick={() => window.print()}>
          {t('consent.print')}
        </Button>
      </Group>
    </Stack>
  );
}
