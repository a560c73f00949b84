import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { meetingTypeCodes } from '../../../shared/meetings/types.js';
import { timesOfDay } from '../../../shared/meetings/vocabulary.js';
import type { MeetingFinderQueryInput } from '../../../shared/schemas/meetings.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, FormError, LoadError, Loading } from '../../components/Status.js';
import { useMeetings } from './api.js';
import { MeetingCard } from './MeetingCard.js';
import { useMeetingFormat } from './useMeetingFormat.js';

const PAGE = 25;
const radii = ['1', '5', '10', '25', '50'];

/** The meeting finder: every filter lives in the address, so back, reload and sharing keep it. */
export function MeetingFinderPage() {
  const { t } = useTranslation('meetings');
  const format = useMeetingFormat();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(text, 300);
  const [limit, setLimit] = useState(PAGE);
  const [locationError, setLocationError] = useState<string | null>(null);

  // The filters answer a tap at once; the address follows (its update may come a moment later).
  const [filters, setFilters] = useState<Record<string, string>>(() => Object.fromEntries(params));
  const set = (key: string, value: string | null) => {
    setFilters((old) => {
      const next = { ...old };
      if (value === null || value === '') delete next[key];
      else next[key] = value;
      return next;
    });
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  };
  const get = (key: string) => filters[key] ?? '';
  useEffect(() => {
    if (get('q') !== debounced.trim()) set('q', debounced.trim() || null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => setLimit(PAGE), [filters]);

  const query: MeetingFinderQueryInput = {
    q: get('q') || undefined,
    day: get('day') || undefined,
    time: (get('time') || undefined) as MeetingFinderQueryInput['time'],
    types: get('type') || undefined,
    attend: (get('attend') || undefined) as MeetingFinderQueryInput['attend'],
    soon: get('soon') === 'true' ? 'true' : undefined,
    saved: get('saved') === 'true' ? 'true' : undefined,
    near: get('near') || undefined,
    radius: get('near') ? get('radius') || '10' : undefined,
    unit: 'mi',
    limit,
  };
  const results = useMeetings(query);
  const moreId = useId();
  const moreCount = ['day', 'time', 'type', 'near'].filter((k) => get(k)).length;
  const [moreOpen, setMoreOpen] = useState(moreCount > 0);
  const typeChoices = useMemo(
    () => meetingTypeCodes.map((code) => ({ value: code, label: format.typeName(code) })).sort((a, b) => a.label.localeCompare(b.label)),
    [format],
  );

  const askLocation = () => {
    setLocationError(null);
    if (!navigator.geolocation) return setLocationError(t('filters.nearFailed'));
    navigator.geolocation.getCurrentPosition(
      (pos) => set('near', `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}`),
      () => setLocationError(t('filters.nearFailed')),
      { timeout: 10_000, maximumAge: 300_000 },
    );
  };

  return (
    <>
      <BackHome small />
      <PageTitle>{t('title')}</PageTitle>
      <Text>{t('intro')}</Text>
      <Paper component="form" role="search" withBorder p="md" radius="md" onSubmit={(e) => e.preventDefault()}>
        <Stack gap="sm">
          <TextInput type="search" label={t('filters.search')} value={text} onChange={(e) => setText(e.currentTarget.value)} size="md" />
          <Group gap="lg">
            <Checkbox label={t('filters.soon')} checked={query.soon === 'true'} onChange={(e) => set('soon', e.currentTarget.checked ? 'true' : null)} size="md" />
            <Checkbox label={t('filters.saved')} checked={query.saved === 'true'} onChange={(e) => set('saved', e.currentTarget.checked ? 'true' : null)} size="md" />
          </Group>
          <NativeSelect
            label={t('filters.attend')}
            value={get('attend')}
            onChange={(e) => set('attend', e.currentTarget.value)}
            data={[{ value: '', label: t('filters.attendAny') }, { value: 'in_person', label: t('attend.in_person') }, { value: 'online', label: t('attend.online') }]}
          />
          <Button
            variant="subtle"
            style={{ alignSelf: 'flex-start' }}
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onClick={() => setMoreOpen((o) => !o)}
            rightSection={<span aria-hidden="true">{moreOpen ? '▴' : '▾'}</span>}
          >
            {moreCount > 0 ? t('filters.moreCount', { count: moreCount }) : t('filters.more')}
          </Button>
          <Stack gap="sm" id={moreId} style={{ display: moreOpen ? undefined : 'none' }}>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              <NativeSelect
                label={t('filters.day')}
                value={get('day')}
                onChange={(e) => set('day', e.currentTarget.value)}
                data={[{ value: '', label: t('filters.dayAny') }, ...[0, 1, 2, 3, 4, 5, 6].map((d) => ({ value: String(d), label: format.weekday(d) }))]}
              />
              <NativeSelect
                label={t('filters.time')}
                value={get('time')}
                onChange={(e) => set('time', e.currentTarget.value)}
                data={[{ value: '', label: t('filters.timeAny') }, ...timesOfDay.map((v) => ({ value: v, label: t(`times.${v}`) }))]}
              />
              <NativeSelect
                label={t('filters.type')}
                value={get('type')}
                onChange={(e) => set('type', e.currentTarget.value)}
                data={[{ value: '', label: t('filters.typeAny') }, ...typeChoices]}
              />
            </SimpleGrid>
            {query.near ? (
              <Group gap="sm" align="flex-end">
                <NativeSelect
                  label={t('filters.radius')}
                  value={String(query.radius)}
                  onChange={(e) => set('radius', e.currentTarget.value)}
                  data={radii.map((r) => ({ value: r, label: t('filters.radiusValue', { value: r }) }))}
                />
                <Text pb={6}>{t('filters.nearOn')}</Text>
                <Button variant="subtle" onClick={() => set('near', null)}>
                  {t('filters.nearClear')}
                </Button>
              </Group>
            ) : (
              <Button variant="light" onClick={askLocation} style={{ alignSelf: 'flex-start' }}>
                {t('filters.near')}
              </Button>
            )}
            <FormError message={locationError} />
          </Stack>
          {Object.keys(filters).length > 0 && (
            <Button
              variant="subtle"
              color="sand"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => {
                setText('');
                setFilters({});
                setParams(new URLSearchParams(), { replace: true });
              }}
            >
              {t('filters.reset')}
            </Button>
          )}
        </Stack>
      </Paper>
      <section aria-label={t('title')} aria-busy={results.isFetching}>
        {results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <LoadError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Stack gap="sm">
            <Text fw={600} aria-live="polite" data-testid="meeting-count">
              {t('count', { count: results.data.total })}
            </Text>
            {results.data.meetings.length === 0 ? (
              <EmptyState>{t('empty')}</EmptyState>
            ) : (
              <Stack component="ul" className="record-list" gap="sm">
                {results.data.meetings.map((m) => (
                  <MeetingCard key={m.id} meeting={m} unit="mi" />
                ))}
              </Stack>
            )}
            {results.data.total > results.data.meetings.length && (
              <Button variant="light" onClick={() => setLimit((l) => l + PAGE)} loading={results.isFetching}>
                {t('more')}
              </Button>
            )}
          </Stack>
        )}
      </section>
    </>
  );
}
