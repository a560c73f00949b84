import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../api/session.js';
import { AppLayout } from '../components/AppLayout.js';
import { AuthLayout } from '../components/AuthLayout.js';
import { BackHome } from '../components/BackHome.js';
import { PageTitle } from '../components/PageTitle.js';

function Message({ title, body }: { title: string; body: string }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <Text>{body}</Text>
      <BackHome />
    </>
  );
}

/** An unknown address, in the frame that fits whether or not someone is signed in. */
export function NotFoundPage() {
  const { t } = useTranslation();
  const { data } = useSession();
  const Layout = data?.user ? AppLayout : AuthLayout;
  return (
    <Layout>
      <Message title={t('notFound.title')} body={t('notFound.body')} />
    </Layout>
  );
}

/** A record that does not exist and one the reader may not see look the same: nothing leaks. */
export function NotYoursPage() {
  const { t } = useTranslation();
  return <Message title={t('notYours.title')} body={t('notYours.body')} />;
}
