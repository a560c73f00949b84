import { Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { DialogButton } from '../../components/DialogButton.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { useMyTraining, useWorkforceActions } from './api.js';
import { CertificationForm, TrainingForm } from './TrainingForms.js';

/** /me/training: certifications with their expiry and CE hours, training done, and the onboarding checklist. */
export function MyTrainingPage() {
  const { t } = useTranslation('workforce');
  const summary = useMyTraining();
  const actions = useWorkforceActions();
  const [notice, setNotice] = useState<string | null>(null);
  if (summary.isPending) return <Loading />;
  if (summary.isError) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  const { certifications, training, onboarding } = summary.data;
  return (
    <>
      <BackHome small />
      <PageTitle>{t('training.title')}</PageTitle>
      {notice && <Notice>{notice}</Notice>}
      <Group>
        <DialogButton label={t('trainingForm.open')} title={t('trainingForm.open')} button={{ variant: 'light', size: 'md' }}>
          {(close) => (
            <TrainingForm
              onDone={() => {
                close();
                setNotice(t('trainingForm.saved'));
              }}
            />
          )}
        </DialogButton>
        <DialogButton label={t('certForm.open')} title={t('certForm.open')} button={{ variant: 'light', size: 'md' }}>
          {(close) => (
            <CertificationForm
              onDone={() => {
                close();
                setNotice(t('certForm.saved'));
              }}
            />
          )}
        </DialogButton>
      </Group>
      <Section title={t('training.certifications')} testId="certifications">
        {certifications.length === 0 ? (
          <EmptyState>{t('training.noCertifications')}</EmptyState>
        ) : (
          <Stack component="ul" className="record-list" gap="xs">
            {certifications.map((c) => (
              <Paper component="li" key={c.id} withBorder p="sm" radius="md">
                <Text fw={600}>{c.name}</Text>
                <Text fz="sm">{t('training.certMeta', { issuer: c.issuer, expiresOn: c.expiresOn, days: c.daysToExpiry })}</Text>
                {c.number && <Text fz="sm">{t('training.certNumber', { number: c.number })}</Text>}
                {c.ceHoursRequired > 0 && <Text fz="sm">{t('training.ceHours', { done: c.ceHoursDone, required: c.ceHoursRequired })}</Text>}
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      <Section title={t('training.records')}>
        {training.length === 0 ? (
          <EmptyState>{t('training.noTraining')}</EmptyState>
        ) : (
          <Stack component="ul" className="record-list" gap="xs">
            {training.map((r) => (
              <Paper component="li" key={r.id} withBorder p="sm" radius="md">
                <Text fw={600}>{r.provider ? t('training.courseBy', { course: r.course, provider: r.provider }) : r.course}</Text>
                <Text fz="sm">{t('training.recordMeta', { domain: t(`domain.${r.domain}`), hours: r.hours, date: r.completedOn })}</Text>
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      {onboarding.length > 0 && (
        <Section title={t('training.onboarding')}>
          <Stack gap={6}>
            {onboarding.map((o) => (
              <Checkbox
                key={`${o.programId}-${o.item}`}
                label={o.item}
                checked={o.doneAt !== null}
                onChange={(e) => void actions.tickOnboarding({ programId: o.programId, item: o.item, done: e.currentTarget.checked })}
              />
            ))}
          </Stack>
        </Section>
      )}
    </>
  );
}
