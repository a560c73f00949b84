import { Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePrograms } from '../../api/admin.js';
import { DialogButton } from '../../components/DialogButton.js';
import { EditProgramButton } from '../../features/safety-plan/EditProgramButton.js';
import { SubSection } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { InviteCodeControl } from '../../features/profile/InviteCodeControl.js';
import { WorkforceSettingsButton } from '../../features/workforce/WorkforceSettingsButton.js';
import { CreateProgramForm } from './CreateProgramForm.js';

export function ProgramsPanel() {
  const { t } = useTranslation();
  const programs = usePrograms();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <SubSection
      title={t('admin.programs.title')}
      actions={
        <DialogButton label={t('admin.programs.add')} title={t('admin.programs.add')} button={{ variant: 'light' }}>
          {(close) => (
            <CreateProgramForm
              onDone={(p) => {
                close();
                setNotice(t('admin.programs.added', { name: p.name }));
              }}
            />
          )}
        </DialogButton>
      }
    >
      {notice && <Notice>{notice}</Notice>}
      {programs.isPending ? (
        <Loading />
      ) : programs.isError ? (
        <LoadError error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.length === 0 ? (
        <EmptyState>{t('admin.programs.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="xs" aria-label={t('admin.programs.title')}>
          {programs.data.map((p) => (
            <Paper component="li" key={p.id} withBorder p="sm" bg="white">
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text fw={600}>{p.name}</Text>
                <Group gap={4} wrap="nowrap">
                  <EditProgramButton program={p} onNotice={setNotice} />
                  <WorkforceSettingsButton program={p} onNotice={setNotice} />
                </Group>
              </Group>
              <Text fz="sm">{t(`programSetting.${p.setting}`)}</Text>
              <Text fz="sm" c="dimmed">
                {t('admin.programs.meta', { timeZone: p.timeZone, crisisLine: p.crisisLine })}
              </Text>
              <InviteCodeControl program={p} />
            </Paper>
          ))}
        </Stack>
      )}
    </SubSection>
  );
}
