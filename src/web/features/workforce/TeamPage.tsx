import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Team, TeamMember } from '../../../shared/schemas/workforce.js';
import { BackHome } from '../../components/BackHome.js';
import { DialogButton } from '../../components/DialogButton.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { useTeam } from './api.js';
import { IncidentForm } from './IncidentForm.js';
import { ScheduleSupervisionForm, UpcomingSupervision } from './ScheduleSupervision.js';
import { SupervisionForm } from './SupervisionForm.js';
import { TeamIncidents } from './TeamIncidents.js';
import { WorkforceSettingsButton } from './WorkforceSettingsButton.js';
import './workforce.css';

const dateOf = (iso: string | null, lang: string) => (iso ? new Date(iso).toLocaleDateString(lang, { dateStyle: 'medium' }) : null);

function MemberCard({ m }: { m: TeamMember }) {
  const { t, i18n } = useTranslation('workforce');
  return (
    <Paper component="li" withBorder p="md" radius="md" className="team-member" data-testid="team-member" data-over-capacity={m.overCapacity || undefined}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={650} fz="lg">
            {m.worker.displayName}
          </Text>
          {m.overCapacity && (
            <Badge color="clay" variant="filled" size="lg">
              {t('team.overCapacity')}
            </Badge>
          )}
        </Group>
        <Text>{t('team.caseload', { caseload: m.caseload, capacity: m.capacity })}</Text>
        <Text fz="sm">
          {[t('team.flagged', { count: m.flagged }), t('team.urgent', { count: m.urgent }), t('team.openAlerts', { count: m.openAlerts })].join(' · ')}
        </Text>
        <Text fz="sm" fw={m.awaitingCosign > 0 ? 600 : undefined}>
          {t('team.awaitingCosign', { count: m.awaitingCosign })}
        </Text>
        <Text fz="sm">
          {m.lastSupervisionAt ? t('team.lastSupervision', { date: dateOf(m.lastSupervisionAt, i18n.language) }) : t('team.noSupervision')}
        </Text>
        <Text fz="sm">{m.wellbeingCheckedAt ? t('team.wellbeingDone') : t('team.wellbeingNotDone')}</Text>
        {m.certificationsDue > 0 && <Text fz="sm">{t('team.certificationsDue', { count: m.certificationsDue })}</Text>}
        {m.signals.length > 0 && (
          <Text fz="sm" fw={600} data-testid="checkin-suggested">
            {t('team.suggestCheckIn', { reasons: m.signals.map((s) => t(`signal.${s}`)).join(', ') })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function TeamWellbeing({ wellbeing }: { wellbeing: Team['wellbeing'] }) {
  const { t } = useTranslation('workforce');
  if (!wellbeing) return <Text c="dimmed">{t('team.wellbeingHidden')}</Text>;
  return (
    <Table withTableBorder captionSide="top">
      <Table.Caption>{t('team.wellbeingCaption', { count: wellbeing.respondents })}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('proqol.score')}</Table.Th>
          <Table.Th scope="col">{t('team.average')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {Object.entries(wellbeing.averages).map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Td>{t(`proqol.scores.${k as 'burnout' | 'compassion_satisfaction' | 'secondary_traumatic_stress'}`)}</Table.Td>
            <Table.Td>{v}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function BillingExport({ programs }: { programs: Team['programs'] }) {
  const { t } = useTranslation('workforce');
  const now = new Date();
  const [month, setMonth] = useState(`${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`);
  return (
    <Stack gap="xs">
      <TextInput label={t('billing.month')} description={t('billing.monthHint')} value={month} onChange={(e) => setMonth(e.currentTarget.value)} style={{ maxWidth: 220 }} />
      {programs.map((p) => (
        <Anchor key={p.id} href={`/api/programs/${p.id}/billing.csv?month=${encodeURIComponent(month)}`} download>
          {t('billing.download', { program: p.name })}
        </Anchor>
      ))}
      <Text fz="sm" c="dimmed">
        {t('billing.noText')}
      </Text>
    </Stack>
  );
}

/** /team: the supervisor's team, over-capacity workers first, with the co-sign queue and supervision at hand. */
export function TeamPage() {
  const { t } = useTranslation('workforce');
  const team = useTeam();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      <BackHome small />
      <PageTitle>{t('team.title')}</PageTitle>
      {notice && <Notice>{notice}</Notice>}
      {team.isPending ? (
        <Loading />
      ) : team.isError ? (
        <LoadError error={team.error} onRetry={() => void team.refetch()} />
      ) : (
        <>
          <Group>
            <Button component={Link} to="/team/cosign" variant="light" size="md">
              {t('cosign.open')}
            </Button>
            {team.data.members.length > 0 && (
              <DialogButton label={t('schedule.open')} title={t('schedule.open')} button={{ variant: 'light', size: 'md' }}>
                {(close) => (
                  <ScheduleSupervisionForm
                    team={team.data}
                    onDone={() => {
                      close();
                      setNotice(t('schedule.saved'));
                    }}
                  />
                )}
              </DialogButton>
            )}
            {team.data.members.length > 0 && (
              <DialogButton label={t('incident.logForTeam')} title={t('incident.logForTeam')} button={{ variant: 'light', size: 'md' }}>
                {(close) => (
                  <IncidentForm
                    members={team.data.members}
                    onDone={() => {
                      close();
                      setNotice(t('incident.saved'));
                    }}
                  />
                )}
              </DialogButton>
            )}
            {team.data.members.length > 0 && (
              <DialogButton label={t('supervision.log')} title={t('supervision.log')}>
                {(close) => (
                  <SupervisionForm
                    team={team.data}
                    onDone={() => {
                      close();
                      setNotice(t('supervision.saved'));
                    }}
                  />
                )}
              </DialogButton>
            )}
          </Group>
          <Section title={t('team.members')} testId="team">
            {team.data.members.length === 0 ? (
              <EmptyState>{t('team.empty')}</EmptyState>
            ) : (
              <Stack component="ul" className="record-list" gap="sm" aria-label={t('team.members')}>
                {team.data.members.map((m) => (
                  <MemberCard key={m.worker.id} m={m} />
                ))}
              </Stack>
            )}
          </Section>
          <Section title={t('schedule.title')} testId="upcoming-supervision">
            <UpcomingSupervision onNotice={setNotice} />
          </Section>
          <Section title={t('incident.teamTitle')} testId="team-incidents">
            <TeamIncidents onNotice={setNotice} />
          </Section>
          <Section title={t('team.wellbeingTitle')}>
            <TeamWellbeing wellbeing={team.data.wellbeing} />
          </Section>
          <Section title={t('billing.title')}>
            <BillingExport programs={team.data.programs} />
          </Section>
          <Section title={t('settings.sectionTitle')} testId="program-settings">
            <Stack component="ul" className="record-list" gap="xs">
              {team.data.programs.map((p) => (
                <Group component="li" key={p.id} justify="space-between" wrap="nowrap">
                  <Text style={{ flex: 1 }}>{p.name}</Text>
                  <WorkforceSettingsButton program={p} onNotice={setNotice} />
                </Group>
              ))}
            </Stack>
          </Section>
        </>
      )}
    </>
  );
}
