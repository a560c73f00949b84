import { Anchor, Button, FileInput, Group, List, NumberInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../shared/schemas/resources.js';
import { useSignedIn } from '../../api/session.js';
import { SubSection } from '../../components/Section.js';
import { EmptyState, FormError, Notice } from '../../components/Status.js';
import { describeError } from '../../forms/errors.js';
import { useImports, usePlaces, useResourceActions } from './api.js';
import { useResourceWords } from './words.js';

function Report({ report }: { report: ImportReport }) {
  const { t } = useTranslation('resources');
  return (
    <Stack gap="xs" role="status" data-testid="import-report">
      <Text fw={650}>
        {report.dryRun ? `${t('admin.checked')} ` : ''}
        {t('admin.report', { imported: report.imported, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected.length })}
      </Text>
      {report.rejected.length > 0 && (
        <>
          <Text fw={600}>{t('admin.rejected')}</Text>
          <List size="sm" spacing={4}>
            {report.rejected.map((r) => (
              <List.Item key={`${r.table}:${r.id}:${r.source}`}>
                {r.table} {r.id} ({r.source}): {r.reasons.join('; ')}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {report.skipped.length > 0 && (
        <>
          <Text fw={600}>{t('admin.skipped')}</Text>
          <List size="sm">
            {report.skipped.map((s) => (
              <List.Item key={s.source}>
                {s.source}: {s.reason}
              </List.Item>
            ))}
          </List>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <Text fw={600}>{t('admin.notes')}</Text>
          <List size="sm">
            {report.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </>
      )}
    </Stack>
  );
}

/** The organization admin's directory tools: import HSDS files, see what came of past imports, export, and places. */
export function DirectoryAdminPanel() {
  const { t } = useTranslation('resources');
  const { user } = useSignedIn();
  const words = useResourceWords();
  const { importFiles, addPlace } = useResourceActions();
  const imports = useImports(true);
  const places = usePlaces();
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [place, setPlace] = useState({ name: '', latitude: '' as number | '', longitude: '' as number | '' });
  const [placeNotice, setPlaceNotice] = useState<string | null>(null);
  const apiUrl = `${window.location.origin}/api/hsds/${user.organization.slug}/services`;

  async function run(dryRun: boolean) {
    setBusy(true);
    setError(null);
    try {
      const read = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
      setReport(await importFiles(read, dryRun));
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <SubSection title={t('admin.title')}>
      <Text size="sm">{t('admin.intro')}</Text>
      <FileInput label={t('admin.files')} description={t('admin.filesHint')} multiple accept=".csv,.json,application/json,text/csv" value={files} onChange={setFiles} clearable clearButtonProps={{ 'aria-label': t('admin.clearFiles') }} />
      <Group>
        <Button variant="default" disabled={files.length === 0} loading={busy} onClick={() => void run(true)}>
          {t('admin.check')}
        </Button>
        <Button disabled={files.length === 0} loading={busy} onClick={() => void run(false)}>
          {t('admin.import')}
        </Button>
      </Group>
      <FormError message={error} />
      {report && <Report report={report} />}
      <Text fw={600}>{t('admin.history')}</Text>
      {(imports.data ?? []).length === 0 ? (
        <EmptyState>{t('admin.historyEmpty')}</EmptyState>
      ) : (
        <List size="sm" spacing={4}>
          {imports.data!.map((i) => (
            <List.Item key={i.id}>
              {words.dateTime(i.createdAt)} · {i.source} · {t('admin.report', { imported: i.imported, updated: i.updated, unchanged: i.unchanged, rejected: i.rejected })}
            </List.Item>
          ))}
        </List>
      )}
      <Anchor href="/api/resources/export" download>
        {t('admin.export')}
      </Anchor>
      <Text size="sm">{t('admin.publicApi', { url: apiUrl })}</Text>
      <Text fw={600}>{t('admin.places')}</Text>
      {(places.data ?? []).length === 0 ? (
        <EmptyState>{t('admin.placesEmpty')}</EmptyState>
      ) : (
        <List size="sm">
          {places.data!.map((p) => (
            <List.Item key={p.id}>
              {p.name} ({p.latitude.toFixed(4)}, {p.longitude.toFixed(4)})
            </List.Item>
          ))}
        </List>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (place.name.trim().length < 2 || place.latitude === '' || place.longitude === '') return;
          void addPlace({ name: place.name.trim(), latitude: place.latitude, longitude: place.longitude }).then((p) => {
            setPlaceNotice(p.name);
            setPlace({ name: '', latitude: '', longitude: '' });
          });
        }}
      >
        <Stack gap="xs">
          <TextInput label={t('admin.placeName')} value={place.name} onChange={(e) => setPlace({ ...place, name: e.currentTarget.value })} />
          <SimpleGrid cols={2} spacing="sm">
            <NumberInput label={t('form.latitude')} decimalScale={6} min={-90} max={90} value={place.latitude} onChange={(n) => setPlace({ ...place, latitude: typeof n === 'number' ? n : '' })} />
            <NumberInput label={t('form.longitude')} decimalScale={6} min={-180} max={180} value={place.longitude} onChange={(n) => setPlace({ ...place, longitude: typeof n === 'number' ? n : '' })} />
          </SimpleGrid>
          {placeNotice && <Notice>{placeNotice}</Notice>}
          <Button type="submit" variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('admin.addPlace')}
          </Button>
        </Stack>
      </form>
    </SubSection>
  );
}
