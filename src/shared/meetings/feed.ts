/**
 * The Code for Recovery Meeting Guide feed: a JSON array of meeting listings
 * (https://github.com/code4recovery/spec, README "Field Definitions"). Reading a feed normalizes each
 * listing the way tsml-ui reads it: a day array becomes one meeting per day with the slug
 * `<slug>-<day>`, slugs become strings, times `HH:MM`, and the time zone is filled in. A listing that
 * cannot be used is rejected with a reason, and the rest still load.
 */

const textFields = [
  'name', 'slug', 'time', 'end_time', 'timezone', 'formatted_address', 'address', 'city', 'state', 'postal_code', 'country',
  'region', 'sub_region', 'conference_url', 'conference_url_notes', 'conference_phone', 'conference_phone_notes', 'notes',
  'location', 'location_notes', 'approximate', 'updated', 'group', 'group_notes', 'venmo', 'square', 'paypal', 'url',
  'edit_url', 'feedback_url', 'entity', 'entity_email', 'entity_location', 'entity_logo', 'entity_phone', 'entity_url',
  'entity_website_url', 'contact_1_name', 'contact_1_email', 'contact_1_phone', 'contact_2_name', 'contact_2_email',
  'contact_2_phone', 'contact_3_name', 'contact_3_email', 'contact_3_phone',
] as const;
const listFields = ['types', 'regions', 'feedback_emails', 'entity_feedback_emails'] as const;
const linkFields = ['conference_url', 'url', 'edit_url', 'feedback_url', 'entity_logo', 'entity_url', 'entity_website_url'] as const;

type TextField = (typeof textFields)[number];
type ListField = (typeof listFields)[number];

/** One listing as Peerpath keeps and exports it. */
export type MeetingGuideRecord = { name: string; slug: string } & Partial<Record<Exclude<TextField, 'name' | 'slug'>, string>> &
  Partial<Record<ListField, string[]>> & { day?: number; latitude?: number; longitude?: number };

export const rejectionReasons = [
  'not_an_object',
  'no_slug',
  'no_name',
  'duplicate_slug',
  'invalid_day',
  'invalid_time',
  'invalid_end_time',
  'invalid_timezone',
  'no_timezone',
  'no_address',
  'invalid_coordinates',
  'too_long',
] as const;
export type RejectionReason = (typeof rejectionReasons)[number];

export const rejectionMessages: Record<RejectionReason, string> = {
  not_an_object: 'the entry is not a JSON object',
  no_slug: 'it has no slug',
  no_name: 'it has no name',
  duplicate_slug: 'another listing in this feed has the same slug',
  invalid_day: 'day must be 0 (Sunday) to 6 (Saturday), or a list of those',
  invalid_time: 'time must be HH:MM on a 24-hour clock',
  invalid_end_time: 'end_time must be HH:MM on a 24-hour clock',
  invalid_timezone: 'timezone is not a known tz database name',
  no_timezone: 'it has a day and time but no timezone, and no default time zone was given',
  no_address: 'it has no address information (formatted_address, or address/city/state/postal_code/country)',
  invalid_coordinates: 'latitude and longitude must both be numbers on the globe',
  too_long: 'the name or slug is longer than 255 characters',
};

export type ReadListing = { ok: true; records: MeetingGuideRecord[] } | { ok: false; slug: string | null; name: string | null; reason: RejectionReason };

const HH_MM = /^([01]?\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

/** "9:00", "09:00" and "09:00:00" are all 09:00; anything else is not a time. */
export function normalizeTime(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = HH_MM.exec(value.trim());
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : null;
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz.includes('/') || tz === 'UTC';
  } catch {
    return false;
  }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function asList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const items = [...new Set(value.map(asText).filter((v): v is string => v !== undefined))];
  return items.length ? items : undefined;
}

function asDays(value: unknown): number[] | null | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const one = (v: unknown) => {
    const n = typeof v === 'string' && /^\d$/.test(v.trim()) ? Number(v) : v;
    return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 6 ? n : null;
  };
  if (Array.isArray(value)) {
    const days = value.map(one);
    if (days.some((d) => d === null)) return null;
    return [...new Set(days as number[])];
  }
  const day = one(value);
  return day === null ? null : [day];
}

function asCoordinate(value: unknown): number | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'string' ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

function isWebLink(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Keys in a fixed order, so two equal listings serialize (and hash) alike. */
export function canonicalRecord(record: MeetingGuideRecord): MeetingGuideRecord {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as MeetingGuideRecord;
}

/**
 * One entry of a feed. `defaultTimeZone` stands in for a missing `timezone` (tsml-ui's timezone
 * setting); links other than http(s) are dropped, so nothing exported or shown runs as script.
 */
export function readListing(entry: unknown, defaultTimeZone?: string): ReadListing {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return { ok: false, slug: null, name: null, reason: 'not_an_object' };
  const raw = entry as Record<string, unknown>;
  const slug = asText(raw.slug) ?? null;
  const name = asText(raw.name) ?? null;
  const reject = (reason: RejectionReason): ReadListing => ({ ok: false, slug, name, reason });
  if (!slug) return reject('no_slug');
  if (!name) return reject('no_name');
  if (slug.length > 255 || name.length > 255) return reject('too_long');

  const base: Record<string, unknown> = {};
  for (const field of textFields) {
    const text = asText(raw[field]);
    if (text !== undefined) base[field] = text;
  }
  for (const field of listFields) {
    const list = asList(raw[field]);
    if (list !== undefined) base[field] = list;
  }
  for (const field of linkFields) if (typeof base[field] === 'string' && !isWebLink(base[field] as string)) delete base[field];
  if (base.approximate !== undefined || typeof raw.approximate === 'boolean') {
    const said = typeof raw.approximate === 'boolean' ? (raw.approximate ? 'yes' : 'no') : String(base.approximate).toLowerCase();
    if (said === 'yes' || said === 'no') base.approximate = said;
    else delete base.approximate;
  }
  if (base.updated !== undefined && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(base.updated as string)) delete base.updated;

  const days = asDays(raw.day);
  if (days === null) return reject('invalid_day');
  if (raw.time !== undefined && raw.time !== null && raw.time !== '') {
    const time = normalizeTime(raw.time);
    if (!time) return reject('invalid_time');
    base.time = time;
  }
  if (raw.end_time !== undefined && raw.end_time !== null && raw.end_time !== '') {
    const end = normalizeTime(raw.end_time);
    if (!end) return reject('invalid_end_time');
    base.end_time = end;
  }
  if (base.timezone !== undefined && !isTimeZone(base.timezone as string)) return reject('invalid_timezone');
  const weekly = days !== undefined && days.length > 0 && base.time !== undefined;
  if (weekly && base.timezone === undefined) {
    if (!defaultTimeZone) return reject('no_timezone');
    base.timezone = defaultTimeZone;
  }

  const latitude = asCoordinate(raw.latitude);
  const longitude = asCoordinate(raw.longitude);
  if (latitude === null || longitude === null || (latitude === undefined) !== (longitude === undefined)) return reject('invalid_coordinates');
  if (latitude !== undefined && longitude !== undefined) {
    if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return reject('invalid_coordinates');
    base.latitude = latitude;
    base.longitude = longitude;
  }

  const hasAddress = ['formatted_address', 'address', 'city', 'state', 'postal_code', 'country'].some((f) => base[f] !== undefined);
  if (!hasAddress) return reject('no_address');

  base.slug = slug;
  base.name = name;
  if (!days || days.length === 0) return { ok: true, records: [canonicalRecord(base as MeetingGuideRecord)] };
  if (Array.isArray(raw.day)) {
    return { ok: true, records: days.map((day) => canonicalRecord({ ...(base as MeetingGuideRecord), day, slug: `${slug}-${day}` })) };
  }
  return { ok: true, records: [canonicalRecord({ ...(base as MeetingGuideRecord), day: days[0]! })] };
}

export type FeedProblem = { index: number; slug: string | null; problem: string };

/**
 * The spec's rules for a feed, checked on what Peerpath exports: an array of objects, each with a
 * name and a slug unique in the feed; `day` 0–6 with a `HH:MM` `time`; `end_time` `HH:MM`; a tz
 * database `timezone`; types a list of strings; geography for every listing; `approximate` yes/no;
 * numeric coordinates; links that are http(s).
 */
export function feedProblems(feed: unknown): FeedProblem[] {
  if (!Array.isArray(feed)) return [{ index: -1, slug: null, problem: 'the feed is not a JSON array' }];
  const problems: FeedProblem[] = [];
  const seen = new Set<string>();
  feed.forEach((m: any, index) => {
    const say = (problem: string) => problems.push({ index, slug: typeof m?.slug === 'string' ? m.slug : null, problem });
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return say('not an object');
    if (typeof m.name !== 'string' || !m.name.trim() || m.name.length > 255) say('name must be a string of 1 to 255 characters');
    if (typeof m.slug !== 'string' || !m.slug.trim()) say('slug must be a non-empty string');
    else if (seen.has(m.slug)) say('slug is not unique');
    else seen.add(m.slug);
    if (m.day !== undefined && !(Number.isInteger(m.day) && m.day >= 0 && m.day <= 6)) say('day must be an integer 0-6');
    if (m.day !== undefined && m.time === undefined) say('a weekly meeting needs a time');
    if (m.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(m.time)) say('time must be HH:MM');
    if (m.end_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(m.end_time)) say('end_time must be HH:MM');
    if (m.timezone !== undefined && (typeof m.timezone !== 'string' || !isTimeZone(m.timezone))) say('timezone must be a tz database name');
    if (m.types !== undefined && !(Array.isArray(m.types) && m.types.every((t: unknown) => typeof t === 'string'))) say('types must be a list of codes');
    if (m.regions !== undefined && !(Array.isArray(m.regions) && m.regions.every((t: unknown) => typeof t === 'string'))) say('regions must be a list of strings');
    if (!['formatted_address', 'address', 'city', 'state', 'postal_code', 'country'].some((f) => typeof m[f] === 'string' && m[f].trim())) say('geography is missing');
    if (m.approximate !== undefined && m.approximate !== 'yes' && m.approximate !== 'no') say('approximate must be "yes" or "no"');
    for (const c of ['latitude', 'longitude']) if (m[c] !== undefined && typeof m[c] !== 'number') say(`${c} must be a number`);
    for (const f of linkFields) if (m[f] !== undefined && !(typeof m[f] === 'string' && isWebLink(m[f]))) say(`${f} must be an http(s) URL`);
    for (const [k, v] of Object.entries(m)) {
      if (!(listFields as readonly string[]).includes(k) && !['day', 'latitude', 'longitude'].includes(k) && typeof v !== 'string') say(`${k} must be a string`);
    }
  });
  return problems;
}
