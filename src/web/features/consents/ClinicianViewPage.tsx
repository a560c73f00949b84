import { Alert, Button, List, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import type { ClinicianView } from '../../../shared/schemas/consents.js';
import { uuidSchema } from '../../../shared/schemas/tenancy.js';
import { isApiError } from '../../api/client.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, FormError, LoadError, Loading, Notice } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { NotYoursPage } from '../../routes/NotFoundPage.js';
import { useInstruments } from '../measures/api.js';
import { useLocalized } from '../measures/instrument-text.js';
import { MeasureTrend } from '../measures/MeasureTrend.js';
import { SafetyPlanView } from '../safety-plan/SafetyPlanView.js';
import { AttendanceCounts } from '../groups/AttendanceSummary.js';
import { useClinicianView, useConsentActions } from './api.js';
import { useUntil } from './ConsentText.js';

/** A clinician's consented summary: only what the consents cover, the scope shown, the federal notice. */
export function ClinicianViewPage() {
  const { id = '' } = useParams();
  const valid = uuidSchema.safeParse(id).success;
  if (!valid) return <NotYoursPage />;
  return <Shared participantId={id} />;
}

function Shared({ participantId }: { participantId: string }) {
  const view = useClinicianView(participantId);
  if (isApiError(view.error, 404)) return <NotYoursPage />;
  if (view.isPending) return <Loading />;
  if (view.isError) return <LoadError error={view.error} onRetry={() => void view.refetch()} />;
  return <Summary view={view.data} />;
}

function Summary({ view }: { view: ClinicianView }) {
  const { t } = useTranslation('consents');
  const format = useFormat();
  const until = useUntil();
  const name = view.participant.preferredName;
  return (
    <Stack gap="lg">
      <BackHome small />
      <PageTitle>{t('clinician.title', { name })}</PageTitle>
      <Alert color="amber" variant="light" title="42 CFR Part 2" data-testid="redisclosure-notice">
        {t('clinician.notice')}
      </Alert>
      <Section title={t('clinician.scope', { name })} testId="consent-scope">
        <List>
          {view.consents.map((c) => (
            <List.Item key={c.id}>
              <Text fw={600}>{c.categories.map((k) => t(`category.${k}`)).join(' · ')}</Text>
              <Text fz="sm" c="dimmed">
                {t('clinician.scopeLine', { purpose: t(`purpose.${c.purpose}`), date: c.signedAt ? format.date(c.signedAt) : '', until: until(c.expiry) })}
              </Text>
            </List.Item>
          ))}
        </List>
      </Section>
      {view.assessments && <Assessments view={view} />}
      {view.checkins && (
        <Section title={t('clinician.checkins')} testId="shared-checkins">
          <Table.ScrollContainer minWidth={300}>
            <Table fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('clinician.day')}</Table.Th>
                  <Table.Th scope="col">{t('clinician.mood')}</Table.Th>
                  <Table.Th scope="col">{t('clinician.craving')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.checkins.days
                  .filter((d) => d.checkIns > 0)
                  .map((d) => (
                    <Table.Tr key={d.date}>
                      <Table.Td>{format.date(`${d.date}T12:00:00Z`)}</Table.Td>
                      <Table.Td>{d.mood ?? '—'}</Table.Td>
                      <Table.Td>{d.craving ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Section>
      )}
      {view.goals && (
        <Section title={t('clinician.goals')} testId="shared-goals">
          {view.goals.goals.length === 0 ? <EmptyState>{t('clinician.nothing')}</EmptyState> : <List>{view.goals.goals.map((g) => <List.Item key={g.id}>{g.title}</List.Item>)}</List>}
        </Section>
      )}
      {view.safetyPlan && (
        <Section title={t('clinician.safetyPlan')} testId="shared-safety-plan">
          <SafetyPlanView plan={view.safetyPlan} mine={false} />
        </Section>
      )}
      {view.referrals && (
        <Section title={t('clinician.referrals')} testId="shared-referrals">
          {view.referrals.referrals.length === 0 ? (
            <EmptyState>{t('clinician.nothing')}</EmptyState>
          ) : (
            <List>
              {view.referrals.referrals.map((r) => (
                <List.Item key={r.id}>
                  {r.service.name} · {r.status}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      )}
      {view.attendance && <Attendance view={view} />}
      {view.contactSummaries && <Contacts view={view} />}
      <CareMessage view={view} />
    </Stack>
  );
}

function Attendance({ view }: { view: ClinicianView }) {
  const { t } = useTranslation('consents');
  const { t: tg } = useTranslation('groups');
  const format = useFormat();
  const attendance = view.attendance!;
  return (
    <Section title={t('clinician.attendance')} testId="shared-attendance">
      <AttendanceCounts attendance={attendance} />
      {attendance.recent.length > 0 && (
        <List>
          {attendance.recent.map((r, i) => (
            <List.Item key={`${r.kind}-${r.date}-${i}`}>
              {format.date(`${r.date}T12:00:00Z`)} · {r.title} · {r.kind === 'meeting' ? t('clinician.meetingLogged') : tg(`attendance.status.${r.status}`)}
            </List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

/** Contact-note summaries: the kind of contact, when, how long, what was done; never the note's text. */
function Contacts({ view }: { view: ClinicianView }) {
  const { t } = useTranslation('consents');
  const { t: tn } = useTranslation('notes');
  const format = useFormat();
  const contacts = view.contactSummaries!;
  return (
    <Section title={t('clinician.contacts')} testId="shared-contacts">
      <Text fz="sm" c="dimmed">
        {t('clinician.contactsNote')}
      </Text>
      {contacts.length === 0 ? (
        <EmptyState>{t('clinician.nothing')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('clinician.day')}</Table.Th>
                <Table.Th scope="col">{t('clinician.contactType')}</Table.Th>
                <Table.Th scope="col">{t('clinician.duration')}</Table.Th>
                <Table.Th scope="col">{t('clinician.done')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {contacts.map((c) => (
                <Table.Tr key={c.id} data-testid="shared-contact">
                  <Table.Td>{format.date(c.occurredAt)}</Table.Td>
                  <Table.Td>{tn(`contactType.${c.contactType}`)}</Table.Td>
                  <Table.Td>{t('clinician.minutes', { count: c.durationMinutes })}</Table.Td>
                  <Table.Td>{c.activities.map((a) => tn(`activity.${a}`)).join(', ') || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function Assessments({ view }: { view: ClinicianView }) {
  const { t } = useTranslation('consents');
  const text = useLocalized();
  const definitions = useInstruments();
  const instruments = view.assessments?.instruments ?? [];
  return (
    <Section title={t('clinician.assessments')} testId="shared-assessments">
      {definitions.isPending ? (
        <Loading />
      ) : definitions.isError ? (
        <LoadError error={definitions.error} onRetry={() => void definitions.refetch()} />
      ) : instruments.length === 0 ? (
        <EmptyState>{t('clinician.noAssessments')}</EmptyState>
      ) : (
        instruments.map((h) => {
          const definition = definitions.data.find((d) => d.id === h.instrumentId);
          if (!definition) return null;
          return (
            <Stack key={h.instrumentId} gap="xs" data-testid={`shared-${h.instrumentId}`}>
              <Text fw={650} component="h3" fz="lg" m={0}>
                {definition.shortName} · {text(definition.name)}
              </Text>
              <MeasureTrend definition={definition} history={h} resultsPath={`/participants/${view.participant.id}/measures/results`} />
            </Stack>
          );
        })
      )}
    </Section>
  );
}

function CareMessage({ view }: { view: ClinicianView }) {
  const { t } = useTranslation('consents');
  const actions = useConsentActions(view.participant.id);
  const [body, setBody] = useState('');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!view.peerWorker) return <Text c="dimmed">{t('clinician.noPeer')}</Text>;
  const peerName = view.peerWorker.displayName;
  return (
    <Section title={t('clinician.messageTitle')} testId="care-message">
      {sent && <Notice>{t('clinician.sent', { name: peerName })}</Notice>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setError(null);
          actions
            .careMessage(body)
            .then(() => {
              setSent(true);
              setBody('');
            })
            .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
        }}
      >
        <Stack gap="sm">
          <Textarea label={t('clinician.messageLabel', { name: peerName })} value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={3} required />
          <FormError message={error} />
          <Button type="submit" disabled={body.trim().length === 0}>
            {t('clinician.send')}
          </Button>
        </Stack>
      </form>
    </Section>
  );
}
