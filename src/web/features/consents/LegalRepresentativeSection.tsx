import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LegalRepresentative } from '../../../shared/schemas/consents.js';
import { Section } from '../../components/Section.js';
import { FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useFormat } from '../../i18n/format.js';
import { useLegalRepresentative, useLegalRepresentativeActions } from './api.js';

/**
 * The legal representative recorded on the record: the one person besides the participant who signs
 * their consents. A supervisor records one from the papers (with their login's email if they sign here).
 */
export function LegalRepresentativeSection({ participantId }: { participantId: string }) {
  const { t } = useTranslation('consents');
  const current = useLegalRepresentative(participantId);
  const [notice, setNotice] = useState<string | null>(null);
  if (current.isPending) return <Loading />;
  if (current.isError) return <LoadError error={current.error} onRetry={() => void current.refetch()} />;
  const { representative, can } = current.data;
  // Nothing to say to someone who cannot change it when nobody is recorded.
  if (!representative && !can.record) return null;
  return (
    <Section title={t('representative.title')} testId="legal-representative">
      {notice && <Notice>{notice}</Notice>}
      {representative ? <Current representative={representative} /> : <Text>{t('representative.none')}</Text>}
      {can.record && <RecordForm participantId={participantId} hasCurrent={representative !== null} onDone={setNotice} />}
    </Section>
  );
}

function Current({ representative }: { representative: LegalRepresentative }) {
  const { t } = useTranslation('consents');
  const format = useFormat();
  return (
    <Stack gap={2} data-testid="representative-current">
      <Text fw={650}>
        {representative.name} · {representative.relationship}
      </Text>
      <Text fz="sm">{representative.user ? t('representative.signsHere', { name: representative.user.displayName }) : t('representative.paperOnly')}</Text>
      <Text fz="sm" c="dimmed">
        {t('representative.recorded', { name: representative.recordedBy.displayName, date: format.dateTime(representative.recordedAt) })}
      </Text>
    </Stack>
  );
}

function RecordForm({ participantId, hasCurrent, onDone }: { participantId: string; hasCurrent: boolean; onDone: (notice: string) => void }) {
  const { t } = useTranslation('consents');
  const actions = useLegalRepresentativeActions(participantId);
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = (work: () => Promise<unknown>, notice: string) => {
    setError(null);
    setBusy(true);
    work()
      .then(() => {
        onDone(notice);
        setName('');
        setRelationship('');
        setEmail('');
      })
      .catch((err: unknown) => setError(describeError(err)))
      .finally(() => setBusy(false));
  };
  return (
    <form
      noValidate
      data-testid="representative-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim().length < 2 || relationship.trim().length < 2) return setError(t('representative.needed'));
        run(() => actions.record({ name: name.trim(), relationship: relationship.trim(), ...(email.trim() && { userEmail: email.trim() }) }), t('representative.saved'));
      }}
    >
      <Stack gap="sm" mt="sm">
        <Text fz="sm">{t('representative.formIntro')}</Text>
        <TextInput label={t('representative.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={120} />
        <TextInput label={t('representative.relationship')} description={t('representative.relationshipHint')} value={relationship} onChange={(e) => setRelationship(e.currentTarget.value)} required maxLength={80} />
        <TextInput label={t('representative.email')} description={t('representative.emailHint')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <FormError message={error} />
        <Group>
          <Button type="submit" loading={busy}>
            {hasCurrent ? t('representative.replace') : t('representative.record')}
          </Button>
          {hasCurrent && (
            <Button variant="outline" color="clay" disabled={busy} onClick={() => run(() => actions.end(), t('representative.endedNotice'))}>
              {t('representative.end')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
