import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  importHistorySchema,
  importReportSchema,
  importRequestSchema,
  localResourceSchema,
  newSearchPlaceSchema,
  newTipSchema,
  resourceSearchQuerySchema,
  resourceSearchResultSchema,
  resourceTipSchema,
  searchPlaceListSchema,
  searchPlaceSchema,
  serviceDetailSchema,
  serviceParams,
} from '../../../shared/schemas/resources.js';
import { recordAudit } from '../../platform/audit.js';
import { authed } from '../../platform/http.js';
import { typed, withErrors } from '../../platform/routes.js';
import { addTip } from './add-tip.js';
import { exportHsds } from './export-hsds.js';
import { getServiceDetail } from './get-service.js';
import { hsdsApiRoutes } from './hsds-routes.js';
import { listImports } from './list-imports.js';
import { importHsdsPackage } from './import-hsds.js';
import { readFiles } from './hsds/read-package.js';
import { DIRECTORY_EDITORS, directoryOf } from './resource-access.js';
import { createLocalResource, updateLocalResource } from './save-local-resource.js';
import { addSearchPlace, listSearchPlaces, resolveOrigin } from './search-places.js';
import { searchServices } from './search-services.js';
import { verifyService } from './verify-service.js';

const tags = ['resources'];

export async function resourceRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);
  await app.register(hsdsApiRoutes);

  r.get('/api/resources/search', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Search the directory: text (English and Spanish), category, distance from a point or place, open now, language, free of charge',
      querystring: resourceSearchQuerySchema,
      response: withErrors({ 200: resourceSearchResultSchema }),
    },
    handler: async (req) => {
      const ctx = authed(req);
      const origin = await resolveOrigin(ctx, req.query);
      return searchServices(directoryOf(ctx), req.query, origin, req.query.at ? new Date(req.query.at) : new Date());
    },
  });

  r.get('/api/resources/services/:id', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'A service with its hours, places, tips from the organization and what the actor may do', params: serviceParams, response: withErrors({ 200: serviceDetailSchema }) },
    handler: (req) => getServiceDetail(authed(req), req.params.id),
  });

  r.post('/api/resources/services', {
    config: { access: DIRECTORY_EDITORS },
    schema: { tags, summary: 'Add a local resource (stored as HSDS records)', body: localResourceSchema, response: withErrors({ 201: serviceDetailSchema }) },
    handler: async (req, reply) => reply.status(201).send(await createLocalResource(authed(req), req.body)),
  });

  r.put('/api/resources/services/:id', {
    config: { access: DIRECTORY_EDITORS },
    schema: { tags, summary: 'Update a local resource (imported ones are corrected at their source)', params: serviceParams, body: localResourceSchema, response: withErrors({ 200: serviceDetailSchema }) },
    handler: (req) => updateLocalResource(authed(req), req.params.id, req.body),
  });

  r.post('/api/resources/services/:id/verify', {
    config: { access: DIRECTORY_EDITORS },
    schema: { tags, summary: 'Mark a service checked today (clears the six-month flag)', params: serviceParams, response: withErrors({ 200: serviceDetailSchema }) },
    handler: (req) => verifyService(authed(req), req.params.id),
  });

  r.post('/api/resources/services/:id/tips', {
    config: { access: DIRECTORY_EDITORS },
    schema: { tags, summary: 'Share a tip about a service with the organization (never exported)', params: serviceParams, body: newTipSchema, response: withErrors({ 201: resourceTipSchema }) },
    handler: async (req, reply) => reply.status(201).send(await addTip(authed(req), req.params.id, req.body.body)),
  });

  r.get('/api/resources/places', {
    config: { access: 'signed_in' },
    schema: { tags, summary: "The organization's named places to search from", response: withErrors({ 200: searchPlaceListSchema }) },
    handler: async (req) => ({ places: await listSearchPlaces(authed(req)) }),
  });

  r.post('/api/resources/places', {
    config: { access: ['org_admin', 'supervisor'] },
    schema: { tags, summary: 'Add a named place to search from', body: newSearchPlaceSchema, response: withErrors({ 201: searchPlaceSchema }) },
    handler: async (req, reply) => reply.status(201).send(await addSearchPlace(authed(req), req.body)),
  });

  r.post('/api/resources/import', {
    config: { access: ['org_admin'] },
    // Directories run to megabytes; this route alone takes up to 25 MB.
    bodyLimit: 25 * 1024 * 1024,
    schema: {
      tags,
      summary: 'Import an HSDS data package: CSV files (with datapackage.json) or HSDS JSON documents; idempotent by id, with a report',
      body: importRequestSchema,
      response: withErrors({ 200: importReportSchema }),
    },
    handler: async (req) => {
      const ctx = authed(req);
      const pkg = readFiles(req.body.files);
      const source = req.body.files.map((f) => f.name).join(', ').slice(0, 200);
      return importHsdsPackage(ctx, pkg, { organizationId: ctx.actor.organizationId, source, dryRun: req.body.dryRun });
    },
  });

  r.get('/api/resources/imports', {
    config: { access: ['org_admin'] },
    schema: { tags, summary: 'Recent imports and their counts', response: withErrors({ 200: importHistorySchema }) },
    handler: async (req) => ({ imports: await listImports(authed(req)) }),
  });

  r.get('/api/resources/export', {
    config: { access: DIRECTORY_EDITORS },
    schema: {
      tags,
      summary: 'The whole directory as HSDS JSON (tabular shape: one key per HSDS CSV file); tips are not included',
      response: withErrors({ 200: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))) }),
    },
    handler: async (req, reply) => {
      const ctx = authed(req);
      const data = await exportHsds(directoryOf(ctx));
      await recordAudit(ctx, { action: 'resources.export', resourceType: 'resource_directory', details: { records: Object.values(data).reduce((n, rows) => n + rows.length, 0) } });
      return reply.header('content-disposition', 'attachment; filename="hsds-directory.json"').send(data);
    },
  });
}
