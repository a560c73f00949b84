import { Anchor, Button, Stack, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { completeTokenSchema } from '../../../shared/schemas/auth.js';
import { acceptInvitation, describeInvitation } from '../../api/auth.js';
import { adoptSession } from '../../api/session.js';
import { AuthLayout } from '../../components/AuthLayout.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, Loading } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { NewPasswordFields, useNewPassword } from '../../forms/NewPasswordFields.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { useLinkToken } from './linkToken.js';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const token = useLinkToken();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => describeInvitation(token!),
    enabled: token !== null,
    retry: false,
  });

  return (
    <AuthLayout>
      <PageTitle>{t('auth.invitation.title')}</PageTitle>
      {!token ? (
        <Text>{t('auth.invitation.noToken')}</Text>
      ) : invitation.isPending ? (
        <Loading />
      ) : invitation.isError ? (
        <FormError message={describeError(invitation.error)} />
      ) : (
        <>
          <Text>{t('auth.invitation.intro', invitation.data)}</Text>
          <ChoosePassword token={token} email={invitation.data.email} />
        </>
      )}
      <Anchor component={Link} to="/sign-in" ta="center">
        {t('auth.invitation.haveAccount')}
      </Anchor>
    </AuthLayout>
  );
}

function ChoosePassword({ token, email }: { token: string; email: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const passwords = useNewPassword();
  const form = useApiForm({
    schema: completeTokenSchema,
    send: acceptInvitation,
    check: passwords.check,
    onSuccess: async (session) => {
      await adoptSession(queryClient, session);
      navigate('/', { replace: true });
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit({ token, password: passwords.password, confirm: passwords.confirm })}>
      <Stack gap="md">
        {/* Lets password managers store the new password with the right account. */}
        <input type="email" name="email" autoComplete="username" value={email} readOnly hidden />
        <NewPasswordFields state={passwords} error={form.error} />
        <FormError message={form.formError} />
        <Button type="submit" loading={form.pending} fullWidth>
          {t('auth.invitation.submit')}
        </Button>
      </Stack>
    </form>
  );
}
