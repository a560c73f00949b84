import { resourceCategories, type ResourceCategory } from '../../shared/resources/categories.js';
import { derivedId } from '../modules/resources/ids.js';
import { peerpathTaxonomyRecords, peerpathTermId } from '../modules/resources/local-resource-records.js';

/**
 * Synthetic directories for benchmarks, deterministic from a seed: a Meeting Guide feed (a large
 * intergroup) and an HSDS package in the tabular shape (a regional 211). Both go through the real
 * importers, in `peerpath bench load` and in bench/meetings.bench.ts and bench/resources.bench.ts.
 */

/** A seeded pseudo-random sequence (the same on every machine). */
export function lcg(seed: number): () => number {
  return () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

export function generateMeetingFeed(count: number, seed = 42): unknown[] {
  const rnd = lcg(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const types = ['O', 'C', 'D', 'B', 'ST', 'BE', 'SP', 'W', 'M', 'X', 'LGBTQ', 'S', 'MED', 'Y', '11', 'TR'];
  const zones = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'];
  const words = ['Serenity', 'Hope', 'Freedom', 'Sunrise', 'Lunch', 'Big Book', 'Step', 'Keep Coming Back', 'Gratitude', 'Harbor', 'River', 'Unity'];
  return Array.from({ length: count }, (_, i) => {
    const online = rnd() < 0.3;
    const lat = 30 + rnd() * 15;
    const lng = -120 + rnd() * 45;
    const hour = 6 + Math.floor(rnd() * 16);
    return {
      slug: `bench-${i}`,
      name: `${pick(words)} ${pick(words)} ${i}`,
      day: rnd() < 0.05 ? [1, 3, 5] : Math.floor(rnd() * 7),
      time: `${String(hour).padStart(2, '0')}:${pick(['00', '15', '30', '45'])}`,
      timezone: pick(zones),
      types: [...new Set([pick(['O', 'C']), pick(types), pick(types)])],
      ...(online
        ? { formatted_address: 'Chicago, IL, USA', conference_url: `https://zoom.us/j/${1_000_000 + i}` }
        : { formatted_address: `${i} Main St, Town ${i % 300}, IL 6${String(i % 10_000).padStart(4, '0')}, USA`, latitude: Number(lat.toFixed(5)), longitude: Number(lng.toFixed(5)) }),
      location: `${pick(words)} Hall`,
      notes: rnd() < 0.2 ? 'Wheelchair ramp at the side door. Coffee from 15 minutes before.' : undefined,
      regions: [pick(['North', 'South', 'East', 'West']), `District ${i % 40}`],
    };
  });
}

/** Twenty metro areas; services scatter within about 30 km of each center. */
export const METROS: ReadonlyArray<[string, number, number]> = [
  ['Chicago', 41.88, -87.63], ['Milwaukee', 43.04, -87.91], ['Detroit', 42.33, -83.05], ['Cleveland', 41.5, -81.69], ['Columbus', 39.96, -83.0],
  ['Indianapolis', 39.77, -86.16], ['St. Louis', 38.63, -90.2], ['Kansas City', 39.1, -94.58], ['Minneapolis', 44.98, -93.27], ['Des Moines', 41.59, -93.62],
  ['Omaha', 41.26, -95.94], ['Louisville', 38.25, -85.76], ['Cincinnati', 39.1, -84.51], ['Madison', 43.07, -89.4], ['Grand Rapids', 42.96, -85.67],
  ['Toledo', 41.65, -83.54], ['Peoria', 40.69, -89.59], ['Springfield', 39.78, -89.65], ['Fort Wayne', 41.08, -85.14], ['Rockford', 42.27, -89.09],
];
const KINDS: Array<[string, ResourceCategory[], string]> = [
  ['Emergency Shelter', ['housing'], 'Emergency beds and intake for adults; no sobriety requirement.'],
  ['Recovery Residence', ['housing', 'recovery_support'], 'Recovery housing with house meetings and peer mentors.'],
  ['Food Pantry', ['food'], 'Groceries weekly and fresh produce.'],
  ['Community Kitchen', ['food'], 'Hot meals every day, no questions asked.'],
  ['Job Center', ['employment', 'reentry'], 'Job search help and second-chance employers.'],
  ['MAT Clinic', ['mat', 'health_care'], 'Buprenorphine and methadone with counseling.'],
  ['Health Center', ['health_care'], 'Primary care on a sliding scale.'],
  ['Counseling Center', ['mental_health'], 'Individual and group therapy.'],
  ['Legal Aid', ['legal', 'reentry'], 'Expungement and record sealing clinics.'],
  ['ID Help Desk', ['id_documents'], 'Birth certificates and state IDs.'],
  ['Transit Help', ['transportation'], 'Bus passes and rides to appointments.'],
  ['Child Care Center', ['childcare'], 'Day care with sliding-scale fees.'],
  ['Centro de Apoyo', ['benefits', 'food'], 'Ayuda con beneficios y despensa de alimentos.'],
];
const NAMES = ['Hope', 'Harbor', 'Riverside', 'Lakeview', 'Second Chance', 'New Day', 'Unity', 'Cornerstone', 'Bridge', 'Northside', 'Southside', 'Westgate'];
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** The id of the n-th generated service (the same in every organization that imports it). */
export const benchServiceId = (n: number) => derivedId('bench', n, 'service');

/**
 * A directory of `count` services (numbered from `first`) as HSDS JSON in the tabular shape, the
 * same a 211 export or our own export gives: organizations, services, locations, addresses,
 * schedules, languages, cost options and category attributes.
 */
export function generateHsdsDirectory(count: number, first = 0, seed = 7): Record<string, Array<Record<string, unknown>>> {
  const rnd = lcg(seed + first);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(rnd() * items.length)]!;
  const tables: Record<string, Array<Record<string, unknown>>> = {
    'organizations.csv': [], 'services.csv': [], 'locations.csv': [], 'addresses.csv': [], 'service_at_location.csv': [],
    'schedules.csv': [], 'languages.csv': [], 'cost_options.csv': [], 'attributes.csv': [], 'taxonomies.csv': [], 'taxonomy_terms.csv': [],
  };
  for (const r of peerpathTaxonomyRecords(resourceCategories)) tables[r.table === 'taxonomy' ? 'taxonomies.csv' : 'taxonomy_terms.csv']!.push(r.fields);
  for (let i = first; i < first + count; i++) {
    const [metro, lat0, lon0] = pick(METROS);
    const [kind, categories, description] = pick(KINDS);
    const id = (...p: Array<string | number>) => derivedId('bench', i, ...p);
    const orgId = id('organization');
    tables['organizations.csv']!.push({ id: orgId, name: `${pick(NAMES)} ${kind} of ${metro}`, description: `Serving ${metro}.` });
    tables['services.csv']!.push({ id: benchServiceId(i), organization_id: orgId, name: `${pick(NAMES)} ${kind} ${i}`, description, status: rnd() < 0.97 ? 'active' : 'inactive', assured_date: rnd() < 0.7 ? '2026-09-01' : '2024-01-15' });
    const loc = id('location');
    const dist = Math.sqrt(rnd()) * 0.27;
    const angle = rnd() * 2 * Math.PI;
    tables['locations.csv']!.push({ id: loc, location_type: 'physical', organization_id: orgId, name: `${metro} site`, latitude: Number((lat0 + dist * Math.cos(angle)).toFixed(6)), longitude: Number((lon0 + (dist * Math.sin(angle)) / 0.75).toFixed(6)) });
    tables['addresses.csv']!.push({ id: id('address'), location_id: loc, address_1: `${i} Main St`, city: metro, state_province: 'IL', postal_code: '60000', country: 'US', address_type: 'physical' });
    tables['service_at_location.csv']!.push({ id: id('sal'), service_id: benchServiceId(i), location_id: loc });
    const shape = rnd();
    const schedule =
      shape < 0.15
        ? { byday: 'SU,MO,TU,WE,TH,FR,SA', opens_at: '00:00', closes_at: '00:00' }
        : shape < 0.3
          ? { byday: 'SU,MO,TU,WE,TH,FR,SA', opens_at: '20:00', closes_at: '08:00' }
          : shape < 0.9
            ? { byday: 'MO,TU,WE,TH,FR', opens_at: `0${7 + Math.floor(rnd() * 3)}:00`, closes_at: `${15 + Math.floor(rnd() * 4)}:00` }
            : { byday: `1${pick(DAYS)}`, opens_at: '10:00', closes_at: '14:00', freq: 'MONTHLY' };
    tables['schedules.csv']!.push({ id: id('schedule'), service_id: benchServiceId(i), freq: 'WEEKLY', ...schedule });
    if (rnd() < 0.3) tables['schedules.csv']!.push({ id: id('schedule', 2), service_id: benchServiceId(i), freq: 'WEEKLY', byday: 'SA', opens_at: '09:00', closes_at: '12:00' });
    tables['languages.csv']!.push({ id: id('language', 'en'), service_id: benchServiceId(i), code: 'en' });
    if (rnd() < 0.35) tables['languages.csv']!.push({ id: id('language', 'es'), service_id: benchServiceId(i), code: 'es' });
    if (rnd() < 0.5) tables['cost_options.csv']!.push({ id: id('cost'), service_id: benchServiceId(i), option: 'Free', amount: 0 });
    for (const c of categories) tables['attributes.csv']!.push({ id: id('attribute', c), link_id: benchServiceId(i), link_entity: 'service', taxonomy_term_id: peerpathTermId(c) });
  }
  return tables;
}
