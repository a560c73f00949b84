import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUser, Role } from '../../../shared/schemas/tenancy.js';
import { useOrgUsers } from '../../api/admin.js';
import { useSignedIn } from '../../api/session.js';
import { DialogButton } from '../../components/DialogButton.js';
import { SubSection } from '../../components/Section.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { useFormat } from '../../i18n/format.js';
import { InviteForm } from './InviteForm.js';

const statusColor: Record<OrgUser['status'], string> = { active: 'pine', invited: 'amber', disabled: 'sand' };

export function PeoplePanel() {
  const { t } = useTranslation();
  const users = useOrgUsers();
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <SubSection
      title={t('admin.people.title')}
      actions={
        <DialogButton label={t('admin.people.invite')} title={t('admin.people.invite')} button={{ variant: 'light' }}>
          {(close) => (
            <InviteForm
              onDone={(email) => {
                close();
                setNotice(t('admin.people.invited', { email }));
              }}
            />
          )}
        </DialogButton>
      }
    >
      {notice && <Notice>{notice}</Notice>}
      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <LoadError error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.length === 0 ? (
        <EmptyState>{t('admin.people.empty')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="xs" aria-label={t('admin.people.title')}>
          {users.data.map((u) => (
            <Person key={u.id} person={u} />
          ))}
        </Stack>
      )}
    </SubSection>
  );
}

function Person({ person }: { person: OrgUser }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const format = useFormat();
  // One line per role, with the programs it covers: "Supervisor: Community and Reentry".
  const byRole = new Map<Role, string[]>();
  for (const m of person.memberships) {
    const programs = byRole.get(m.role) ?? [];
    const program = m.programId ? user.programs.find((p) => p.id === m.programId)?.name : undefined;
    if (program) programs.push(program);
    byRole.set(m.role, programs);
  }
  const roles = [...byRole].map(([role, programs]) =>
    programs.length ? t('admin.people.roleIn', { role: t(`roles.${role}`), programs: format.list(programs) }) : t(`roles.${role}`),
  );
  return (
    <Paper component="li" withBorder p="sm" bg="white">
      <Group gap="xs" align="center">
        <Text fw={600}>{person.displayName}</Text>
        <Badge color={statusColor[person.status]} variant="light">
          {t(`admin.people.status.${person.status}`)}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {person.email}
      </Text>
      {roles.map((line) => (
        <Text fz="sm" key={line}>
          {line}
        </Text>
      ))}
    </Paper>
  );
}
