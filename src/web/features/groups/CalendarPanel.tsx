import { Anchor, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SubSection } from '../../components/Section.js';
import { FormError, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useGroupActions } from './api.js';

/** A private subscription link for this group's sessions, shown once, and a one-off download. */
export function CalendarPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation('groups');
  const actions = useGroupActions();
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    work().catch((err: unknown) => setError(describeError(err)));
  };
  return (
    <SubSection title={t('calendar.title')}>
      <Text>{t('calendar.body')}</Text>
      {url && (
        <Stack gap={4}>
          <Text fz="sm">{t('calendar.made')}</Text>
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput label={t('calendar.linkLabel')} value={url} readOnly style={{ flex: 1 }} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton value={url}>{({ copied, copy }) => <Button onClick={copy} variant="light">{copied ? t('calendar.copied') : t('calendar.copy')}</Button>}</CopyButton>
          </Group>
        </Stack>
      )}
      {notice && <Notice>{notice}</Notice>}
      <FormError message={error} />
      <Group gap="xs">
        <Button variant="light" onClick={() => run(async () => setUrl((await actions.calendarLink(groupId)).url))}>
          {t('calendar.make')}
        </Button>
        <Button
          variant="subtle"
          onClick={() =>
            run(async () => {
              await actions.revokeCalendarLink(groupId);
              setUrl(null);
              setNotice(t('calendar.revoked'));
            })
          }
        >
          {t('calendar.revoke')}
        </Button>
      </Group>
      <Anchor href={`/api/groups/${groupId}/calendar.ics`} download>
        {t('calendar.download')}
      </Anchor>
    </SubSection>
  );
}
