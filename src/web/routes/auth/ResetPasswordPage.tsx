import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { completeTokenSchema } from '../../../shared/schemas/auth.js';
import { completePasswordReset } from '../../api/auth.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, Notice } from '../../components/Status.js';
import { NewPasswordFields, useNewPassword } from '../../forms/NewPasswordFields.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useLinkToken } from './linkToken.js';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const passwords = useNewPassword();
  const form = useApiForm({ schema: completeTokenSchema, send: completePasswordReset, check: passwords.check });

  return (
    <AuthLayout>
      <PageTitle>{t('auth.reset.title')}</PageTitle>
      {!token ? (
        <>
          <Text>{t('auth.reset.noToken')}</Text>
          <AskAgain />
        </>
      ) : form.succeeded ? (
        <>
          <Notice>{t('auth.reset.done')}</Notice>
          <Button component={Link} to="/sign-in" fullWidth>
            {t('auth.signIn.submit')}
          </Button>
        </>
      ) : (
        <form noValidate onSubmit={form.onSubmit({ token, password: passwords.password, confirm: passwords.confirm })}>
          <Stack gap="md">
            <Text>{t('auth.reset.intro')}</Text>
            <NewPasswordFields state={passwords} error={form.error} />
            <FormError message={form.formError} />
            {form.formError && <AskAgain />}
            <Button type="submit" loading={form.pending} fullWidth>
              {t('auth.reset.submit')}
            </Button>
            <Anchor component={Link} to="/sign-in" ta="center">
              {t('auth.backToSignIn')}
            </Anchor>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}

function AskAgain() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/forgot-password">
      {t('auth.reset.askAgain')}
    </Anchor>
  );
}
