import { categorizeService, categorySearchWords, type TermLike } from '../../../shared/resources/categories.js';
import { openIntervals, type HsdsScheduleLike, type OpenInterval } from '../../../shared/resources/schedule.js';

/**
 * What search needs to know about one HSDS service, read from the service in the API shape
 * (with its service_at_locations, locations, schedules, languages, cost options and attributes).
 * Pure: the same service always gives the same row, so re-importing unchanged data changes nothing.
 */

type Obj = Record<string, any>;
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter((x): x is Obj => typeof x === 'object' && x !== null) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export interface ServicePlace {
  locationId: string;
  name: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  transportation: string | null;
}

export interface ServiceProjection {
  id: string;
  providerId: string | null;
  providerName: string | null;
  name: string;
  alternateName: string | null;
  description: string | null;
  status: string;
  categories: string[];
  languages: string[];
  free: boolean;
  minimumAge: number | null;
  maximumAge: number | null;
  assuredOn: string | null;
  searchText: string;
  places: ServicePlace[];
  hours: OpenInterval[];
  hoursKnown: boolean;
  /** The schedules' descriptions, and a note for each that could not be read as hours. */
  scheduleNotes: string[];
}

const iso3to1: Record<string, string> = {
  eng: 'en', spa: 'es', fra: 'fr', fre: 'fr', zho: 'zh', chi: 'zh', vie: 'vi', kor: 'ko', ara: 'ar', rus: 'ru', por: 'pt', hin: 'hi',
  urd: 'ur', pol: 'pl', slk: 'sk', slo: 'sk', deu: 'de', ger: 'de', ita: 'it', tgl: 'tl', hat: 'ht', som: 'so', amh: 'am', fas: 'fa', per: 'fa',
};
const byName: Record<string, string> = { english: 'en', spanish: 'es', espanol: 'es', español: 'es', french: 'fr', chinese: 'zh', vietnamese: 'vi', arabic: 'ar', russian: 'ru', urdu: 'ur' };

/** A language as an ISO 639-1 code where we can tell (`eng`, `en-US`, "Spanish" → en, en, es). */
export function languageCode(language: Obj): string | null {
  const code = str(language.code)?.toLowerCase().split(/[-_]/)[0];
  if (code && /^[a-z]{2}$/.test(code)) return code;
  if (code && iso3to1[code]) return iso3to1[code]!;
  const name = str(language.name)?.toLowerCase();
  return (name && byName[name]) || code || null;
}

const FREE_WORDS = /\b(free|no cost|no charge|gratis|gratuito|sin costo|sin cargo)\b/i;

/** Free of charge: a cost option of 0 or described as free, or fee words saying so with no price anywhere. */
export function isFree(service: Obj): boolean {
  const options = list(service.cost_options);
  if (options.some((o) => num(o.amount) === 0 || FREE_WORDS.test(`${o.option ?? ''} ${o.amount_description ?? ''}`))) return true;
  if (options.some((o) => (num(o.amount) ?? 0) > 0)) return false;
  return FREE_WORDS.test(`${service.fees_description ?? ''} ${service.fees ?? ''}`);
}

/** One line of an HSDS address: the physical one when there is one. */
export function addressLine(location: Obj): string | null {
  const addresses = list(location.addresses);
  const a = addresses.find((x) => x.address_type === 'physical') ?? addresses[0];
  if (!a) return null;
  const parts = [a.address_1, a.address_2, a.city, [a.state_province, a.postal_code].filter(str).join(' ')].map(str).filter(Boolean);
  return parts.length ? parts.join(', ') : null;
}

/** Coordinates only when they are on Earth: HSDS examples carry latitude 100. */
const validPoint = (lat: number | null, lon: number | null) =>
  lat !== null && lon !== null && lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180 && !(lat === 0 && lon === 0);

export function placesOf(service: Obj): ServicePlace[] {
  return list(service.service_at_locations).flatMap((sal) => {
    const location: Obj | null = typeof sal.location === 'object' && sal.location ? sal.location : null;
    if (!location || typeof location.id !== 'string') return [];
    const lat = num(location.latitude);
    const lon = num(location.longitude);
    const ok = validPoint(lat, lon);
    return [{ locationId: location.id, name: str(location.name), address: addressLine(location), latitude: ok ? lat : null, longitude: ok ? lon : null, transportation: str(location.transportation) }];
  });
}

/** The service's own schedules (and its service_at_locations'); the locations' opening hours only when it has none. */
export function schedulesOf(service: Obj): HsdsScheduleLike[] {
  const sals = list(service.service_at_locations);
  const own = [...list(service.schedules), ...sals.flatMap((s) => list(s.schedules))];
  if (own.length > 0) return own;
  return sals.flatMap((s) => list(s.location?.schedules));
}

function termsOf(service: Obj): TermLike[] {
  return list(service.attributes)
    .map((a) => a.taxonomy_term)
    .filter((t): t is Obj => typeof t === 'object' && t !== null);
}

export function projectService(service: Obj): ServiceProjection {
  const name = str(service.name) ?? '—';
  const alternateName = str(service.alternate_name);
  const description = str(service.description);
  const terms = termsOf(service);
  const categories = categorizeService({ terms, name, alternateName, description });
  const locations = list(service.service_at_locations).map((s) => s.location).filter((l): l is Obj => typeof l === 'object' && l !== null);
  const languageRows = [...list(service.languages), ...locations.flatMap((l) => list(l.languages))];
  const languages = [...new Set(languageRows.map(languageCode).filter((c): c is string => c !== null))].sort();

  const hours: OpenInterval[] = [];
  const scheduleNotes: string[] = [];
  let hoursKnown = false;
  for (const schedule of schedulesOf(service)) {
    const read = openIntervals(schedule);
    hours.push(...read.intervals);
    hoursKnown ||= read.understood;
    const words = str((schedule as Obj).description) ?? str((schedule as Obj).notes);
    if (words) scheduleNotes.push(words);
  }

  const places = placesOf(service);
  const providerName = str(service.organization?.name);
  const searchText = [
    description,
    providerName,
    str(service.eligibility_description),
    str(service.application_process),
    str(service.interpretation_services),
    str(service.fees_description),
    ...terms.map((t) => str(t.name)),
    ...places.flatMap((p) => [p.name, p.address]),
    ...languageRows.map((l) => str(l.name)),
    ...categories.map((c) => categorySearchWords[c as keyof typeof categorySearchWords]),
  ]
    .filter(Boolean)
    .join(' \n')
    .slice(0, 20_000);

  const assured = str(service.assured_date);
  const age = (v: unknown) => (num(v) === null ? null : Math.round(num(v)!));
  return {
    id: String(service.id),
    providerId: str(service.organization_id) ?? str(service.organization?.id),
    providerName,
    name,
    alternateName,
    description,
    status: str(service.status) ?? 'active',
    categories,
    languages,
    free: isFree(service),
    minimumAge: age(service.minimum_age),
    maximumAge: age(service.maximum_age),
    assuredOn: assured && /^\d{4}-\d{2}-\d{2}/.test(assured) ? assured.slice(0, 10) : null,
    searchText,
    places,
    hours,
    hoursKnown,
    scheduleNotes,
  };
}
