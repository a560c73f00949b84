import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { participants, peerAssignments } from '../db/schema/index.js';
import { consents, legalRepresentatives } from '../db/schema/consents.js';
import { consentCategoriesFor, consentCategoryGrants } from '../../shared/schemas/consents.js';
import { dataCategories, type DataCategory } from '../../shared/schemas/participants.js';
import { AppError } from './errors.js';
import { recordAudit, type AuditAction, type AuditEventInput } from './audit.js';
import { hasRole, isOrgAdmin, programsWithRole, type Actor, type AuthedContext, type RequestContext } from './context.js';

/**
 * The one access policy for participant data.
 *
 * An actor's relationship to a participant decides what they may do; the relationships are SQL
 * expressions, so lists filter in the query itself and many ids are checked in one round trip.
 * Every expression is scoped to the actor's organization: nothing crosses organizations.
 */
export const relationships = ['self', 'assigned_peer', 'supervisor', 'org_admin', 'clinician_consent', 'legal_representative'] as const;
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
 * clinician_consent is the ceiling of what a consent can open (read only); which of these a clinician
 * holds for a participant comes from that participant's active consents naming them (`ConsentScope`).
 * Contact notes are the peer worker's record of their work, read by them and their supervisor; the
 * participant sees their appointments and their own conversation, not the notes.
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
    appointments: R,
    messages: RW,
    match_preferences: RW,
    groups: R,
    // Write only for the participant's own "I went" report; referrals/report-visit.ts holds them to it.
    referrals: RW,
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
    contact_notes: RW,
    appointments: RW,
    messages: RW,
    match_preferences: R,
    groups: RW,
    referrals: RW,
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
    contact_notes: R,
    appointments: R,
    // A supervisor reads a conversation only once they have joined it for a handover (thread membership).
    messages: RW,
    match_preferences: RW,
    groups: RW,
    referrals: R,
  },
  org_admin: { profile: RW, assignment: RW, audit_trail: R, match_preferences: RW },
  // The legal representative recorded on the record, with a login: they see who the record is about
  // and the consents, so that they can read, sign and take back a consent for the person.
  legal_representative: { profile: R },
  clinician_consent: Object.fromEntries([
    // The consent names the person: with any active consent, the clinician sees who it is about.
    ['profile', R],
    ...[...new Set(Object.values(consentCategoryGrants).flat())].map((c) => [c, R]),
  ]) as Partial<Record<DataCategory, readonly Access[]>>,
};

/** What a clinician's active consents open for one participant: each category and the consent relied on. */
export interface ConsentScope {
  /** Data category → the id of the (most recently signed) active consent that covers it. */
  byCategory: Partial<Record<DataCategory, string>>;
  consentIds: string[];
}

/** Relationships as the policy returns them; a clinician_consent carries its consent scope. */
export type HeldRelationships = Relationship[] & { consent?: ConsentScope };

/** The consent a disclosure of this category relies on, when nothing but a consent grants it. */
export function disclosureConsent(rels: readonly Relationship[] & { consent?: ConsentScope }, category: DataCategory, access: Access = 'read'): string | null {
  if (!rels.includes('clinician_consent')) return null;
  if (rels.some((r) => r !== 'clinician_consent' && relationshipAllows(r, category, access))) return null;
  return rels.consent?.byCategory[category] ?? rels.consent?.consentIds[0] ?? null;
}

/**
 * Audit details for a participant a list shows: when only a consent lets the actor see this
 * category of them, the consent it relied on (the accounting of disclosures lists it).
 */
export function listDisclosure(rels: (readonly Relationship[] & { consent?: ConsentScope }) | undefined, category: DataCategory): { details?: { consentId: string; category: DataCategory } } {
  const consentId = rels ? disclosureConsent(rels, category) : null;
  return consentId ? { details: { consentId, category } } : {};
}

/** The per-category read/write map the API sends to the UI (`can.access`). */
export function accessMap(rels: readonly Relationship[] & { consent?: ConsentScope }): Record<DataCategory, { read: boolean; write: boolean }> {
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

export function anyAllows(rels: readonly Relationship[] & { consent?: ConsentScope }, category: DataCategory, access: Access): boolean {
  return rels.some(
    (r) =>
      relationshipAllows(r, category, access) &&
      // A consent opens only the categories it names (and the name of the person it is about).
      (r !== 'clinician_consent' || category === 'profile' || rels.consent?.byCategory[category] !== undefined),
  );
}

const FALSE = sql`false`;

/**
 * The active consents naming this clinician (or a care-team program they belong to) for the
 * `participants` row: signed, started, not revoked, not past their date, not past discharge when
 * that is their end. Null when the actor is no clinician.
 */
function activeConsentsWhere(actor: Actor): SQL | null {
  if (!hasRole(actor, 'clinician')) return null;
  const teams = programsWithRole(actor, 'clinician');
  return sql`c.participant_id = ${participants.id} and c.organization_id = ${participants.organizationId}
    and c.signed_at is not null and c.signed_at <= now() and c.revoked_at is null
    and (c.expires_at is null or c.expires_at > now())
    and (c.expiry_kind <> 'event' or ${participants.status} <> 'discharged')
    and (c.recipient_user_id = ${actor.userId}${teams.length ? sql` or c.recipient_program_id in (${sql.join(teams.map((t) => sql`${t}`), sql`, `)})` : sql``})`;
}

/** A clinician holds clinician_consent for a category through an active consent covering it (any, for 'profile'). */
function consentExpression(actor: Actor, category?: DataCategory): SQL {
  const where = activeConsentsWhere(actor);
  if (!where) return FALSE;
  if (category === undefined || category === 'profile') return sql`exists (select 1 from ${consents} c where ${where})`;
  const covering = consentCategoriesFor(category);
  if (covering.length === 0) return FALSE;
  return sql`exists (select 1 from ${consents} c where ${where} and c.categories && array[${sql.join(covering.map((c) => sql`${c}`), sql`, `)}]::text[])`;
}

/** Each relationship as a boolean SQL expression over the `participants` row. */
function relationshipExpressions(actor: Actor, category?: DataCategory): Record<Relationship, SQL> {
  const supervised = programsWithRole(actor, 'supervisor');
  return {
    self: actor.participantId ? eq(participants.id, actor.participantId) : FALSE,
    assigned_peer: sql`exists (select 1 from ${peerAssignments} pa where pa.participant_id = ${participants.id}
      and pa.peer_worker_id = ${actor.userId} and pa.ended_at is null)`,
    supervisor: supervised.length ? inArray(participants.programId, supervised) : FALSE,
    org_admin: isOrgAdmin(actor) ? sql`true` : FALSE,
    clinician_consent: consentExpression(actor, category),
    legal_representative: sql`exists (select 1 from ${legalRepresentatives} lr where lr.participant_id = ${participants.id}
      and lr.user_id = ${actor.userId} and lr.ended_at is null)`,
  };
}

/** Relationships that grant the (category, access) pair. */
function grantingRelationships(category: DataCategory, access: Access): Relationship[] {
  return relationships.filter((r) => relationshipAllows(r, category, access));
}

/**
 * Whether being a participant's assigned peer worker alone grants every one of these categories:
 * then, for a list of the actor's own assigned participants (the assignment is the assigned_peer
 * relationship itself), the policy's condition reduces to the actor's organization.
 */
export function assignedPeerGrants(categories: readonly DataCategory[], access: Access = 'read'): boolean {
  return categories.every((c) => relationshipAllows('assigned_peer', c, access));
}

/** A WHERE condition: the participants this actor may see for this category. Use it in every list. */
export function visibleParticipants(actor: Actor, category: DataCategory = 'profile', access: Access = 'read'): SQL {
  const exprs = relationshipExpressions(actor, category);
  const granting = grantingRelationships(category, access).map((r) => exprs[r]);
  return and(eq(participants.organizationId, actor.organizationId), granting.length ? or(...granting) : FALSE)!;
}

/**
 * A participant asking about their own record, holding no staff role, holds exactly 'self' to it:
 * the session already read their participant record, in their organization, and every other
 * relationship needs a staff role (assigned peer, supervisor, org admin, clinician) or is refused
 * to the person themself (no one is their own legal representative). No query is needed.
 */
function onlySelf(actor: Actor, ids: readonly string[]): boolean {
  return ids.length === 1 && actor.participantId !== null && ids[0] === actor.participantId && actor.memberships.every((m) => m.role === 'participant');
}

/** For a set of ids in, the relationships held to each visible one out: one query (none for one's own record). */
export async function relationshipsTo(ctx: AuthedContext, ids: readonly string[]): Promise<Map<string, HeldRelationships>> {
  const result = new Map<string, HeldRelationships>();
  if (ids.length === 0) return result;
  if (onlySelf(ctx.actor, ids)) return result.set(ids[0]!, ['self']);
  const exprs = relationshipExpressions(ctx.actor);
  const consentWhere = activeConsentsWhere(ctx.actor);
  const rows = await ctx.db
    .select({
      id: participants.id,
      self: sql<boolean>`${exprs.self}`,
      assigned_peer: sql<boolean>`${exprs.assigned_peer}`,
      supervisor: sql<boolean>`${exprs.supervisor}`,
      org_admin: sql<boolean>`${exprs.org_admin}`,
      clinician_consent: sql<boolean>`${exprs.clinician_consent}`,
      legal_representative: sql<boolean>`${exprs.legal_representative}`,
      consents: consentWhere
        ? sql<Array<{ id: string; categories: string[] }> | string | null>`(select json_agg(json_build_object('id', c.id, 'categories', c.categories) order by c.signed_at desc) from ${consents} c where ${consentWhere})`
        : sql<null>`null`,
    })
    .from(participants)
    .where(and(eq(participants.organizationId, ctx.actor.organizationId), inArray(participants.id, [...ids])));
  for (const row of rows) {
    const held: HeldRelationships = relationships.filter((r) => row[r] === true);
    if (held.includes('clinician_consent')) held.consent = consentScope(row.consents);
    if (held.length) result.set(row.id, held);
  }
  return result;
}

function consentScope(raw: Array<{ id: string; categories: string[] }> | string | null): ConsentScope {
  const rows = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? [])) as Array<{ id: string; categories: string[] }>;
  const byCategory: ConsentScope['byCategory'] = {};
  for (const row of rows) {
    for (const c of row.categories) {
      for (const d of consentCategoryGrants[c as keyof typeof consentCategoryGrants] ?? []) byCategory[d] ??= row.id;
    }
  }
  return { byCategory, consentIds: rows.map((r) => r.id) };
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
  relationships: HeldRelationships;
  /** The consent this read relies on, when only a consent grants it (a disclosure). */
  consentId: string | null;
}

/**
 * Asks the policy about one participant. A denial is audited and answered as "not found", so
 * nobody learns that a record exists outside their reach. An allowed read is audited here; an
 * allowed write is audited by the service, inside the transaction that makes the change.
 */
export async function requireParticipantAccess(ctx: RequestContext, req: AccessRequest): Promise<Granted> {
  const { event, ...granted } = await decideParticipantAccess(ctx, req);
  if (event) await recordAudit(ctx, event);
  return granted;
}

/**
 * `requireParticipantAccess` for a read whose own statement records the allowed read's event
 * (`preparedAuditedRead`): the event comes back instead of being written here. A denial is
 * audited here, as always.
 */
export async function grantParticipantRead(ctx: RequestContext, req: Omit<AccessRequest, 'access'>): Promise<Granted & { event: AuditEventInput }> {
  const { event, ...granted } = await decideParticipantAccess(ctx, { ...req, access: 'read' });
  return { ...granted, event: event! };
}

async function decideParticipantAccess(ctx: RequestContext, req: AccessRequest): Promise<Granted & { event: AuditEventInput | null }> {
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
  // A disclosure under a consent is recorded with the consent it relied on (the accounting of disclosures).
  const consentId = disclosureConsent(rels, req.category, req.access);
  // An allowed write is audited by the service, inside the transaction that makes the change.
  const read = req.access === 'read' ? { ...event, outcome: 'allowed' as const, details: { as: [...rels], ...(consentId ? { consentId, category: req.category } : {}) } } : null;
  return { participantId: req.participantId, relationships: rels, consentId, event: read };
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('auth.required', 'Please sign in.');
  return ctx.actor;
}
