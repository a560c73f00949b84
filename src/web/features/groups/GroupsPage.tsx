import { Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { DialogButton } from '../../components/DialogButton.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, LoadError, Loading, Notice } from '../../components/Status.js';
import { programsWhere } from '../../roles.js';
import { useGroups } from './api.js';
import { GroupCard } from './GroupCard.js';
import { GroupForm } from './GroupForm.js';

export function GroupsPage() {
  const { t } = useTranslation('groups');
  const { user } = useSignedIn();
  const groups = useGroups();
  const [notice, setNotice] = useState<string | null>(null);
  const staffPrograms = programsWhere(user, ['peer_worker', 'supervisor']);
  const staff = staffPrograms.length > 0;
  return (
    <>
      <BackHome small />
      <PageTitle>{t('title')}</PageTitle>
      <Text>{staff ? t('intro.staff') : t('intro.participant')}</Text>
      {staff && (
        <DialogButton label={t('form.newTitle')} title={t('form.newTitle')} button={{ style: { alignSelf: 'flex-start' } }}>
          {(close) => (
            <GroupForm
              programs={staffPrograms}
              onDone={(g) => {
                close();
                setNotice(t('form.created', { topic: g.topic }));
              }}
            />
          )}
        </DialogButton>
      )}
      {notice && <Notice>{notice}</Notice>}
      {groups.isPending ? (
        <Loading />
      ) : groups.isError ? (
        <LoadError error={groups.error} onRetry={() => void groups.refetch()} />
      ) : groups.data.length === 0 ? (
        <EmptyState>{staff ? t('empty.staff') : t('empty.participant')}</EmptyState>
      ) : (
        <Stack component="ul" className="record-list" gap="sm">
          {groups.data.map((g) => (
            <GroupCard key={g.id} group={g} />
          ))}
        </Stack>
      )}
    </>
  );
}
