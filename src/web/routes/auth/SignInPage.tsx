import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { signInSchema } from '../../../shared/schemas/auth.js';
import { signIn } from '../../api/auth.js';
import { adoptSession } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { safeNext } from '../../components/RequireSession.js';
import { FormError } from '../../components/Status.js';
import { PasswordField } from '../../forms/PasswordField.js';
import { useApiForm } from '../../forms/useApiForm.js';

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const form = useApiForm({
    schema: signInSchema,
    send: signIn,
    onSuccess: async (session) => {
      await adoptSession(queryClient, session);
      navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  return (
    <AuthLayout>
      <PageTitle>{t('auth.signIn.title')}</PageTitle>
      <Text>{t('auth.signIn.intro')}</Text>
      <form noValidate onSubmit={form.onSubmit({ email, password })}>
        <Stack gap="md">
          <TextInput
            label={t('auth.email')}
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={form.error('email')}
          />
          <PasswordField
            label={t('auth.password')}
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={form.error('password')}
          />
          <FormError message={form.formError} />
          <Button type="submit" loading={form.pending} fullWidth>
            {t('auth.signIn.submit')}
          </Button>
          <Anchor component={Link} to="/forgot-password" ta="center">
            {t('auth.signIn.forgot')}
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
