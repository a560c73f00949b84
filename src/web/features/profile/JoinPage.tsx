import { Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { INVITE_CODE_LENGTH, normalizeInviteCode, signUpSchema } from '../../../shared/schemas/sign-up.js';
import { adoptSession } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, Notice } from '../../components/Status.js';
import { NewPasswordFields, useNewPassword } from '../../forms/NewPasswordFields.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { currentLocale } from '../../i18n/locale.js';
import { describeInviteCode, signUp } from './api.js';

/** Where the code leads, when it works; a code that does not is told at submit, next to its field. */
function JoiningWhere({ code }: { code: string }) {
  const { t } = useTranslation('profile');
  // Asked only once the code is whole, not at every keystroke (the server limits how often it is asked).
  const whole = normalizeInviteCode(code);
  const info = useQuery({
    queryKey: ['join', whole],
    queryFn: () => describeInviteCode(whole),
    enabled: whole.length === INVITE_CODE_LENGTH,
    retry: false,
    staleTime: Infinity,
  });
  if (!info.data) return null;
  return <Text fw={600}>{t('join.program', { program: info.data.programName, organization: info.data.organizationName })}</Text>;
}

/** Self-sign-up with a program's invite code, usually arriving by a shared link /join?code=… */
export function JoinPage() {
  const { t } = useTranslation('profile');
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [inviteCode, setInviteCode] = useState(params.get('code') ?? '');
  const [preferredName, setPreferredName] = useState('');
  const [email, setEmail] = useState('');
  const passwords = useNewPassword();
  const [checkEmail, setCheckEmail] = useState(false);
  const form = useApiForm({
    schema: signUpSchema,
    send: signUp,
    check: passwords.check,
    onSuccess: async (result) => {
      if ('checkEmail' in result) return setCheckEmail(true);
      await adoptSession(queryClient, result);
      navigate('/', { replace: true });
    },
  });
  return (
    <AuthLayout>
      <PageTitle>{t('join.title')}</PageTitle>
      <Text>{t('join.intro')}</Text>
      {checkEmail ? (
        <Notice>{t('join.checkEmail')}</Notice>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit({ inviteCode, preferredName, email, password: passwords.password, confirm: passwords.confirm, locale: currentLocale() })}
        >
          <Stack gap="md">
            <JoiningWhere code={inviteCode} />
            <TextInput
              label={t('join.code')}
              description={t('join.codeHint')}
              required
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              value={inviteCode}
              onChange={(e) => setInviteCode(e.currentTarget.value)}
              error={form.error('inviteCode')}
            />
            <TextInput
              label={t('join.preferredName')}
              description={t('join.preferredNameHint')}
              required
              autoComplete="nickname"
              value={preferredName}
              onChange={(e) => setPreferredName(e.currentTarget.value)}
              error={form.error('preferredName')}
            />
            <TextInput
              type="email"
              label={t('join.email')}
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={form.error('email')}
            />
            <NewPasswordFields state={passwords} error={form.error} />
            <Text fz="sm" c="dimmed">
              {t('join.privacy')}
            </Text>
            <FormError message={form.formError} />
            <Button type="submit" loading={form.pending} fullWidth>
              {t('join.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/sign-in" ta="center">
        {t('join.haveAccount')}
      </Anchor>
    </AuthLayout>
  );
}
