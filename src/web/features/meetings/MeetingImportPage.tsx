import { Anchor, Button, Input, List, Stack, Text, TextInput } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingImportReport } from '../../../shared/schemas/meetings.js';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { SubSection } from '../../components/Section.js';
import { FormError, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useMeetingActions } from './api.js';

/** The organization admin loads a Meeting Guide feed (a file or an address) and reads the report. */
export function MeetingImportPage() {
  const { t } = useTranslation('meetings');
  const { user } = useSignedIn();
  const actions = useMeetingActions();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const [timeZone, setTimeZone] = useState('');
  const [report, setReport] = useState<MeetingImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const feedUrl = `${window.location.origin}/feeds/${user.organization.slug}/meetings.json`;

  async function submit() {
    setError(null);
    setReport(null);
    let feed: unknown[] | undefined;
    if (file) {
      try {
        const parsed: unknown = JSON.parse(await file.text());
        feed = Array.isArray(parsed) ? parsed : undefined;
        if (!feed) throw new Error('not an array');
      } catch {
        return setError(t('import.fileUnreadable'));
      }
    } else if (!url.trim()) {
      return setError(t('import.chooseOne'));
    }
    setBusy(true);
    try {
      setReport(await actions.importFeed({ ...(feed ? { feed } : { url: url.trim() }), ...(timeZone.trim() && { timeZone: timeZone.trim() }) }));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  const rejected = report?.records.filter((r) => r.outcome === 'rejected') ?? [];
  return (
    <>
      <BackHome small />
      <PageTitle>{t('import.title')}</PageTitle>
      <Text>{t('import.intro')}</Text>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          <Input.Wrapper label={t('import.file')} id={fileId}>
            <input id={fileId} type="file" accept="application/json,.json" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} style={{ display: 'block', marginTop: 4 }} />
          </Input.Wrapper>
          <TextInput label={t('import.url')} type="url" value={url} onChange={(e) => setUrl(e.currentTarget.value)} disabled={file !== null} />
          <TextInput label={t('import.timeZone')} description={t('import.timeZoneHint')} value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)} />
          <FormError message={error} />
          <Button type="submit" loading={busy} style={{ alignSelf: 'flex-start' }}>
            {t('import.submit')}
          </Button>
        </Stack>
      </form>
      {report && (
        <Stack gap="sm" data-testid="import-report">
          <Notice>{t('import.report', report.counts)}</Notice>
          {rejected.length > 0 && (
            <SubSection title={t('import.rejected')}>
              <List>
                {rejected.map((r) => (
                  <List.Item key={`${r.index}-${r.slug}`}>
                    {t('import.row', { index: r.index + 1, slug: r.slug ?? '—', message: r.reason ? t(`import.reasons.${r.reason}`) : r.message })}
                  </List.Item>
                ))}
              </List>
            </SubSection>
          )}
        </Stack>
      )}
      <Text>
        {t('import.feed')}{' '}
        <Anchor href={feedUrl} target="_blank" rel="noreferrer noopener" underline="always">
          {feedUrl}
        </Anchor>
      </Text>
    </>
  );
}
