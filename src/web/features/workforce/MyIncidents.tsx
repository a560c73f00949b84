import { Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DialogButton } from '../../components/DialogButton.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { useMyIncidents } from './api.js';
import { IncidentForm } from './IncidentForm.js';
import { dateTimeOf } from './local-time.js';

/** A peer worker's critical incidents: log one (their supervisor is told at once) and follow its debrief. */
export function MyIncidents() {
  const { t, i18n } = useTranslation('workforce');
  const incidents = useMyIncidents();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Section title={t('incident.myTitle')} testId="my-incidents">
      <Text>{t('incident.myIntro')}</Text>
      {notice && <Notice>{notice}</Notice>}
      <DialogButton label={t('incident.log')} title={t('incident.log')} button={{ variant: 'light', size: 'md', style: { alignSelf: 'flex-start' } }}>
        {(close) => (
          <IncidentForm
            onDone={() => {
              close();
              setNotice(t('incident.savedOwn'));
            }}
          />
        )}
      </DialogButton>
      {incidents.isPending ? (
        <Loading />
      ) : incidents.isError ? (
        <LoadError error={incidents.error} onRetry={() => void incidents.refetch()} />
      ) : incidents.data.incidents.length === 0 ? (
        <EmptyState>{t('incident.noneOwn')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="xs">
          {incidents.data.incidents.map((i) => (
            <Paper component="li" key={i.id} withBorder p="sm" radius="md" data-testid="my-incident">
              <Text fw={600}>
                {t(`incident.kinds.${i.kind}`)} · {dateTimeOf(i.occurredAt, i18n.language)}
              </Text>
              <Text fz="sm">
                {i.debriefDoneAt
                  ? t('incident.statusDone')
                  : i.debriefAt
                    ? t('incident.statusScheduled', { date: dateTimeOf(i.debriefAt, i18n.language) })
                    : t('incident.statusWaiting')}
                {i.timeOff ? ` · ${t('incident.statusTimeOff', { text: i.timeOff })}` : ''}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Section>
  );
}
