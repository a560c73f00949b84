import { Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { Section } from '../../components/Section.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useMySupervision, useReturnedNotes, useWorkforceActions } from './api.js';
import { Link } from 'react-router-dom';
import { Anchor } from '@mantine/core';

const fields = ['casesDiscussed', 'boundaries', 'disclosure', 'skills', 'selfCare'] as const;

/** /me/supervision: a peer worker's own supervision record, their agreed actions, and notes returned to them. */
export function MySupervisionPage() {
  const { t, i18n } = useTranslation('workforce');
  const list = useMySupervision();
  const returned = useReturnedNotes();
  const actions = useWorkforceActions();
  return (
    <>
      <BackHome small />
      <PageTitle>{t('mySupervision.title')}</PageTitle>
      {returned.data && returned.data.items.length > 0 && (
        <Section title={t('mySupervision.returned')} testId="returned-notes">
          <Stack component="ul" className="record-list" gap="xs">
            {returned.data.items.map((r) => (
              <Paper component="li" key={r.noteId} withBorder p="sm" radius="md">
                <Anchor component={Link} to={`/participants/${r.participant.id}/notes`}>
                  {t('mySupervision.returnedItem', { name: r.participant.preferredName })}
                </Anchor>
                <Text fz="sm">{r.comment}</Text>
              </Paper>
            ))}
          </Stack>
        </Section>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.sessions.length === 0 ? (
        <EmptyState>{t('mySupervision.empty')}</EmptyState>
      ) : (
        list.data.sessions.map((s) => (
          <Section key={s.id} title={t('mySupervision.session', { date: new Date(s.scheduledAt).toLocaleDateString(i18n.language, { dateStyle: 'medium' }), supervisor: s.supervisor.displayName })}>
            {fields
              .filter((f) => s[f])
              .map((f) => (
                <Stack key={f} gap={2}>
                  <Text fw={600}>{t(`supervision.fields.${f}`)}</Text>
                  <Text>{s[f]}</Text>
                </Stack>
              ))}
            {s.actions.length > 0 && (
              <Stack gap={4}>
                <Text fw={600}>{t('supervision.actions')}</Text>
                {s.actions.map((a) => (
                  <Checkbox
                    key={a.id}
                    checked={a.doneAt !== null}
                    onChange={(e) => void actions.markAction(a.id, e.currentTarget.checked)}
                    label={a.dueOn ? t('mySupervision.actionDue', { text: a.text, date: a.dueOn }) : a.text}
                  />
                ))}
              </Stack>
            )}
          </Section>
        ))
      )}
    </>
  );
}
