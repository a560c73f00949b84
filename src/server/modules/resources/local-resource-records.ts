import { categoryTermNames, PEERPATH_TAXONOMY, peerpathTermCode, type ResourceCategory } from '../../../shared/resources/categories.js';
import type { LocalResource } from '../../../shared/schemas/resources.js';
import type { FlatRecord } from './hsds/records.js';
import { derivedId } from './ids.js';

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

export const peerpathTaxonomyId = derivedId('taxonomy', PEERPATH_TAXONOMY.uri);
export const peerpathTermId = (c: ResourceCategory) => derivedId('taxonomy_term', peerpathTermCode(c));

const record = (table: string, fields: Record<string, unknown>, source: string): FlatRecord => {
  const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));
  return { table, id: String(clean.id), fields: clean, source, problems: [] };
};

/** Our taxonomy and the terms for these categories (written with every local resource; idempotent). */
export function peerpathTaxonomyRecords(categories: readonly ResourceCategory[]): FlatRecord[] {
  return [
    record('taxonomy', { id: peerpathTaxonomyId, name: PEERPATH_TAXONOMY.name, description: 'The needs Peerpath searches by.', uri: PEERPATH_TAXONOMY.uri, version: PEERPATH_TAXONOMY.version }, 'peerpath'),
    ...categories.map((c) =>
      record(
        'taxonomy_term',
        { id: peerpathTermId(c), code: peerpathTermCode(c), name: categoryTermNames[c], description: `Peerpath category: ${categoryTermNames[c]}`, taxonomy: PEERPATH_TAXONOMY.name, taxonomy_id: peerpathTaxonomyId },
        'peerpath',
      ),
    ),
  ];
}

/**
 * A resource a peer worker describes, as the HSDS records it is made of: the service; its
 * provider; a location with its address and coordinates, tied by a service_at_location; a phone;
 * languages; a free cost option; weekly schedules (bare times, read on the organization's clock);
 * and one attribute per category, pointing at Peerpath's own taxonomy terms. Every id is derived
 * from the service id, so saving again rewrites the same records.
 */
export function localResourceRecords(serviceId: string, input: LocalResource, assuredOn: string): FlatRecord[] {
  const src = 'peerpath local resource';
  const id = (...parts: Array<string | number>) => derivedId(serviceId, ...parts);
  // Every HSDS service belongs to an organization (tabular shape); one listed without a provider is its own.
  const providerId = id('organization');
  const providerName = input.providerName ?? input.name;
  const hasPlace = input.address !== undefined || input.latitude !== undefined;
  const locationId = hasPlace ? id('location') : undefined;
  const out: FlatRecord[] = [
    record(
      'service',
      {
        id: serviceId,
        organization_id: providerId,
        name: input.name,
        description: input.description,
        url: input.url,
        email: input.email,
        status: 'active',
        fees_description: input.feesDescription,
        eligibility_description: input.eligibility,
        application_process: input.applicationProcess,
        assured_date: assuredOn,
      },
      src,
    ),
  ];
  out.push(record('organization', { id: providerId, name: providerName, description: input.description ?? providerName }, src));
  if (locationId) {
    out.push(
      record('location', { id: locationId, location_type: 'physical', organization_id: providerId, name: providerName, latitude: input.latitude, longitude: input.longitude }, src),
      record('service_at_location', { id: id('service_at_location'), service_id: serviceId, location_id: locationId }, src),
    );
    if (input.address) {
      const a = input.address;
      out.push(
        record('address', { id: id('address'), location_id: locationId, address_1: a.street, city: a.city, state_province: a.region, postal_code: a.postalCode, country: a.country, address_type: 'physical' }, src),
      );
    }
  }
  if (input.phone) out.push(record('phone', { id: id('phone'), service_id: serviceId, number: input.phone }, src));
  for (const code of [...new Set(input.languages)]) out.push(record('language', { id: id('language', code), service_id: serviceId, code }, src));
  if (input.free) out.push(record('cost_option', { id: id('cost_option', 'free'), service_id: serviceId, option: 'Free', amount: 0 }, src));
  input.hours.forEach((h, i) => {
    const days = [...new Set(h.days)].sort((a, b) => a - b);
    out.push(record('schedule', { id: id('schedule', i), service_id: serviceId, freq: 'WEEKLY', byday: days.map((d) => DAYS[d]).join(','), opens_at: h.opens, closes_at: h.closes }, src));
  });
  for (const c of [...new Set(input.categories)]) {
    out.push(record('attribute', { id: id('attribute', c), link_id: serviceId, link_entity: 'service', link_type: 'service_category', taxonomy_term_id: peerpathTermId(c) }, src));
  }
  return [...peerpathTaxonomyRecords(input.categories), ...out];
}
