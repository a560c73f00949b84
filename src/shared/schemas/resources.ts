import { z } from 'zod';
import { resourceCategories } from '../resources/categories.js';
import { phoneNumberSchema, uuidSchema } from './tenancy.js';

export const resourceCategorySchema = z.enum(resourceCategories);

/** Entries nobody has checked for this long are flagged for a peer worker to call and confirm. */
export const STALE_AFTER_MONTHS = 6;

const queryBoolean = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const latitude = z.coerce.number().min(-90).max(90);
const longitude = z.coerce.number().min(-180).max(180);
const languageCode = z.string().trim().toLowerCase().regex(/^[a-z]{2,3}$/, 'use a language code such as en or es');

export const resourceSearchQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    category: resourceCategorySchema.optional(),
    /** A point to measure distance from; or placeId, one of the organization's named places. */
    lat: latitude.optional(),
    lon: longitude.optional(),
    placeId: uuidSchema.optional(),
    radiusKm: z.coerce.number().positive().max(500).default(10),
    openNow: queryBoolean.optional(),
    /** The moment "open" is asked about; now when absent. */
    at: z.iso.datetime({ offset: true }).optional(),
    language: languageCode.optional(),
    free: queryBoolean.optional(),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    size: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((v) => (v.lat === undefined) === (v.lon === undefined), { message: 'give both lat and lon', path: ['lon'] })
  .refine((v) => !(v.placeId && v.lat !== undefined), { message: 'give a place or a point, not both', path: ['placeId'] });
export type ResourceSearchQuery = z.output<typeof resourceSearchQuerySchema>;

const place = z.object({ name: z.string().nullable(), address: z.string().nullable() });

export const serviceSummarySchema = z.object({
  id: uuidSchema,
  name: z.string(),
  providerName: z.string().nullable(),
  description: z.string().nullable(),
  status: z.string(),
  categories: z.array(resourceCategorySchema),
  languages: z.array(z.string()),
  free: z.boolean(),
  distanceKm: z.number().nullable(),
  place: place.nullable(),
  /** null when no schedule could be read as opening hours. */
  openNow: z.boolean().nullable(),
  verifiedOn: z.iso.date().nullable(),
  needsCheck: z.boolean(),
  local: z.boolean(),
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

export const resourceSearchResultSchema = z.object({
  items: z.array(serviceSummarySchema),
  total: z.number().int(),
  /** More matched than `total` (the count stops at 1,000). */
  totalCapped: z.boolean(),
  page: z.number().int(),
  size: z.number().int(),
  origin: z.object({ latitude: z.number(), longitude: z.number(), name: z.string().nullable() }).nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type ResourceSearchResult = z.infer<typeof resourceSearchResultSchema>;

const person = z.object({ id: uuidSchema, displayName: z.string() });

export const resourceTipSchema = z.object({ id: uuidSchema, body: z.string(), author: person, createdAt: z.iso.datetime({ offset: true }) });
export type ResourceTip = z.infer<typeof resourceTipSchema>;

export const weeklyHoursSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  opens: z.string(),
  closes: z.string(),
  /** MONTHLY: the nth such weekday (1…5, -1 = last); null every week. */
  nth: z.number().int().nullable(),
  /** Written at a fixed UTC offset (minutes) rather than on the directory's clock. */
  utcOffsetMinutes: z.number().int().nullable(),
});

export const serviceDetailSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  alternateName: z.string().nullable(),
  providerName: z.string().nullable(),
  description: z.string().nullable(),
  status: z.string(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  categories: z.array(resourceCategorySchema),
  languages: z.array(z.object({ code: z.string().nullable(), name: z.string().nullable() })),
  free: z.boolean(),
  feesDescription: z.string().nullable(),
  costOptions: z.array(z.object({ option: z.string().nullable(), amount: z.number().nullable(), currency: z.string().nullable() })),
  eligibility: z.string().nullable(),
  minimumAge: z.number().nullable(),
  maximumAge: z.number().nullable(),
  applicationProcess: z.string().nullable(),
  interpretationServices: z.string().nullable(),
  requiredDocuments: z.array(z.string()),
  phones: z.array(z.object({ number: z.string(), extension: z.number().nullable(), type: z.string().nullable(), description: z.string().nullable() })),
  places: z.array(
    z.object({
      locationId: z.string(),
      name: z.string().nullable(),
      address: z.string().nullable(),
      latitude: z.number().nullable(),
      longitude: z.number().nullable(),
      transportation: z.string().nullable(),
    }),
  ),
  hours: z.object({
    timeZone: z.string(),
    known: z.boolean(),
    openNow: z.boolean().nullable(),
    /** When it next closes (open) or opens (closed), within a week. */
    nextChangeAt: z.iso.datetime({ offset: true }).nullable(),
    weekly: z.array(weeklyHoursSchema),
    /** The schedules' own words, including any this reading could not turn into hours. */
    notes: z.array(z.string()),
  }),
  verifiedOn: z.iso.date().nullable(),
  needsCheck: z.boolean(),
  local: z.boolean(),
  tips: z.array(resourceTipSchema),
  can: z.object({ edit: z.boolean(), verify: z.boolean(), addTip: z.boolean(), refer: z.boolean() }),
  /** A local resource as its edit form holds it (null for imported ones, which are edited at their source). */
  get editable() {
    return localResourceSchema.nullable();
  },
});
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM, for example 09:00');
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** A resource a peer worker adds: stored as HSDS records (organization, service, location, schedules…). */
export const localResourceSchema = z
  .object({
    name: z.string().trim().min(2).max(200),
    providerName: optionalText(200),
    description: optionalText(4000),
    categories: z.array(resourceCategorySchema).min(1).max(resourceCategories.length),
    phone: phoneNumberSchema.optional(),
    email: z.email().optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    address: z
      .object({
        street: z.string().trim().min(1).max(200),
        city: z.string().trim().min(1).max(100),
        region: z.string().trim().min(1).max(100),
        postalCode: z.string().trim().min(1).max(20),
        country: z.string().trim().length(2).default('US'),
      })
      .optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    languages: z.array(languageCode).max(20).default([]),
    free: z.boolean().default(false),
    feesDescription: optionalText(1000),
    eligibility: optionalText(2000),
    applicationProcess: optionalText(2000),
    hours: z
      .array(z.object({ days: z.array(z.number().int().min(0).max(6)).min(1).max(7), opens: timeOfDay, closes: timeOfDay }))
      .max(14)
      .default([]),
  })
  .refine((v) => (v.latitude === undefined) === (v.longitude === undefined), { message: 'give both latitude and longitude', path: ['longitude'] });
export type LocalResource = z.output<typeof localResourceSchema>;
export type LocalResourceInput = z.input<typeof localResourceSchema>;

export const newTipSchema = z.object({ body: z.string().trim().min(2).max(1000) });

export const searchPlaceSchema = z.object({ id: uuidSchema, name: z.string(), latitude: z.number(), longitude: z.number(), programId: uuidSchema.nullable() });
export const searchPlaceListSchema = z.object({ places: z.array(searchPlaceSchema) });
export const newSearchPlaceSchema = z.object({
  name: z.string().trim().min(2).max(120),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  programId: uuidSchema.optional(),
});

/** Files as uploaded in the admin screen: CSV files (with datapackage.json) or JSON documents. */
export const importRequestSchema = z.object({
  files: z
    .array(z.object({ name: z.string().trim().min(1).max(200), text: z.string().max(20_000_000) }))
    .min(1)
    .max(40),
  dryRun: z.boolean().default(false),
});

export const importReportSchema = z.object({
  id: uuidSchema.nullable(),
  format: z.enum(['json', 'csv']),
  source: z.string(),
  dryRun: z.boolean(),
  imported: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  byTable: z.record(z.string(), z.object({ imported: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() })),
  rejected: z.array(z.object({ table: z.string(), id: z.string(), source: z.string(), reasons: z.array(z.string()) })),
  skipped: z.array(z.object({ source: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  /** Services whose search entry was rebuilt. */
  servicesIndexed: z.number().int(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const importHistorySchema = z.object({
  imports: z.array(
    z.object({
      id: uuidSchema,
      format: z.string(),
      source: z.string(),
      imported: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
      createdAt: z.iso.datetime({ offset: true }),
      by: z.string().nullable(),
    }),
  ),
});

export const serviceParams = z.object({ id: uuidSchema });
