import { Anchor, Badge, Button, Checkbox, Group, Paper, Radio, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { consentCategories, consentPurposes, tpoPurposes, type Consent, type ConsentCategory, type ConsentPurpose, type CreateConsent } from '../../../shared/schemas/consents.js';
import type { ParticipantSummary } from '../../../shared/schemas/participants.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { WithParticipant } from '../../components/WithParticipant.js';
import { useFormat } from '../../i18n/format.js';
import { accountingCsvUrl, useAccounting, useConsentActions, useConsentRecipients, useConsents } from './api.js';
import { useUntil } from './ConsentText.js';
import { DataDownload } from '../privacy/DataDownload.js';
import { LegalRepresentativeSection } from './LegalRepresentativeSection.js';
import './consents.css';

/** The participant's privacy page: their consents (revocable in one tap), a new one, and who saw what. */
export function PrivacyPage() {
  return <WithParticipant>{(p) => <Privacy participant={p} />}</WithParticipant>;
}

function Privacy({ participant }: { participant: ParticipantSummary }) {
  const { t } = useTranslation('consents');
  const mine = participant.relationship === 'self';
  const mayPrepare = mine || participant.relationship === 'assigned_peer';
  return (
    <Stack gap="lg">
      <BackHome small />
      <PageTitle>{mine ? t('privacy.title') : t('privacy.theirs', { name: participant.preferredName })}</PageTitle>
      <Text fz="lg">{mine ? t('privacy.intro') : t(mayPrepare ? 'privacy.theirsIntro' : 'privacy.theirsReadIntro', { name: participant.preferredName })}</Text>
      <ConsentList participantId={participant.id} title={mine ? t('privacy.consentsTitle') : t('privacy.consentsTitleTheirs', { name: participant.preferredName })} />
      <LegalRepresentativeSection participantId={participant.id} />
      {mayPrepare && <NewConsent participantId={participant.id} />}
      {mine && <Accounting participantId={participant.id} />}
      {mine && <DataDownload participant={participant} />}
    </Stack>
  );
}

function ConsentList({ participantId, title }: { participantId: string; title: string }) {
  const { t } = useTranslation('consents');
  const list = useConsents(participantId);
  const actions = useConsentActions(participantId);
  const until = useUntil();
  const [revoked, setRevoked] = useState(false);
  return (
    <Section title={title} testId="consents">
      {revoked && <Notice>{t('consent.revoked')}</Notice>}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.consents.length === 0 ? (
        <EmptyState>{t('privacy.none')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm">
          {list.data.consents.map((c: Consent) => (
            <Paper component="li" key={c.id} withBorder p="sm" bg="white" data-testid="consent-item">
              <Stack gap={4}>
                <Group gap="xs" justify="space-between">
                  <Text fw={650}>{c.recipient.name}</Text>
                  <Badge variant="light" color={c.status === 'active' ? 'pine' : c.status === 'draft' ? 'amber' : 'sand'}>
                    {t(`status.${c.status}`)}
                  </Badge>
                </Group>
                <Text fz="sm">{c.categories.map((k) => t(`category.${k}`)).join(' · ')}</Text>
                <Text fz="sm" c="dimmed">
                  {t(`purpose.${c.purpose}`)} · {until(c.expiry)}
                </Text>
                <Group gap="sm" mt={4}>
                  <Button component={Link} to={`/participants/${participantId}/consents/${c.id}`} variant={c.can.sign ? 'filled' : 'light'} size="sm">
                    {c.can.sign ? t('consent.read') : t('consent.open')}
                  </Button>
                  {c.can.revoke && (
                    <Button
                      variant="outline"
                      color="clay"
                      size="sm"
                      onClick={() => void actions.revoke(c.id).then(() => setRevoked(true))}
                      aria-label={`${t('consent.revoke')}: ${c.recipient.name}`}
                    >
                      {t('consent.revoke')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function NewConsent({ participantId }: { participantId: string }) {
  const { t } = useTranslation('consents');
  const navigate = useNavigate();
  const recipients = useConsentRecipients(participantId, true);
  const actions = useConsentActions(participantId);
  const [kind, setKind] = useState<'clinician' | 'care_team' | 'outside_provider'>('clinician');
  const [who, setWho] = useState<string | null>(null);
  const [outsideName, setOutsideName] = useState('');
  const [purpose, setPurpose] = useState<ConsentPurpose>('treatment');
  const [categories, setCategories] = useState<ConsentCategory[]>([]);
  const [expiry, setExpiry] = useState<'date' | 'event' | 'revocation'>('revocation');
  const [on, setOn] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    setError(null);
    const recipient: CreateConsent['recipient'] =
      kind === 'clinician' ? { kind, userId: who ?? '' } : kind === 'care_team' ? { kind, programId: who ?? '' } : { kind, name: outsideName };
    const body = {
      recipient,
      purpose,
      categories,
      expiry: expiry === 'date' ? { kind: 'date' as const, on } : expiry === 'event' ? { kind: 'event' as const, event: 'discharge' as const } : { kind: 'revocation' as const },
    };
    try {
      const c = await actions.prepare(body);
      navigate(`/participants/${participantId}/consents/${c.id}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  const choices =
    kind === 'clinician'
      ? (recipients.data?.clinicians ?? []).map((c) => ({ value: c.id, label: c.displayName }))
      : (recipients.data?.careTeams ?? []).map((c) => ({ value: c.id, label: c.name }));

  return (
    <Section title={t('privacy.newTitle')} testId="new-consent">
      <Text>{t('privacy.newIntro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Radio.Group label={t('form.recipientKind')} value={kind} onChange={(v) => { setKind(v as typeof kind); setWho(null); }}>
            <Stack gap={6} mt={6}>
              {(['clinician', 'care_team', 'outside_provider'] as const).map((k) => (
                <Radio key={k} value={k} label={t(`form.kind_${k}`)} />
              ))}
            </Stack>
          </Radio.Group>
          {kind === 'outside_provider' ? (
            <TextInput label={t('form.outsideName')} value={outsideName} onChange={(e) => setOutsideName(e.currentTarget.value)} required />
          ) : (
            <Select label={kind === 'clinician' ? t('form.clinician') : t('form.careTeam')} data={choices} value={who} onChange={setWho} required allowDeselect={false} />
          )}
          <Select
            label={t('form.purpose')}
            data={consentPurposes.map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
            value={purpose}
            onChange={(v) => v && setPurpose(v as ConsentPurpose)}
            allowDeselect={false}
          />
          <Checkbox.Group label={t('form.categories')} value={categories} onChange={(v) => setCategories(v as ConsentCategory[])}>
            <Stack gap={6} mt={6}>
              {consentCategories.map((c) => (
                <Checkbox key={c} value={c} label={t(`category.${c}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Radio.Group label={t('form.expiryKind')} value={expiry} onChange={(v) => setExpiry(v as typeof expiry)}>
            <Stack gap={6} mt={6}>
              <Radio value="date" label={t('form.expiryDateOption')} />
              <Radio value="event" label={t('form.expiryEventOption')} />
              <Radio value="revocation" label={t('form.expiryRevokeOption')} disabled={!tpoPurposes.includes(purpose)} />
            </Stack>
          </Radio.Group>
          {expiry === 'date' && <TextInput type="date" label={t('form.expiryDate')} value={on} onChange={(e) => setOn(e.currentTarget.value)} required />}
          <FormError message={error} />
          <Button type="submit" size="md" disabled={categories.length === 0}>
            {t('form.prepare')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}

function Accounting({ participantId }: { participantId: string }) {
  const { t } = useTranslation('consents');
  const format = useFormat();
  const accounting = useAccounting(participantId);
  return (
    <Section
      title={t('accounting.title')}
      testId="accounting"
      actions={
        <Anchor href={accountingCsvUrl(participantId)} download>
          {t('accounting.download')}
        </Anchor>
      }
    >
      <Text>{t('accounting.intro')}</Text>
      {accounting.isPending ? (
        <Loading />
      ) : accounting.isError ? (
        <LoadError error={accounting.error} onRetry={() => void accounting.refetch()} />
      ) : accounting.data.disclosures.length === 0 ? (
        <EmptyState>{t('accounting.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('accounting.when')}</Table.Th>
                <Table.Th scope="col">{t('accounting.who')}</Table.Th>
                <Table.Th scope="col">{t('accounting.what')}</Table.Th>
                <Table.Th scope="col">{t('accounting.consent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounting.data.disclosures.map((d) => (
                <Table.Tr key={d.id} data-testid="disclosure">
                  <Table.Td>{format.dateTime(d.occurredAt)}</Table.Td>
                  <Table.Td>{d.recipient.displayName}</Table.Td>
                  <Table.Td>{t(`what.${d.what}`, { defaultValue: d.what.replaceAll('_', ' ') })}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/participants/${participantId}/consents/${d.consentId}`}>
                      {d.purpose ? t(`purpose.${d.purpose}`) : d.consentId.slice(0, 8)}
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
