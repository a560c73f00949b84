import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { requestPasswordResetSchema } from '../../../shared/schemas/auth.js';
import { requestPasswordReset } from '../../api/auth.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, Notice } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';

/** The answer is the same whether or not the email has an account: nobody learns who uses Peerpath. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const form = useApiForm({ schema: requestPasswordResetSchema, send: requestPasswordReset });

  return (
    <AuthLayout>
      <PageTitle>{t('auth.forgot.title')}</PageTitle>
      {form.succeeded ? (
        <Notice>{t('auth.forgot.sent')}</Notice>
      ) : (
        <>
          <Text>{t('auth.forgot.intro')}</Text>
          <form noValidate onSubmit={form.onSubmit({ email })}>
            <Stack gap="md">
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.currentTarget.value)}
                error={form.error('email')}
              />
              <FormError message={form.formError} />
              <Button type="submit" loading={form.pending} fullWidth>
                {t('auth.forgot.submit')}
              </Button>
            </Stack>
          </form>
        </>
      )}
      <Anchor component={Link} to="/sign-in" ta="center">
        {t('auth.backToSignIn')}
      </Anchor>
    </AuthLayout>
  );
}
