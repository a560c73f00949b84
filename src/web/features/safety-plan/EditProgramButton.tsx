import { Button, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { updateProgramSchema, type Program } from '../../../shared/schemas/tenancy.js';
import { useUpdateProgram } from '../../api/admin.js';
import { useSignedIn } from '../../api/session.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';

/** For an org admin: a program's name and the crisis line its participants see on every page. */
export function EditProgramButton({ program, onNotice }: { program: Program; onNotice: (message: string) => void }) {
  const { t } = useTranslation('safety-plan');
  return (
    <DialogButton
      label={t('program.edit')}
      ariaLabel={t('program.editAria', { name: program.name })}
      title={t('program.title', { name: program.name })}
      button={{ variant: 'subtle', size: 'compact-sm' }}
    >
      {(close) => (
        <EditProgramForm
          program={program}
          onDone={(p) => {
            close();
            onNotice(t('program.saved', { name: p.name, crisisLine: p.crisisLine }));
          }}
        />
      )}
    </DialogButton>
  );
}

function EditProgramForm({ program, onDone }: { program: Program; onDone: (p: Program) => void }) {
  const { t } = useTranslation('safety-plan');
  // For an org admin the session's line is the organization's default: what a blank field means.
  const { crisisLine: defaultLine } = useSignedIn();
  const [name, setName] = useState(program.name);
  const [crisisLine, setCrisisLine] = useState(program.crisisLine === defaultLine ? '' : program.crisisLine);
  const form = useApiForm({ schema: updateProgramSchema, send: useUpdateProgram(program.id), onSuccess: onDone });
  return (
    <form noValidate onSubmit={form.onSubmit({ name, crisisLine: crisisLine.trim() || null })}>
      <Stack gap="md">
        <TextInput label={t('program.name')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.error('name')} />
        <TextInput
          label={t('program.crisisLine')}
          description={t('program.crisisLineHint', { crisisLine: defaultLine })}
          type="tel"
          inputMode="tel"
          value={crisisLine}
          onChange={(e) => setCrisisLine(e.currentTarget.value)}
          error={form.error('crisisLine') && t('edit.phoneInvalid')}
        />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending}>
          {t('program.save')}
        </Button>
      </Stack>
    </form>
  );
}
