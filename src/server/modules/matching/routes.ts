import type { FastifyInstance } from 'fastify';
import {
  assignmentHistorySchema,
  matchListSchema,
  matchPreferencesSchema,
  peerWorkerListQuery,
  peerWorkerListSchema,
  peerWorkerProfileSchema,
  updateMatchPreferencesSchema,
  updatePeerProfileSchema,
} from '../../../shared/schemas/matching.js';
import { authed } from '../../platform/http.js';
import { idParams, typed, withErrors } from '../../platform/routes.js';
import { getAssignmentHistory } from './assignment-history.js';
import { getMatchPreferences } from './get-match-preferences.js';
import { getPeerProfile } from './get-peer-profile.js';
import { listPeerWorkers } from './list-peer-workers.js';
import { suggestMatches } from './suggest-matches.js';
import { updateMatchPreferences } from './update-match-preferences.js';
import { updatePeerProfile } from './update-peer-profile.js';

const tags = ['matching'];

// Who may see what is decided per peer worker (peer-profile-access.ts) and per participant (the
// access policy), so most routes are open to any signed-in user and the use case asks.
export async function matchingRoutes(app: FastifyInstance): Promise<void> {
  const r = typed(app);

  r.get('/api/peer-workers', {
    config: { access: ['supervisor', 'org_admin'] },
    schema: {
      tags,
      summary: 'Peer workers of the programs I supervise, with their profile, caseload and places left',
      querystring: peerWorkerListQuery,
      response: withErrors({ 200: peerWorkerListSchema }),
    },
    handler: async (req) => ({ peerWorkers: await listPeerWorkers(authed(req), req.query) }),
  });

  r.get('/api/peer-workers/:id/profile', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: "A peer worker's profile for matching: all of it for them and their supervisor, what matching shows for colleagues and their participant",
      params: idParams,
      response: withErrors({ 200: peerWorkerProfileSchema }),
    },
    handler: (req) => getPeerProfile(authed(req), req.params.id),
  });

  r.put('/api/peer-workers/:id/profile', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Change the fields sent: the peer worker any; their supervisor or an org admin capacity and settings',
      params: idParams,
      body: updatePeerProfileSchema,
      response: withErrors({ 200: peerWorkerProfileSchema }),
    },
    handler: (req) => updatePeerProfile(authed(req), req.params.id, req.body),
  });

  r.get('/api/participants/:id/match-preferences', {
    config: { access: 'signed_in' },
    schema: { tags, summary: 'What the participant looks for in a peer worker', params: idParams, response: withErrors({ 200: matchPreferencesSchema }) },
    handler: (req) => getMatchPreferences(authed(req), req.params.id),
  });

  r.put('/api/participants/:id/match-preferences', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Set what the participant looks for (the participant, or their supervisor); only what is sent changes',
      params: idParams,
      body: updateMatchPreferencesSchema,
      response: withErrors({ 200: matchPreferencesSchema }),
    },
    handler: (req) => updateMatchPreferences(authed(req), req.params.id, req.body),
  });

  r.get('/api/participants/:id/matches', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Peer workers of the participant’s program ranked for them, with reasons; those ruled out listed apart with why',
      params: idParams,
      response: withErrors({ 200: matchListSchema }),
    },
    handler: (req) => suggestMatches(authed(req), req.params.id),
  });

  r.get('/api/participants/:id/peer-assignments', {
    config: { access: 'signed_in' },
    schema: {
      tags,
      summary: 'Every peer worker assignment of the participant, current first, with who decided and why',
      params: idParams,
      response: withErrors({ 200: assignmentHistorySchema }),
    },
    handler: (req) => getAssignmentHistory(authed(req), req.params.id),
  });
}
