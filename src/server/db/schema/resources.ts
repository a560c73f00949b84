import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { createdAtColumn, organizationIdColumn } from './columns.js';
import { programs } from './tenancy.js';

const orgId = organizationIdColumn;
const createdAt = createdAtColumn;
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The community resource directory, in Open Referral HSDS 3.x: every record of every HSDS table
 * (organization, service, location, service_at_location, address, phone, schedule, taxonomy_term,
 * language, cost_option, attribute…) one row each, in the tabular shape, keyed by its HSDS id
 * within the organization that keeps the directory. Import, export and the HSDS API read and
 * write these rows; `refs` holds the ids a record points at, so children are found by index.
 */
export const hsdsRecords = pgTable(
  'hsds_records',
  {
    organizationId: orgId(),
    tableName: text('table_name').notNull(),
    id: text('id').notNull(),
    record: jsonb('record').$type<Record<string, unknown>>().notNull(),
    refs: text('refs').array().notNull().default(sql`'{}'::text[]`),
    /** Added in Peerpath by a peer worker, not imported: only these are edited here. */
    local: boolean('local').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.tableName, t.id] }),
    index('hsds_records_refs').using('gin', t.refs),
    index('hsds_records_updated').on(t.organizationId, t.tableName, t.updatedAt),
  ],
);

/**
 * One row per HSDS service, built from its records for searching (categories, languages, free of
 * charge, English and Spanish full text), plus what Peerpath keeps about it locally (verified by
 * whom and when). Rebuilt whenever a record the service is made of changes.
 */
export const resourceServices = pgTable(
  'resource_services',
  {
    organizationId: orgId(),
    id: text('id').notNull(),
    providerId: text('provider_id'),
    providerName: text('provider_name'),
    name: text('name').notNull(),
    alternateName: text('alternate_name'),
    description: text('description'),
    status: text('status').notNull(),
    categories: text('categories').array().notNull().default(sql`'{}'::text[]`),
    /** ISO 639-1 codes. */
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    free: boolean('free').notNull().default(false),
    minimumAge: integer('minimum_age'),
    maximumAge: integer('maximum_age'),
    /** HSDS assured_date: when the source last checked it. */
    assuredOn: date('assured_on'),
    /** Whether any schedule could be read as opening hours. */
    hoursKnown: boolean('hours_known').notNull().default(false),
    searchText: text('search_text').notNull().default(''),
    search: tsvector('search')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')), 'A') || setweight(to_tsvector('spanish'::regconfig, coalesce(name, '') || ' ' || coalesce(alternate_name, '')), 'A') || setweight(to_tsvector('english'::regconfig, search_text), 'B') || setweight(to_tsvector('spanish'::regconfig, search_text), 'B')`,
      ),
    local: boolean('local').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    verifiedBy: uuid('verified_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index('resource_services_search').using('gin', t.search),
    index('resource_services_categories').using('gin', t.categories),
    index('resource_services_languages').using('gin', t.languages),
    index('resource_services_org_name').on(t.organizationId, t.name),
  ],
);

const serviceRef = (t: { organizationId: any; serviceId: any }, name: string) =>
  foreignKey({ name, columns: [t.organizationId, t.serviceId], foreignColumns: [resourceServices.organizationId, resourceServices.id] }).onDelete('cascade');

/** Where a service is offered, with coordinates for distance (a bounding box first, then haversine). */
export const resourceServicePlaces = pgTable(
  'resource_service_places',
  {
    organizationId: orgId(),
    serviceId: text('service_id').notNull(),
    locationId: text('location_id').notNull(),
    name: text('name'),
    address: text('address'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.serviceId, t.locationId] }),
    serviceRef(t, 'resource_service_places_service_fk'),
    index('resource_service_places_geo').on(t.organizationId, t.latitude, t.longitude),
  ],
);

/**
 * Opening hours as weekly intervals on a local clock (src/shared/resources/schedule.ts), so "open
 * now" is one indexed query: the local weekday and minute of the moment in each row's time zone.
 */
export const resourceOpenHours = pgTable(
  'resource_open_hours',
  {
    organizationId: orgId(),
    serviceId: text('service_id').notNull(),
    weekday: smallint('weekday').notNull(),
    opensMinute: smallint('opens_minute').notNull(),
    closesMinute: smallint('closes_minute').notNull(),
    nth: smallint('nth'),
    spill: boolean('spill').notNull().default(false),
    validFrom: date('valid_from'),
    validTo: date('valid_to'),
    /** IANA zone of the directory; used when the schedule gave no UTC offset. */
    timeZone: text('time_zone').notNull(),
    utcOffsetMinutes: smallint('utc_offset_minutes'),
  },
  (t) => [
    serviceRef(t, 'resource_open_hours_service_fk'),
    index('resource_open_hours_day').on(t.organizationId, t.weekday, t.opensMinute),
    // "Open now": the rows on the directory's clock by weekday and opening minute, the rows on any other clock by zone, those at a fixed offset apart.
    index('resource_open_hours_zone').on(t.organizationId, t.timeZone, t.weekday, t.opensMinute),
    index('resource_open_hours_offset').on(t.organizationId, t.weekday).where(sql`${t.utcOffsetMinutes} is not null`),
    index('resource_open_hours_service').on(t.organizationId, t.serviceId),
  ],
);

/** What peer workers know and share inside the organization ("bring two IDs"). Never exported or published. */
export const resourceTips = pgTable(
  'resource_tips',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    serviceId: text('service_id').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [serviceRef(t, 'resource_tips_service_fk'), index('resource_tips_service').on(t.organizationId, t.serviceId, t.createdAt)],
);

/** Named points to search from (a program's office); phones can also search from where they are. */
export const resourceSearchPlaces = pgTable(
  'resource_search_places',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    programId: uuid('program_id').references(() => programs.id),
    name: text('name').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('resource_search_places_org').on(t.organizationId)],
);

/** Each import's report, for the admin screen. */
export const resourceImports = pgTable(
  'resource_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    format: text('format').notNull(),
    source: text('source').notNull(),
    imported: integer('imported').notNull(),
    updated: integer('updated').notNull(),
    unchanged: integer('unchanged').notNull(),
    rejected: integer('rejected').notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('resource_imports_org').on(t.organizationId, t.createdAt)],
);
