import { ActionIcon, Button, Checkbox, Fieldset, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { resourceCategories } from '../../../shared/resources/categories.js';
import { localResourceSchema, type LocalResource, type ServiceDetail } from '../../../shared/schemas/resources.js';
import { isApiError } from '../../api/client.js';
import { PageTitle } from '../../components/PageTitle.js';
import { FormError, LoadError, Loading } from '../../components/Status.js';
import { useApiForm } from '../../forms/useApiForm.js';
import { NotFoundPage } from '../../routes/NotFoundPage.js';
import { useResourceActions, useService } from './api.js';
import { useResourceWords } from './words.js';

const LANGUAGES = ['en', 'es', 'pl', 'zh', 'ar', 'vi'];

/** /resources/new and /resources/:id/edit. */
export function ResourceFormPage() {
  const { id } = useParams();
  const service = useService(id ?? null);
  if (!id) return <ResourceForm />;
  if (isApiError(service.error, 404)) return <NotFoundPage />;
  if (service.isPending) return <Loading />;
  if (service.isError) return <LoadError error={service.error} onRetry={() => void service.refetch()} />;
  if (!service.data.editable) return <NotFoundPage />;
  return <ResourceForm existing={service.data} />;
}

interface HoursRow {
  key: number;
  days: string[];
  opens: string;
  closes: string;
}

const text = (v: string) => v.trim() || undefined;

function ResourceForm({ existing }: { existing?: ServiceDetail }) {
  const { t } = useTranslation('resources');
  const words = useResourceWords();
  const navigate = useNavigate();
  const { create, update } = useResourceActions();
  const start: Partial<LocalResource> = existing?.editable ?? {};
  const [v, setV] = useState({
    name: start.name ?? '',
    providerName: start.providerName ?? '',
    description: start.description ?? '',
    categories: (start.categories ?? []) as string[],
    phone: start.phone ?? '',
    email: start.email ?? '',
    url: start.url ?? '',
    street: start.address?.street ?? '',
    city: start.address?.city ?? '',
    region: start.address?.region ?? '',
    postalCode: start.address?.postalCode ?? '',
    latitude: start.latitude ?? ('' as number | ''),
    longitude: start.longitude ?? ('' as number | ''),
    languages: start.languages ?? [],
    free: start.free ?? false,
    feesDescription: start.feesDescription ?? '',
    eligibility: start.eligibility ?? '',
    applicationProcess: start.applicationProcess ?? '',
  });
  const nextKey = useRef(0);
  const [hours, setHours] = useState<HoursRow[]>(() => (start.hours ?? []).map((h) => ({ key: nextKey.current++, days: h.days.map(String), opens: h.opens, closes: h.closes })));
  const set = (p: Partial<typeof v>) => setV((old) => ({ ...old, ...p }));
  const setRow = (key: number, p: Partial<HoursRow>) => setHours((rows) => rows.map((r) => (r.key === key ? { ...r, ...p } : r)));
  const form = useApiForm({
    schema: localResourceSchema,
    send: (input: LocalResource) => (existing ? update(existing.id, input) : create(input)),
    onSuccess: (saved) => navigate(`/resources/${saved.id}`),
  });
  const hasAddress = [v.street, v.city, v.region, v.postalCode].some((x) => x.trim() !== '');

  return (
    <>
      <PageTitle>{existing ? t('form.editTitle', { name: existing.name }) : t('form.newTitle')}</PageTitle>
      <form
        noValidate
        onSubmit={form.onSubmit({
          name: v.name,
          providerName: text(v.providerName),
          description: text(v.description),
          categories: v.categories,
          phone: text(v.phone),
          email: text(v.email),
          url: text(v.url),
          address: hasAddress ? { street: v.street, city: v.city, region: v.region, postalCode: v.postalCode, country: 'US' } : undefined,
          latitude: v.latitude === '' ? undefined : v.latitude,
          longitude: v.longitude === '' ? undefined : v.longitude,
          languages: v.languages,
          free: v.free,
          feesDescription: text(v.feesDescription),
          eligibility: text(v.eligibility),
          applicationProcess: text(v.applicationProcess),
          hours: hours.map((h) => ({ days: h.days.map(Number), opens: h.opens, closes: h.closes })),
        })}
      >
        <Stack gap="md">
          <TextInput label={t('form.name')} required value={v.name} onChange={(e) => set({ name: e.currentTarget.value })} error={form.error('name')} />
          <TextInput label={t('form.provider')} value={v.providerName} onChange={(e) => set({ providerName: e.currentTarget.value })} error={form.error('providerName')} />
          <Textarea label={t('form.description')} autosize minRows={2} value={v.description} onChange={(e) => set({ description: e.currentTarget.value })} error={form.error('description')} />
          <Checkbox.Group label={t('form.categories')} required value={v.categories} onChange={(categories) => set({ categories })} error={form.error('categories')}>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
              {resourceCategories.map((c) => (
                <Checkbox key={c} value={c} label={t(`category.${c}`)} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="tel" label={t('form.phone')} value={v.phone} onChange={(e) => set({ phone: e.currentTarget.value })} error={form.error('phone')} />
            <TextInput type="email" label={t('form.email')} value={v.email} onChange={(e) => set({ email: e.currentTarget.value })} error={form.error('email')} />
          </SimpleGrid>
          <TextInput type="url" label={t('form.url')} value={v.url} onChange={(e) => set({ url: e.currentTarget.value })} error={form.error('url')} />
          <Fieldset legend={t('form.address')}>
            <Stack gap="sm">
              <TextInput label={t('form.street')} value={v.street} onChange={(e) => set({ street: e.currentTarget.value })} error={form.error('address.street')} />
              <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                <TextInput label={t('form.city')} value={v.city} onChange={(e) => set({ city: e.currentTarget.value })} error={form.error('address.city')} />
                <TextInput label={t('form.region')} value={v.region} onChange={(e) => set({ region: e.currentTarget.value })} error={form.error('address.region')} />
                <TextInput label={t('form.postalCode')} value={v.postalCode} onChange={(e) => set({ postalCode: e.currentTarget.value })} error={form.error('address.postalCode')} />
              </SimpleGrid>
              <Text size="sm" c="dimmed">
                {t('form.coordsHint')}
              </Text>
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput label={t('form.latitude')} decimalScale={6} min={-90} max={90} value={v.latitude} onChange={(n) => set({ latitude: typeof n === 'number' ? n : '' })} error={form.error('latitude')} />
                <NumberInput label={t('form.longitude')} decimalScale={6} min={-180} max={180} value={v.longitude} onChange={(n) => set({ longitude: typeof n === 'number' ? n : '' })} error={form.error('longitude')} />
              </SimpleGrid>
              <Button
                variant="subtle"
                style={{ alignSelf: 'flex-start' }}
                onClick={() =>
                  navigator.geolocation?.getCurrentPosition((pos) => set({ latitude: Number(pos.coords.latitude.toFixed(6)), longitude: Number(pos.coords.longitude.toFixed(6)) }))
                }
              >
                {t('form.useMyLocation')}
              </Button>
            </Stack>
          </Fieldset>
          <Checkbox.Group label={t('form.languages')} value={v.languages} onChange={(languages) => set({ languages })}>
            <Group gap="md" mt={6}>
              {LANGUAGES.map((code) => (
                <Checkbox key={code} value={code} label={words.languageName(code)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Checkbox label={t('form.free')} checked={v.free} onChange={(e) => set({ free: e.currentTarget.checked })} />
          <TextInput label={t('form.fees')} value={v.feesDescription} onChange={(e) => set({ feesDescription: e.currentTarget.value })} error={form.error('feesDescription')} />
          <Textarea label={t('form.eligibility')} autosize minRows={2} value={v.eligibility} onChange={(e) => set({ eligibility: e.currentTarget.value })} error={form.error('eligibility')} />
          <Textarea label={t('form.application')} autosize minRows={2} value={v.applicationProcess} onChange={(e) => set({ applicationProcess: e.currentTarget.value })} error={form.error('applicationProcess')} />
          <Fieldset legend={t('form.hours')}>
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t('form.hoursHint')}
              </Text>
              {hours.map((row, i) => (
                <Stack key={row.key} gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-sand-2)', borderRadius: 'var(--mantine-radius-md)' }}>
                  <Checkbox.Group label={t('form.days')} value={row.days} onChange={(days) => setRow(row.key, { days })} error={form.error(`hours.${i}.days`)}>
                    <Group gap="sm" mt={6}>
                      {[1, 2, 3, 4, 5, 6, 0].map((d) => (
                        <Checkbox key={d} value={String(d)} label={words.weekday(d)} />
                      ))}
                    </Group>
                  </Checkbox.Group>
                  <Group grow>
                    <TextInput type="time" label={t('form.opens')} value={row.opens} onChange={(e) => setRow(row.key, { opens: e.currentTarget.value })} error={form.error(`hours.${i}.opens`)} />
                    <TextInput type="time" label={t('form.closes')} value={row.closes} onChange={(e) => setRow(row.key, { closes: e.currentTarget.value })} error={form.error(`hours.${i}.closes`)} />
                  </Group>
                  <ActionIcon variant="subtle" color="clay" aria-label={t('form.removeHours')} onClick={() => setHours((rows) => rows.filter((r) => r.key !== row.key))} style={{ alignSelf: 'flex-end' }}>
                    <span aria-hidden="true">✕</span>
                  </ActionIcon>
                </Stack>
              ))}
              <Button
                variant="light"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setHours((rows) => [...rows, { key: nextKey.current++, days: ['1', '2', '3', '4', '5'], opens: '09:00', closes: '17:00' }])}
              >
                {t('form.addHours')}
              </Button>
            </Stack>
          </Fieldset>
          <FormError message={form.formError} />
          <Group>
            <Button type="submit" loading={form.pending}>
              {t('form.save')}
            </Button>
            <Button component={Link} to={existing ? `/resources/${existing.id}` : '/resources'} variant="default">
              {t('form.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
