import { Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useParticipant } from '../../api/participants.js';
import { useSignedIn } from '../../api/session.js';
import { BackHome } from '../../components/BackHome.js';
import { PageTitle } from '../../components/PageTitle.js';
import { EmptyState, LoadError, Loading } from '../../components/Status.js';
import { useResourceSearch, type SearchParams } from './api.js';
import { SearchForm } from './SearchForm.js';
import { ServiceCard } from './ServiceCard.js';

const PAGE = 20;
const KEYS = ['q', 'category', 'placeId', 'lat', 'lon', 'radiusKm', 'openNow', 'language', 'free', 'page', 'for'];
const editors = new Set(['peer_worker', 'supervisor', 'org_admin']);

/** Search the directory. With ?for=<participant> a peer worker is looking on someone's behalf. */
export function ResourcesPage() {
  const { t } = useTranslation('resources');
  const { user } = useSignedIn();
  const [searchParams, setSearchParams] = useSearchParams();
  const params: SearchParams = Object.fromEntries(KEYS.map((k) => [k, searchParams.get(k) ?? undefined]).filter(([, v]) => v !== undefined));
  const { for: forParticipant, ...query } = params;
  const page = Number(params.page ?? '1');
  const results = useResourceSearch(query, PAGE);
  const person = useParticipant(forParticipant ?? null);
  const canAdd = user.memberships.some((m) => editors.has(m.role));

  const go = (next: SearchParams) => setSearchParams(Object.fromEntries(Object.entries(next).filter((e): e is [string, string] => e[1] !== undefined)));

  return (
    <>
      <BackHome small />
      <PageTitle>{t('title')}</PageTitle>
      {person.data ? <Text fw={600}>{t('forParticipant', { name: person.data.preferredName })}</Text> : <Text>{t('intro')}</Text>}
      {canAdd && (
        <Button component={Link} to="/resources/new" variant="light" style={{ alignSelf: 'flex-start' }}>
          {t('search.add')}
        </Button>
      )}
      {/* A new search (a different URL) starts the form afresh from the URL. */}
      <SearchForm key={searchParams.toString()} params={params} onSearch={(next) => go({ ...next, page: undefined })} />
      <section
        aria-labelledby="results-heading"
        data-testid="resource-results"
        aria-busy={results.isFetching}
        data-for={results.isFetching || results.isPlaceholderData ? '' : searchParams.toString()}
      >
        {results.isPending ? (
          <Loading />
        ) : results.isError ? (
          <LoadError error={results.error} onRetry={() => void results.refetch()} />
        ) : (
          <Stack gap="sm">
            <Text id="results-heading" fw={650} role="status">
              {results.data.totalCapped ? t('search.resultsCapped', { count: results.data.total }) : t('search.results', { count: results.data.total })}
            </Text>
            {results.data.total === 0 && <EmptyState>{t('search.none')}</EmptyState>}
            <Stack component="ul" className="record-list" gap="sm">
              {results.data.items.map((s) => (
                <ServiceCard key={s.id} service={s} forParticipant={forParticipant} />
              ))}
            </Stack>
            <Group>
              {page > 1 && (
                <Button variant="default" onClick={() => go({ ...params, page: String(page - 1) })}>
                  {t('search.previous')}
                </Button>
              )}
              {page * PAGE < results.data.total && (
                <Button variant="default" onClick={() => go({ ...params, page: String(page + 1) })}>
                  {t('search.more')}
                </Button>
              )}
            </Group>
          </Stack>
        )}
      </section>
    </>
  );
}
