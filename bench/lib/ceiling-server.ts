/**
 * The ceiling: the same SQL as our routes, behind a bare Fastify with a pg pool and none of our code
 * (no session, access policy, audit, validation or serialization schemas), each statement prepared
 * once per connection as ours are. Run as its own process:
 * prints `listening <url>` on stdout. DATABASE_URL names the database.
 *
 * Resource search, the meeting finder and the feed export build their SQL from many options, so
 * their ceiling calls our query function itself (the same SQL, to the statement) on a bare route:
 * the difference is still everything around the query (session, policy, audit, schemas).
 */
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import { openDatabase } from '../../src/server/db/client.js';
import { exportMeetingFeed } from '../../src/server/modules/meetings/export-feed.js';
import { findMeetings } from '../../src/server/modules/meetings/find-meetings.js';
import { searchServices } from '../../src/server/modules/resources/search-services.js';
import type { AuthedContext } from '../../src/server/platform/context.js';
import { meetingFinderQuerySchema } from '../../src/shared/schemas/meetings.js';
import { resourceSearchQuerySchema } from '../../src/shared/schemas/resources.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const app = Fastify({ logger: false });
// Named prepared statements, as our routes' statements are: each is parsed and planned once per connection.
const q = async (text: string, values: unknown[]) => (await pool.query({ name: `ceiling_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`, text, values })).rows;

app.post<{ Params: { id: string }; Body: { mood: number; craving: number; usedSinceLast: string; triggers: string[]; private: boolean } }>(
  '/ceiling/participants/:id/check-ins',
  async (req, reply) => {
    const b = req.body;
    const [org] = await q('select organization_id from participants where id = $1', [req.params.id]);
    const [row] = await q(
      `insert into check_ins (organization_id, participant_id, mood, craving, used_since_last, triggers, private)
       values ($1, $2, $3, $4, $5, $6, $7) returning *`,
      [org.organization_id, req.params.id, b.mood, b.craving, b.usedSinceLast, b.triggers, b.private],
    );
    return reply.status(201).send(row);
  },
);

const RECORD = `select p.id, p.preferred_name, p.pronouns, p.status, p.program_id, pr.name as program_name, p.enrolled_at, p.user_id,
            a.peer_worker_id, u.display_name as peer_worker_name
     from participants p join programs pr on pr.id = p.program_id
     left join peer_assignments a on a.participant_id = p.id and a.ended_at is null
     left join users u on u.id = a.peer_worker_id where p.id = $1 limit 1`;
const LATEST_CHECK_INS = 'select * from check_ins where participant_id = $1 order by created_at desc, id desc limit 21';

/**
 * Not the ceiling, a second one beside it: the same read with an audit event written in the
 * same statement, as ours writes one for every read. What is left between it and ours is our code.
 */
const withAuditEvent = (read: string, action: string, resourceType: string) =>
  `with audited as (
     insert into audit_events (organization_id, actor_user_id, actor_role, action, participant_id, resource_type, resource_id, outcome, request_id, details)
     select organization_id, user_id, 'participant', '${action}', id, '${resourceType}', id::text, 'allowed', 'ceiling', '{"as":["self"]}'::jsonb
     from participants where id = $1 returning id)
   ${read}`;

app.get<{ Params: { id: string } }>('/ceiling/participants/:id', async (req) => (await q(RECORD, [req.params.id]))[0]);
app.get<{ Params: { id: string } }>('/ceiling/participants/:id/check-ins', async (req) => ({ checkIns: await q(LATEST_CHECK_INS, [req.params.id]) }));
app.get<{ Params: { id: string } }>('/ceiling/audited/participants/:id', async (req) =>
  (await q(withAuditEvent(RECORD, 'participant.read', 'profile'), [req.params.id]))[0],
);
app.get<{ Params: { id: string } }>('/ceiling/audited/participants/:id/check-ins', async (req) => ({
  checkIns: await q(withAuditEvent(LATEST_CHECK_INS, 'checkin.read', 'checkins'), [req.params.id]),
}));

app.get<{ Querystring: { peerWorkerId: string } }>('/ceiling/caseload', async (req) => {
  const people = await q(
    `select p.id, p.preferred_name, p.pronouns, p.program_id, pr.name as program_name, pr.time_zone, p.setting, p.status, a.started_at
     from participants p
     join peer_assignments a on a.participant_id = p.id and a.peer_worker_id = $1 and a.ended_at is null
     join programs pr on pr.id = p.program_id
     where p.status = 'active' or p.continued_support limit 500`,
    [req.query.peerWorkerId],
  );
  const ids = people.map((p) => p.id);
  const programs = [...new Set(people.map((p) => p.program_id))];
  const [rules, checkIns, contacts, alerts, steps, targets, starts, customs, trend] = await Promise.all([
    q('select * from program_flag_rules where program_id = any($1)', [programs]),
    q(`select * from (select participant_id, created_at, craving, row_number() over (partition by participant_id order by created_at desc) rn
       from check_ins where participant_id = any($1) and private = false) r where rn <= 60 order by created_at desc`, [ids]),
    q('select participant_id, max(occurred_at) from contact_notes where participant_id = any($1) group by participant_id', [ids]),
    q(`select participant_id, id, kind, severity, status, created_at, escalated_at from alerts where participant_id = any($1) and status <> 'resolved' order by created_at desc`, [ids]),
    q(`select g.participant_id, g.id, g.title, s.title, s.due_date from goal_steps s join goals g on g.id = s.goal_id
       where g.participant_id = any($1) and g.status = 'active' and s.completed_at is null and s.due_date <= current_date + 14`, [ids]),
    q(`select participant_id, id, title, target_date from goals where participant_id = any($1) and status = 'active' and target_date <= current_date + 14`, [ids]),
    q(`select distinct on (r.participant_id) r.participant_id, r.start_date, p.counts_days from recovery_starts r join participants p on p.id = r.participant_id
       where r.participant_id = any($1) order by r.participant_id, r.created_at desc, r.id desc`, [ids]),
    q('select participant_id, label, date from custom_milestones where participant_id = any($1) and date > current_date order by date', [ids]),
    q(`select participant_id, (created_at at time zone $2)::date as day, avg(mood), avg(craving) from check_ins
       where participant_id = any($1) and private = false and created_at >= now() - interval '14 days' group by 1, 2`, [ids, people[0]?.time_zone ?? 'UTC']),
  ]);
  return { people, rules, checkIns: checkIns.length, contacts, alerts, steps, targets, starts, customs, trend };
});

const database = await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL!, poolSize: 20 });
const db = database.db;

app.get<{ Querystring: Record<string, string> & { organizationId: string } }>('/ceiling/resources/search', async (req) => {
  const q = resourceSearchQuerySchema.parse(req.query);
  const origin = q.lat !== undefined && q.lon !== undefined ? { latitude: q.lat, longitude: q.lon, name: null } : null;
  return searchServices({ db, organizationId: req.query.organizationId }, q, origin, new Date());
});

app.get<{ Querystring: Record<string, string> & { organizationId: string; userId: string } }>('/ceiling/meetings', async (req) => {
  const ctx = { actor: { userId: req.query.userId, organizationId: req.query.organizationId, memberships: [] }, requestId: 'ceiling', ip: null, db } as unknown as AuthedContext;
  const { organizationId: _o, userId: _u, ...query } = req.query;
  return findMeetings(ctx, meetingFinderQuerySchema.parse(query));
});

app.get<{ Params: { orgSlug: string } }>('/ceiling/feeds/:orgSlug/meetings.json', async (req, reply) => {
  const feed = await exportMeetingFeed(db, req.params.orgSlug);
  return reply.type('application/json; charset=utf-8').send(feed?.body ?? '[]');
});

const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`listening ${address}\n`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => pool.end()).then(() => database.close()).then(() => process.exit(0)));
