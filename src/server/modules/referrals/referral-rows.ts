import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Referral, ReferralStatus } from '../../../shared/schemas/referrals.js';
import { participants, programs, referralEvents, referrals, resourceServices, users } from '../../db/schema/index.js';
import type { Relationship } from '../../platform/access.js';
import type { AuthedContext, RequestContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { localDate } from '../../../shared/milestones.js';
import { canDo } from './referral-rules.js';

const creator = alias(users, 'referral_creator');

/** Referrals with the names they show (participant, creator, service still listed), and their history. */
export async function loadReferrals(ctx: RequestContext, where: SQL, rels: (participantId: string) => readonly Relationship[], now = new Date()): Promise<Referral[]> {
  const rows = await ctx.db
    .select({
      r: referrals,
      participantName: participants.preferredName,
      timeZone: programs.timeZone,
      creatorName: creator.displayName,
      listed: sql<boolean>`${resourceServices.id} is not null and ${resourceServices.status} = 'active'`,
    })
    .from(referrals)
    .innerJoin(participants, eq(participants.id, referrals.participantId))
    .innerJoin(programs, eq(programs.id, participants.programId))
    .innerJoin(creator, eq(creator.id, referrals.createdBy))
    .leftJoin(resourceServices, and(eq(resourceServices.organizationId, referrals.organizationId), eq(resourceServices.id, referrals.serviceId)))
    .where(where)
    .orderBy(desc(referrals.createdAt));
  if (rows.length === 0) return [];
  const events = await ctx.db
    .select({ e: referralEvents, actorName: users.displayName })
    .from(referralEvents)
    .leftJoin(users, eq(users.id, referralEvents.actorUserId))
    .where(inArray(referralEvents.referralId, rows.map((row) => row.r.id)))
    .orderBy(asc(referralEvents.createdAt));
  return rows.map(({ r, participantName, timeZone, creatorName, listed }) => {
    const status = r.status as ReferralStatus;
    const open = status === 'sent' || status === 'accepted';
    return {
      id: r.id,
      participantId: r.participantId,
      participantName,
      timeZone,
      service: { id: r.serviceId, name: r.serviceName, providerName: r.providerName, listed: Boolean(listed) },
      category: r.category as Referral['category'],
      need: r.need,
      share: r.sharedItems as Referral['share'],
      consentNote: r.consentNote,
      consentRecordedAt: r.consentRecordedAt?.toISOString() ?? null,
      followUpOn: r.followUpOn,
      followUpDue: open && r.followUpOn !== null && r.followUpOn <= localDate(now, timeZone),
      status,
      unmetReason: (r.unmetReason as Referral['unmetReason']) ?? null,
      outcomeNote: r.outcomeNote,
      participantReport:
        r.participantReportedAt && r.participantWent !== null
          ? { went: r.participantWent, helped: (r.participantHelped as 'yes' | 'somewhat' | 'no' | null) ?? null, comment: r.participantComment, at: r.participantReportedAt.toISOString() }
          : null,
      createdBy: { id: r.createdBy, displayName: creatorName },
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      history: events
        .filter(({ e }) => e.referralId === r.id)
        .map(({ e, actorName }) => ({
          kind: e.kind as Referral['history'][number]['kind'],
          from: e.fromStatus,
          to: e.toStatus,
          reason: e.reason,
          note: e.note,
          by: e.actorUserId && actorName ? { id: e.actorUserId, displayName: actorName } : null,
          at: e.createdAt.toISOString(),
        })),
      can: canDo(rels(r.participantId), status),
    };
  });
}

/** One referral of this participant, in the actor's organization, or 404. */
export async function loadReferral(ctx: AuthedContext, participantId: string, referralId: string, rels: readonly Relationship[]): Promise<Referral> {
  const [one] = await loadReferrals(
    ctx,
    and(eq(referrals.id, referralId), eq(referrals.participantId, participantId), eq(referrals.organizationId, ctx.actor.organizationId))!,
    () => rels,
  );
  if (!one) throw notFound('referral.not_found', 'That referral');
  return one;
}

/** The row itself, locked for a change inside a transaction. */
export async function lockReferral(tx: RequestContext, participantId: string, referralId: string, organizationId: string) {
  const [row] = await tx.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, referralId), eq(referrals.participantId, participantId), eq(referrals.organizationId, organizationId)))
    .for('update');
  if (!row) throw notFound('referral.not_found', 'That referral');
  return row;
}
