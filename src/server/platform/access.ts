import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { participants, peerAssignments } from '../db/schema/index.js';
import { dataCategories, type DataCategory } from '../../shared/schemas/participants.js';
import { AppError } from './errors.js';
import { recordAudit, type AuditAction } from './audit.js';
import { isOrgAdmin, programsWithRole, type Actor, type AuthedContext, type RequestContext } from './context.js';

/**
 * The one access policy for participant data.
 *
 * An actor's relationship to a participant decides what they may do; the relationships are SQL
 * expressions, so lists filter in the query itself and many ids are checked in one round trip.
 * Every expression is scoped to the actor's organization: nothing crosses organizations.
 */
export const relationships = ['self', 'assigned_peer', 'supervisor', 'org_admin', 'clinician_consent'] as const;
export type Relationship = (typeof relationships)[number];

export type { DataCategory };
export type Access = 'read' | 'write';

const R = ['read'] as const;
const RW = ['read', 'write'] as const;

/**
 * What each relationship may do with each category: one reviewed table, not scattered ifs.
 * Rows inside a category may narrow further by relationship: a private check-in or an unshared
 * journal entry is the participant's alone (see `seesOwnPrivate`).
 * An org admin runs the organization; they see the record and its trail, not its clinical content.
 * clinician_consent grants nothing until the consent module supplies the consented categories.
 */
const grants: Record<Relationship, Partial<Record<DataCategory, readonly Access[]>>> = {
  self: {
    profile: RW,
    assignment: R,
    checkins: RW,
    milestones: RW,
    goals: RW,
    coping: RW,
    journal: RW,
    safety_plan: RW,
    assessments: RW,
  },
  assigned_peer: {
    profile: RW,
    assignment: R,
    checkins: R,
    milestones: R,
    goals: RW,
    coping: R,
    journal: R,
    safety_plan: RW,
    assessments: RW,
    alerts: RW,
  },
  supervisor: {
    profile: RW,
    assignment: RW,
    checkins: R,
    milestones: R,
    goals: R,
    coping: R,
    safety_plan: R,
    assessments: R,
    alerts: RW,
  },
  org_admin: { profile: RW, assignment: RW, audit_trail: R },
  clinician_consent: {},
};

/** The per-category read/write map the API sends to the UI (`can.access`). */
export function accessMap(rels: readonly Relationship[]): Record<DataCategory, { read: boolean; write: boolean }> {
  return Object.fromEntries(
    dataCategories.map((c) => [c, { read: anyAllows(rels, c, 'read'), write: anyAllows(rels, c, 'write') }]),
  ) as Record<DataCategory, { read: boolean; write: boolean }>;
}

/** Private check-ins and unshared journal entries: only the participant themself sees them. */
export function seesOwnPrivate(rels: readonly Relationship[]): boolean {
  return rels.includes('self');
}

export function relationshipAllows(rel: Relationship, category: DataCategory, access: Access): boolean {
  return grants[rel][category]?.includes(access) ?? false;
}

export function anyAllows(rels: readonly Relationship[], category: DataCategory, access: Access): boolean {
  return rels.some((r) => relationshipAllows(r, category, access));
}

const FALSE = sql`false`;

/** Each relationship as a boolean SQL expression over the `participants` row. */
function relationshipExpressions(actor: Actor): Record<Relationship, SQL> {
  const supervised = programsWithRole(actor, 'supervisor');
  return {
    self: actor.participantId ? eq(participants.id, actor.participantId) : FALSE,
    assigned_peer: sql`exists (select 1 from ${peerAssignments} pa where pa.participant_id = ${participants.id}
      and pa.peer_worker_id = ${actor.userId} and pa.ended_at is null)`,
    supervisor: supervised.length ? inArray(participants.programId, supervised) : FALSE,
    org_admin: isOrgAdmin(actor) ? sql`true` : FALSE,
    clinician_consent: FALSE,
  };
}

/** Relationships that grant the (category, access) pair. */
function grantingRelationships(category: DataCategory, access: Access): Relationship[] {
  return relationships.filter((r) => relationshipAllows(r, category, access));
}

/** A WHERE condition: the participants this actor may see for this category. Use it in every list. */
export function visibleParticipants(actor: Actor, category: DataCategory = 'profile', access: Access = 'read'): SQL {
  const exprs = relationshipExpressions(actor);
  const granting = grantingRelationships(category, access).map((r) => exprs[r]);
  return and(eq(participants.organizationId, actor.organizationId), granting.length ? or(...granting) : FALSE)!;
}

/** For a set of ids in, the relationships held to each visible one out: one query. */
export async function relationshipsTo(ctx: AuthedContext, ids: readonly string[]): Promise<Map<string, Relationship[]>> {
  const result = new Map<string, Relationship[]>();
  if (ids.length === 0) return result;
  const exprs = relationshipExpressions(ctx.actor);
  const rows = await ctx.db
    .select({
      id: participants.id,
      self: sql<boolean>`${exprs.self}`,
      assigned_peer: sql<boolean>`${exprs.assigned_peer}`,
      supervisor: sql<boolean>`${exprs.supervisor}`,
      org_admin: sql<boolean>`${exprs.org_admin}`,
      clinician_consent: sql<boolean>`${exprs.clinician_consent}`,
    })
    .from(participants)
    .where(and(eq(participants.organizationId, ctx.actor.organizationId), inArray(participants.id, [...ids])));
  for (const row of rows) {
    const held = relationships.filter((r) => row[r] === true);
    if (held.length) result.set(row.id, held);
  }
  return result;
}

export interface AccessRequest {
  participantId: string;
  category: DataCategory;
  access: Access;
  /** The audit action recorded for this request (allowed or denied). */
  action: AuditAction;
  resourceType?: string;
  resourceId?: string;
}

export interface Granted {
  participantId: string;
  relationships: Relationship[];
}

/**
 * Asks the policy about one participant. A denial is audited and answered as "not found", so
 * nobody learns that a record exists outside their reach. An allowed read is audited here; an
 * allowed write is audited by the service, inside the transaction that makes the change.
 */
export async function requireParticipantAccess(ctx: RequestContext, req: AccessRequest): Promise<Granted> {
  const actor = requireActor(ctx);
  const rels = (await relationshipsTo({ ...ctx, actor }, [req.participantId])).get(req.participantId);
  const allowed = rels !== undefined && anyAllows(rels, req.category, req.access);
  const event = {
    action: req.action,
    participantId: req.participantId,
    resourceType: req.resourceType ?? req.category,
    resourceId: req.resourceId ?? req.participantId,
  };
  if (!allowed) {
    await recordAudit(ctx, { ...event, outcome: 'denied', details: { category: req.category, access: req.access } });
    throw new AppError('participant.not_found', 'That participant was not found.');
  }
  if (req.access === 'read') await recordAudit(ctx, { ...event, outcome: 'allowed', details: { as: rels } });
  return { participantId: req.participantId, relationships: rels };
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('auth.required', 'Please sign in.');
  return ctx.actor;
}
