import { Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../shared/schemas/tenancy.js';
import { DialogButton } from '../../components/DialogButton.js';
import { FormError } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useInviteCode, useSetInviteCode } from './api.js';

function useSwitch(programId: string) {
  const set = useSetInviteCode(programId);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = (enabled: boolean, then?: () => void) => {
    setPending(true);
    setError(null);
    set(enabled)
      .then(() => then?.())
      .catch(setError)
      .finally(() => setPending(false));
  };
  return { run, pending, error };
}

/** An org admin's control of a program's self-sign-up: the code and link to share, a fresh code, or off. */
export function InviteCodeControl({ program }: { program: Program }) {
  const { t } = useTranslation('profile');
  const code = useInviteCode(program.id);
  const toggle = useSwitch(program.id);
  if (!code.data) return null;
  // Each program's buttons say which program they act on: the list holds several.
  const named = (label: string) => ({ 'aria-label': `${label} (${program.name})` });
  const { inviteCode, joinUrl } = code.data;
  return (
    <Stack gap={6} mt="xs" data-testid="invite-code">
      <Text fz="sm" fw={600}>
        {t('invite.label')}
      </Text>
      {inviteCode && joinUrl ? (
        <>
          <Text fz="sm">{t('invite.on')}</Text>
          <Text fz="sm">
            {t('invite.code')}:{' '}
            <Text span ff="monospace" fw={700} fz="md">
              {inviteCode}
            </Text>
          </Text>
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('invite.link')}: {joinUrl}
          </Text>
          <Group gap="xs">
            <CopyButton value={joinUrl}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy} {...named(t('invite.copy'))}>
                  {copied ? t('invite.copied') : t('invite.copy')}
                </Button>
              )}
            </CopyButton>
            <DialogButton label={t('invite.newCode')} ariaLabel={named(t('invite.newCode'))['aria-label']} title={t('invite.newCodeTitle', { program: program.name })} button={{ size: 'xs', variant: 'light' }}>
              {(close) => (
                <Stack gap="md">
                  <Text>{t('invite.newCodeBody')}</Text>
                  <Button loading={toggle.pending} onClick={() => toggle.run(true, close)}>
                    {t('invite.confirmNewCode')}
                  </Button>
                </Stack>
              )}
            </DialogButton>
            <Button size="xs" variant="subtle" color="clay" loading={toggle.pending} onClick={() => toggle.run(false)} {...named(t('invite.turnOff'))}>
              {t('invite.turnOff')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Text fz="sm">{t('invite.off')}</Text>
          <Button size="xs" variant="light" loading={toggle.pending} onClick={() => toggle.run(true)} style={{ alignSelf: 'flex-start' }} {...named(t('invite.turnOn'))}>
            {t('invite.turnOn')}
          </Button>
        </>
      )}
      <FormError message={toggle.error ? describeError(toggle.error) : null} />
    </Stack>
  );
}
