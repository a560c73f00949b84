import type { FastifyInstance } from 'fastify';
import {
  assessmentHistorySchema,
  assessmentParams,
  assessmentResponseSchema,
  instrumentListSchema,
  recordAssessmentSchema,
  recordedAssessmentSchema,
} from '../../../shared/schemas/assessments.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { listInstruments } from './definitions.js';
import { assessmentHistory, getAssessment } from './read-assessments.js';
import { recordAssessment } from './record-assessment.js';

const tags = ['assessments'];

export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/instruments', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "The validated measures my organization offers, with every word in English and Spanish and the scoring as data",
      response: withErrors({ 200: instrumentListSchema }),
    },
    handler: async (req) => ({ instruments: await listInstruments(authed(req)) }),
  });

  r.post('/api/participants/:id/assessments', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Save answers to a measure (scored on the server; the participant for themself, or the assigned peer worker with them)',
      params: idParams,
      body: recordAssessmentSchema,
      response: withErrors({ 201: recordedAssessmentSchema }),
    },
    handler: async (req, reply) => reply.status(201).send(await recordAssessment(authed(req), req.params.id, req.body)),
  });

  r.get('/api/participants/:id/assessments', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "A participant's measures per instrument: scores, bands, flags and change from baseline",
      params: idParams,
      response: withErrors({ 200: assessmentHistorySchema }),
    },
    handler: (req) => assessmentHistory(authed(req), req.params.id),
  });

  r.get('/api/participants/:id/assessments/:responseId', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'One response with its answers', params: assessmentParams, response: withErrors({ 200: assessmentResponseSchema }) },
    handler: (req) => getAssessment(authed(req), req.params.id, req.params.responseId),
  });
}
