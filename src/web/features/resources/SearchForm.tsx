import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { resourceCategories } from '../../../shared/resources/categories.js';
import { usePlaces, type SearchParams } from './api.js';
import { useResourceWords } from './words.js';

const RADII = ['2', '5', '10', '25', '50'];
const LANGUAGES = ['en', 'es', 'pl', 'zh', 'ar', 'vi', 'ur'];

interface Props {
  params: SearchParams;
  onSearch: (params: SearchParams) => void;
}

/** The filters a peer worker or participant searches by; everything has a label, nothing needs a mouse. */
export function SearchForm({ params, onSearch }: Props) {
  const { t } = useTranslation('resources');
  const words = useResourceWords();
  const places = usePlaces();
  const [values, setValues] = useState({
    q: params.q ?? '',
    category: params.category ?? '',
    near: params.placeId ?? (params.lat ? 'here' : ''),
    radiusKm: params.radiusKm ?? '10',
    openNow: params.openNow === 'true',
    language: params.language ?? '',
    free: params.free === 'true',
  });
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const set = (v: Partial<typeof values>) => setValues((old) => ({ ...old, ...v }));

  const base = (): SearchParams => ({
    q: values.q.trim() || undefined,
    category: values.category || undefined,
    radiusKm: values.near ? values.radiusKm : undefined,
    openNow: values.openNow ? 'true' : undefined,
    language: values.language || undefined,
    free: values.free ? 'true' : undefined,
    for: params.for,
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (values.near !== 'me' && values.near !== 'here') return onSearch({ ...base(), placeId: values.near || undefined });
    if (values.near === 'here' && params.lat) return onSearch({ ...base(), lat: params.lat, lon: params.lon });
    if (!('geolocation' in navigator)) return setLocating('failed');
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        onSearch({ ...base(), lat: pos.coords.latitude.toFixed(5), lon: pos.coords.longitude.toFixed(5) });
      },
      () => setLocating('failed'),
      { timeout: 10_000 },
    );
  }

  const nearOptions = [
    { value: '', label: t('search.anywhere') },
    ...(places.data ?? []).map((p) => ({ value: p.id, label: p.name })),
    ...(params.lat ? [{ value: 'here', label: t('search.myLocation') }] : [{ value: 'me', label: t('search.myLocation') }]),
  ];

  return (
    <form role="search" onSubmit={submit} aria-label={t('title')}>
      <Stack gap="sm">
        <TextInput label={t('search.q')} description={t('search.qHint')} value={values.q} onChange={(e) => set({ q: e.currentTarget.value })} autoComplete="off" />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NativeSelect
            label={t('search.category')}
            value={values.category}
            onChange={(e) => set({ category: e.currentTarget.value })}
            data={[{ value: '', label: t('search.anyCategory') }, ...resourceCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
          />
          <NativeSelect
            label={t('search.language')}
            value={values.language}
            onChange={(e) => set({ language: e.currentTarget.value })}
            data={[{ value: '', label: t('search.anyLanguage') }, ...LANGUAGES.map((code) => ({ value: code, label: words.languageName(code) }))]}
          />
          <NativeSelect label={t('search.near')} value={values.near} onChange={(e) => set({ near: e.currentTarget.value })} data={nearOptions} />
          <NativeSelect
            label={t('search.radius')}
            value={values.radiusKm}
            disabled={!values.near}
            onChange={(e) => set({ radiusKm: e.currentTarget.value })}
            data={RADII.map((r) => ({ value: r, label: t('search.km', { count: Number(r) }) }))}
          />
        </SimpleGrid>
        <Group gap="lg">
          <Checkbox label={t('search.openNow')} checked={values.openNow} onChange={(e) => set({ openNow: e.currentTarget.checked })} />
          <Checkbox label={t('search.free')} checked={values.free} onChange={(e) => set({ free: e.currentTarget.checked })} />
        </Group>
        {locating === 'busy' && <Text role="status">{t('search.locating')}</Text>}
        {locating === 'failed' && (
          <Text role="alert" c="clay.7">
            {t('search.locationFailed')}
          </Text>
        )}
        <Button type="submit" style={{ alignSelf: 'flex-start' }} loading={locating === 'busy'}>
          {t('search.submit')}
        </Button>
      </Stack>
    </form>
  );
}
