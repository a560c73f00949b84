import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { slugSchema } from '../../../shared/schemas/tenancy.js';
import { typed, withErrors } from '../../platform/routes.js';
import { directoryBySlug, getRecord, listRecords } from './hsds-api.js';

const tags = ['hsds'];
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
  search: z.string().trim().min(1).max(200).optional(),
  full: flag.optional(),
  minimal: flag.optional(),
  full_service: flag.optional(),
  taxonomy_term_id: z.string().max(100).optional(),
  taxonomy_id: z.string().max(100).optional(),
  organization_id: z.string().max(100).optional(),
  parent_id: z.string().max(100).optional(),
  top_only: flag.optional(),
  modified_after: z.iso.datetime({ offset: true }).optional(),
});
const pageSchema = z.object({
  total_items: z.number().int(),
  total_pages: z.number().int(),
  page_number: z.number().int(),
  size: z.number().int(),
  first_page: z.boolean(),
  last_page: z.boolean(),
  empty: z.boolean(),
  contents: z.array(z.record(z.string(), z.unknown())),
});
const hsdsObject = z.record(z.string(), z.unknown());
const orgParams = z.object({ org: slugSchema });
const idParams = z.object({ org: slugSchema, id: z.string().min(1).max(100) });

// Public directory data: any site may read it (no cookies are involved), within a rate limit.
const publicRead = { access: 'public' as const, rateLimit: { max: 300, timeWindow: '1 minute' } };
const open = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');

/**
 * The HSDS 3 API for other directory tools: base URL /hsds/<organization slug>, the shape directory
 * tools expect, also served under /api/hsds/<organization slug> beside the rest of our API.
 */
export async function hsdsApiRoutes(app: FastifyInstance): Promise<void> {
  for (const base of ['/hsds', '/api/hsds']) hsdsApiAt(app, base);
}

function hsdsApiAt(app: FastifyInstance, base: string): void {
  const r = typed(app);

  r.get(`${base}/:org`, {
    config: publicRead,
    schema: {
      tags,
      summary: 'HSDS API root: the version and profile this directory speaks',
      params: orgParams,
      response: withErrors({ 200: z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }) }),
    },
    handler: async (req, reply) => {
      await directoryBySlug(req.ctx.db, req.params.org);
      open(reply);
      return { version: '3.1', profile: 'https://openreferral.org/hsds/', openapi_url: 'https://raw.githubusercontent.com/openreferral/specification/3.1/schema/openapi.json' };
    },
  });

  const lists: Array<[string, string, string]> = [
    ['services', 'service', 'Services, a page at a time (search, taxonomy_term_id, taxonomy_id, organization_id, modified_after, minimal, full)'],
    ['organizations', 'organization', 'Organizations, a page at a time (search, full, full_service, taxonomy_term_id, taxonomy_id)'],
    ['service_at_locations', 'service_at_location', 'Services at locations, a page at a time'],
    ['taxonomies', 'taxonomy', 'Taxonomies, a page at a time'],
    ['taxonomy_terms', 'taxonomy_term', 'Taxonomy terms, a page at a time (taxonomy_id, parent_id, top_only)'],
  ];
  for (const [path, table, summary] of lists) {
    r.get(`${base}/:org/${path}`, {
      config: publicRead,
      schema: { tags, summary, params: orgParams, querystring: pageQuery, response: withErrors({ 200: pageSchema }) },
      handler: async (req, reply) => {
        const dir = await directoryBySlug(req.ctx.db, req.params.org);
        open(reply);
        return listRecords(dir, table, req.query);
      },
    });
    r.get(`${base}/:org/${path}/:id`, {
      config: publicRead,
      schema: { tags, summary: `One ${table.replace(/_/g, ' ')}, fully nested`, params: idParams, querystring: z.object({ full_service: flag.optional() }), response: withErrors({ 200: hsdsObject }) },
      handler: async (req, reply) => {
        const dir = await directoryBySlug(req.ctx.db, req.params.org);
        open(reply);
        return getRecord(dir, table, req.params.id, { fullService: req.query.full_service });
      },
    });
  }
}
