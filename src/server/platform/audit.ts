import { sql, type ColumnsSelection, type SQL } from 'drizzle-orm';
import type { TypedQueryBuilder } from 'drizzle-orm/query-builders/query-builder';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import { auditEvents } from '../db/schema/index.js';
import type { Db } from '../db/client.js';
import { preparedStatement } from '../db/prepared.js';
import type { Membership } from '../../shared/schemas/tenancy.js';
import type { RequestContext } from './context.js';

/** Every kind of event the trail knows. New features add their actions here. */
export type AuditAction =
  | 'participant.read'
  | 'participant.list'
  | 'participant.create'
  | 'participant.update'
  | 'participant.assign'
  | 'participant.discharge'
  | 'participant.self_sign_up'
  | 'checkin.create'
  | 'checkin.read'
  | 'milestone.read'
  | 'milestone.create'
  | 'milestone.celebrate'
  | 'recovery_start.set'
  | 'reminder.read'
  | 'reminder.update'
  | 'goal.read'
  | 'goal.create'
  | 'goal.update'
  | 'goal_step.create'
  | 'goal_step.update'
  | 'coping_plan.read'
  | 'coping_plan.update'
  | 'craving.read'
  | 'craving.create'
  | 'craving.update'
  | 'journal.read'
  | 'journal.create'
  | 'journal.update'
  | 'journal.share'
  | 'journal.reencrypt'
  | 'safety_plan.read'
  | 'safety_plan.update'
  | 'assessment.read'
  | 'assessment.create'
  | 'alert.raise'
  | 'alert.read'
  | 'alert.acknowledge'
  | 'alert.resolve'
  | 'audit.read'
  | 'auth.sign_in'
  | 'auth.sign_in_failed'
  | 'auth.sign_out'
  | 'auth.password_reset_requested'
  | 'auth.password_reset'
  | 'invitation.create'
  | 'invitation.accept'
  | 'user.create'
  | 'user.role_change'
  | 'participant.export'
  | 'participant.erase'
  | 'program.create'
  | 'program.update'
  | 'instruments.import'
  | 'peer_profile.read'
  | 'peer_profile.update'
  | 'match.read'
  | 'match.preferences_update'
  | 'match.batch_assign'
  | 'caseload.read'
  | 'flag_rules.read'
  | 'flag_rules.update'
  | 'contact_note.read'
  | 'contact_note.create'
  | 'contact_note.update'
  | 'contact_note.history'
  | 'contact_note.cosign'
  | 'contact_note.cosign_return'
  | 'billing.export'
  | 'workforce_settings.update'
  | 'team.read'
  | 'supervision.create'
  | 'supervision.read'
  | 'supervision.update'
  | 'wellbeing.create'
  | 'wellbeing.share'
  | 'wellbeing.read'
  | 'incident.create'
  | 'incident.read'
  | 'incident.update'
  | 'training.create'
  | 'training.read'
  | 'certification.create'
  | 'onboarding.update'
  | 'appointment.read'
  | 'appointment.create'
  | 'appointment.update'
  | 'calendar_feed.create'
  | 'calendar_feed.revoke'
  | 'calendar_feed.read'
  | 'task.create'
  | 'task.update'
  | 'message.read'
  | 'message.send'
  | 'thread.join'
  | 'thread.leave'
  | 'alert.escalate'
  | 'resources.import'
  | 'resources.export'
  | 'resource.create'
  | 'resource.update'
  | 'resource.verify'
  | 'resource_tip.create'
  | 'resource_place.create'
  | 'referral.read'
  | 'referral.create'
  | 'referral.update'
  | 'referral.status_change'
  | 'referral.report_visit'
  | 'consent.prepare'
  | 'consent.sign'
  | 'consent.sign_refused'
  | 'consent.revoke'
  | 'consent.read'
  | 'consent.accounting'
  | 'consent.care_message'
  | 'legal_representative.record'
  | 'legal_representative.end'
  | 'clinician_view.read'
  | 'fhir.export'
  | 'fhir.import'
  | 'integration_client.create'
  | 'integration_client.revoke'
  | 'integration.denied'
  | 'meetings.import'
  | 'meeting.save'
  | 'meeting_attendance.create'
  | 'group.create'
  | 'group.update'
  | 'group_session.update'
  | 'group_enrolment.create'
  | 'group_enrolment.withdraw'
  | 'group_rsvp.update'
  | 'group_attendance.record'
  | 'group_attendance.read'
  | 'report.read'
  | 'report.export'
  | 'report.extract'
  | 'community.join'
  | 'community.profile_update'
  | 'community.leave'
  | 'community.space_create'
  | 'community.space_update'
  | 'community.post_create'
  | 'community.react'
  | 'community.report'
  | 'community.block'
  | 'community.moderate'
  | 'community.queue_read'
  | 'community.appeal'
  | 'community.appeal_decide'
  | 'community.rules_update'
  | 'community.story_submit'
  | 'community.room_create'
  | 'community.room_join'
  | 'community.room_control';

export interface AuditEventInput {
  action: AuditAction;
  outcome?: 'allowed' | 'denied';
  participantId?: string | null;
  resourceType?: string;
  resourceId?: string | null;
  details?: Record<string, unknown>;
  /** For events before a session exists (failed sign-in), the account concerned. */
  actorUserId?: string | null;
  organizationId?: string | null;
}

/** What an event needs to know about its context; a command-line task without a request has this much too. */
export type AuditContext = Pick<RequestContext, 'actor' | 'requestId' | 'ip' | 'db'>;

// A session's memberships are read once and shared by its requests (the session cache), so their
// sorted roles are worked out once per list.
const sortedRoles = new WeakMap<readonly Membership[], string>();
function rolesOf(memberships: readonly Membership[]): string {
  let roles = sortedRoles.get(memberships);
  if (roles === undefined) sortedRoles.set(memberships, (roles = [...new Set(memberships.map((m) => m.role))].sort().join(',')));
  return roles;
}

function toRow(ctx: AuditContext, e: AuditEventInput) {
  const actor = ctx.actor;
  return {
    organizationId: e.organizationId ?? actor?.organizationId ?? null,
    actorUserId: e.actorUserId ?? actor?.userId ?? null,
    actorRole: actor ? rolesOf(actor.memberships) : null,
    action: e.action,
    participantId: e.participantId ?? null,
    resourceType: e.resourceType ?? null,
    resourceId: e.resourceId ?? null,
    outcome: e.outcome ?? 'allowed',
    ip: ctx.ip,
    requestId: ctx.requestId,
    details: e.details ?? {},
  } as const;
}

/**
 * Appends events through ctx.db: inside a transaction they commit or roll back with the change they
 * record. No chain head is touched here; the sealer links committed rows later.
 */
export async function recordAudit(ctx: AuditContext, ...events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  if (events.length === 1) {
    await oneEventInsert(ctx.db).execute(eventParams(ctx, events[0]!));
    return;
  }
  if (events.length <= FEW_EVENTS) {
    await ctx.db.insert(auditEvents).values(events.map((e) => toRow(ctx, e)));
    return;
  }
  // A list read leaves one event per person listed: sent as one JSON parameter rather than a dozen
  // parameters per event, which costs far less to build and to parse for a caseload of forty.
  await ctx.db.execute(auditInsertSql(ctx, events));
}

/**
 * The insert of these events as one SQL statement with a single JSON parameter; also usable as a
 * data-modifying CTE inside a larger statement, with `onlyIf` (a SQL condition) deciding whether the
 * events are written at all, e.g. only when the row they record was inserted.
 */
export function auditInsertSql(ctx: AuditContext, events: readonly AuditEventInput[], onlyIf?: SQL): SQL {
  const rows = events.map((e) => columnValues(ctx, e));
  return sql`insert into ${auditEvents}
    (organization_id, actor_user_id, actor_role, action, participant_id, resource_type, resource_id, outcome, ip, request_id, details)
    select e.organization_id, e.actor_user_id, e.actor_role, e.action, e.participant_id, e.resource_type, e.resource_id,
           e.outcome::audit_outcome, e.ip, e.request_id, e.details
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as e(
      organization_id uuid, actor_user_id uuid, actor_role text, action text, participant_id uuid, resource_type text,
      resource_id text, outcome text, ip text, request_id text, details jsonb)
    ${onlyIf ? sql`where ${onlyIf}` : sql``}`;
}

/** One event's values by column name: the JSON rows of `auditInsertSql` and the values of the prepared statements. */
function columnValues(ctx: AuditContext, e: AuditEventInput, naming: 'column' | 'param' = 'column'): Record<string, unknown> {
  const r = toRow(ctx, e);
  const values: Record<string, unknown> = {};
  for (const c of eventColumns) values[c[naming]] = r[c.key];
  return values;
}

/** One event's columns as placeholders named audit_<column>, for statements built and prepared once (`eventParams` fills them). */
const eventKeys = ['organizationId', 'actorUserId', 'actorRole', 'action', 'participantId', 'resourceType', 'resourceId', 'outcome', 'ip', 'requestId', 'details'] as const satisfies ReadonlyArray<keyof ReturnType<typeof toRow>>;
const eventColumns = eventKeys.map((key) => ({ key, column: auditEvents[key].name, param: `audit_${auditEvents[key].name}` }));
const eventPlaceholders = Object.fromEntries(eventColumns.map((c) => [c.key, sql.placeholder(c.param)])) as Record<(typeof eventKeys)[number], ReturnType<typeof sql.placeholder>>;

function eventParams(ctx: AuditContext, e: AuditEventInput): Record<string, unknown> {
  return columnValues(ctx, e, 'param');
}

const oneEventInsert = preparedStatement('peerpath_audit_event', (db, name) => db.insert(auditEvents).values(eventPlaceholders).prepare(name));

/** Up to this many events go in as plain rows. */
const FEW_EVENTS = 2;

/**
 * Runs a data-modifying statement (an insert, update or delete with `returning`) and appends the
 * events that record it in one statement: two data-modifying CTEs commit together or not at all, so
 * a single write needs no BEGIN and COMMIT round trips. The events cannot read the written rows: ids
 * the events name are made by the caller beforehand.
 */
export async function writeAudited<TSelection extends ColumnsSelection>(
  ctx: AuditContext,
  write: TypedQueryBuilder<TSelection>,
  ...events: AuditEventInput[]
): Promise<Array<SelectResultFields<TSelection>>> {
  const written = ctx.db.$with('written').as(write);
  const audited = ctx.db.$with('audited').as(ctx.db.insert(auditEvents).values(events.map((e) => toRow(ctx, e))).returning({ id: auditEvents.id }));
  // Drizzle cannot prove a generic selection non-empty; the rows are the write's `returning` fields.
  const rows = await ctx.db.with(written, audited).select().from(written as never);
  return rows as Array<SelectResultFields<TSelection>>;
}

/**
 * A read built and prepared once per database that records its audit event in its own statement:
 * `read` builds the select from a query that carries the event's insert as a data-modifying CTE
 * (PostgreSQL runs it whether or not the select refers to it), with `sql.placeholder` for its
 * values. So an audited read is one round trip, and the event is written if and only if the read ran.
 */
export function preparedAuditedRead<P extends { execute(values?: Record<string, unknown>): Promise<unknown> }>(
  name: string,
  read: (q: ReturnType<Db['with']>) => { prepare(name: string): P },
) {
  const statement = preparedStatement(name, (db) =>
    read(db.with(db.$with('audited').as(db.insert(auditEvents).values(eventPlaceholders).returning({ id: auditEvents.id })))).prepare(name),
  );
  return (ctx: AuditContext, values: Record<string, unknown>, event: AuditEventInput): ReturnType<P['execute']> =>
    statement(ctx.db).execute({ ...values, ...eventParams(ctx, event) }) as ReturnType<P['execute']>;
}

/**
 * `writeAudited` for a hot path, built and prepared once per database: `write` builds the statement
 * with `sql.placeholder` for its values, and each call passes them with the one event to record.
 */
export function preparedAuditedWrite<TSelection extends ColumnsSelection>(name: string, write: (db: Db) => TypedQueryBuilder<TSelection>) {
  const statement = preparedStatement(name, (db) => {
    const written = db.$with('written').as(write(db));
    const audited = db.$with('audited').as(db.insert(auditEvents).values(eventPlaceholders).returning({ id: auditEvents.id }));
    return db.with(written, audited).select().from(written as never).prepare(name);
  });
  return async (ctx: AuditContext, values: Record<string, unknown>, event: AuditEventInput): Promise<Array<SelectResultFields<TSelection>>> => {
    const rows = await statement(ctx.db).execute({ ...values, ...eventParams(ctx, event) });
    return rows as Array<SelectResultFields<TSelection>>;
  };
}
