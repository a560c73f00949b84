import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './errors.js';
import { PasswordField } from './PasswordField.js';

/** A new password typed twice; `check` tells when the two differ. */
export function useNewPassword() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const check = (values: Record<string, unknown>): FieldErrors =>
    values.password && values.confirm !== values.password ? { confirm: t('validation.passwordsDiffer') } : {};
  return { password, confirm, setPassword, setConfirm, check };
}

export function NewPasswordFields({ state, error }: { state: ReturnType<typeof useNewPassword>; error: (name: string) => string | undefined }) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('auth.newPassword.label')}
        description={t('auth.newPassword.hint')}
        autoComplete="new-password"
        required
        value={state.password}
        onChange={(e) => state.setPassword(e.currentTarget.value)}
        error={error('password')}
      />
      <PasswordField
        label={t('auth.newPassword.confirm')}
        autoComplete="new-password"
        required
        value={state.confirm}
        onChange={(e) => state.setConfirm(e.currentTarget.value)}
        error={error('confirm')}
      />
    </>
  );
}
