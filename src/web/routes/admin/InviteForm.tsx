import { Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inviteUserSchema, roles, type Role } from '../../../shared/schemas/tenancy.js';
import { useInvite } from '../../api/admin.js';
import { useParticipants } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';

/** Invites someone to a role; a participant may be linked to a record enrolled before they had a login. */
export function InviteForm({ onDone }: { onDone: (email: string) => void }) {
  const { t } = useTranslation();
  const { user } = useSignedIn();
  const participants = useParticipants();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('peer_worker');
  const [programId, setProgramId] = useState(user.programs[0]?.id ?? '');
  const [participantId, setParticipantId] = useState('');
  const send = useInvite();
  const form = useApiForm({ schema: inviteUserSchema, send, onSuccess: (_r, input) => onDone(input.email) });
  const needsProgram = role !== 'org_admin';
  const withoutLogin = (participants.data ?? []).filter((p) => !p.hasLogin && p.programId === programId);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit({
        email,
        displayName,
        role,
        programId: needsProgram && programId ? programId : undefined,
        participantId: role === 'participant' && participantId ? participantId : undefined,
      })}
    >
      <Stack gap="md">
        <TextInput label={t('auth.email')} type="email" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={form.error('email')} />
        <TextInput
          label={t('admin.people.name')}
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={form.error('displayName')}
        />
        <NativeSelect
          label={t('admin.people.role')}
          required
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as Role)}
          data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          error={form.error('role')}
        />
        {needsProgram && (
          <NativeSelect
            label={t('participant.program')}
            required
            value={programId}
            onChange={(e) => {
              setProgramId(e.currentTarget.value);
              setParticipantId('');
            }}
            data={[{ value: '', label: t('admin.people.chooseProgram') }, ...user.programs.map((p) => ({ value: p.id, label: p.name }))]}
            error={form.error('programId')}
          />
        )}
        {role === 'participant' && (
          <NativeSelect
            label={t('admin.people.existingRecord')}
            description={t('admin.people.existingRecordHint')}
            value={participantId}
            onChange={(e) => setParticipantId(e.currentTarget.value)}
            data={[{ value: '', label: t('admin.people.newRecord') }, ...withoutLogin.map((p) => ({ value: p.id, label: p.preferredName }))]}
            error={form.error('participantId')}
          />
        )}
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('admin.people.send')}
        </Button>
      </Stack>
    </form>
  );
}
