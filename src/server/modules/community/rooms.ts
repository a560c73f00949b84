import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import type { z } from 'zod';
import type { createRoomSchema, Room, roomControlSchema } from '../../../shared/schemas/community.js';
import { communityBlocks, communityMembers, communityRoomMessages, communityRoomPeople, communityRooms } from '../../db/schema/index.js';
import { recordAudit } from '../../platform/audit.js';
import { afterCommit, inTransaction, type AuthedContext } from '../../platform/context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { userChannel, type RealtimeEvent } from '../../platform/realtime.js';
import { isPeerStaff, memberViews, peerWorkerFlag, requireMayWrite, requireMember } from './members.js';
import { answerCrisis, screenText, type CrisisSupport } from './safety/screen.js';
import { loadGroup, loadGroupToManage } from '../groups/group-access.js';
import { requireSpace } from './space-access.js';

type RoomRow = typeof communityRooms.$inferSelect;

async function present(ctx: AuthedContext, roomId: string) {
  return ctx.db
    .select({ id: communityMembers.id, userId: communityMembers.userId, communityName: communityMembers.communityName, peerWorker: peerWorkerFlag(communityMembers.userId), muted: communityRoomPeople.muted })
    .from(communityRoomPeople)
    .innerJoin(communityMembers, eq(communityMembers.id, communityRoomPeople.memberId))
    .where(and(eq(communityRoomPeople.roomId, roomId), isNull(communityRoomPeople.leftAt), isNull(communityRoomPeople.removedAt)))
    .orderBy(asc(communityRoomPeople.joinedAt));
}

async function roomView(ctx: AuthedContext, row: RoomRow, memberId: string | null): Promise<Room> {
  const people = await present(ctx, row.id);
  const hosts = await memberViews(ctx.db, row.organizationId, [row.hostId]);
  const me = people.find((p) => p.id === memberId);
  return {
    id: row.id,
    spaceId: row.spaceId,
    groupId: row.groupId,
    host: hosts.get(row.hostId)!,
    topic: row.topic,
    rules: row.rules,
    startsAt: row.startsAt.toISOString(),
    capacity: row.capacity,
    keepTranscript: row.keepTranscript,
    locked: row.locked,
    ended: Boolean(row.endedAt),
    isHost: row.hostId === memberId,
    present: people.map((p) => ({ id: p.id, communityName: p.communityName, peerWorker: Boolean(p.peerWorker), muted: p.muted })),
    joined: Boolean(me),
    mutedMe: Boolean(me?.muted),
  };
}

/** Members who do not hear from this one: those who blocked or muted them, and those they blocked. */
async function notHearing(ctx: AuthedContext, memberId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ memberId: communityBlocks.memberId, otherId: communityBlocks.otherId, kind: communityBlocks.kind })
    .from(communityBlocks)
    .where(or(eq(communityBlocks.otherId, memberId), and(eq(communityBlocks.memberId, memberId), eq(communityBlocks.kind, 'block'))));
  return new Set(rows.map((r) => (r.otherId === memberId ? r.memberId : r.otherId)));
}

/** Members this one does not see: those they blocked or muted, and those who blocked them. */
async function hiddenFrom(ctx: AuthedContext, memberId: string): Promise<Set<string>> {
  const rows = await ctx.db
    .select({ memberId: communityBlocks.memberId, otherId: communityBlocks.otherId })
    .from(communityBlocks)
    .where(or(eq(communityBlocks.memberId, memberId), and(eq(communityBlocks.otherId, memberId), eq(communityBlocks.kind, 'block'))));
  return new Set(rows.map((r) => (r.memberId === memberId ? r.otherId : r.memberId)));
}

/** Tells everyone in the room (every socket of theirs, on any instance); a message skips people a block or mute separates from its writer. */
async function tellRoom(ctx: AuthedContext, roomId: string, event: RealtimeEvent, extraUserIds: string[] = [], from?: string) {
  const skip = from ? await notHearing(ctx, from) : new Set<string>();
  const people = (await present(ctx, roomId)).filter((p) => !skip.has(p.id));
  const ids = [...new Set([...people.map((p) => p.userId), ...extraUserIds])];
  await afterCommit(ctx, async () => {
    await Promise.all(ids.map((id) => ctx.realtime.publish(userChannel(id), event)));
  });
}

async function requireRoom(ctx: AuthedContext, roomId: string): Promise<RoomRow> {
  const [row] = await ctx.db.select().from(communityRooms).where(and(eq(communityRooms.id, roomId), eq(communityRooms.organizationId, ctx.actor.organizationId)));
  if (!row) throw notFound('community_room.not_found', 'That room');
  if (row.groupId) {
    await loadGroup(ctx, row.groupId).catch(() => {
      throw notFound('community_room.not_found', 'That room');
    });
  }
  if (row.spaceId) {
    await requireSpace(ctx, row.spaceId).catch(() => {
      throw notFound('community_room.not_found', 'That room');
    });
  }
  return row;
}

/** Rooms not ended, soonest first: ad hoc and scheduled; for one group, the rooms linked to it. */
export async function listRooms(ctx: AuthedContext, groupId?: string): Promise<{ rooms: Room[] }> {
  if (groupId) await loadGroup(ctx, groupId);
  const [me] = await ctx.db.select({ id: communityMembers.id }).from(communityMembers).where(eq(communityMembers.userId, ctx.actor.userId));
  const rows = await ctx.db
    .select()
    .from(communityRooms)
    .where(and(eq(communityRooms.organizationId, ctx.actor.organizationId), isNull(communityRooms.endedAt), groupId ? eq(communityRooms.groupId, groupId) : undefined))
    .orderBy(asc(communityRooms.startsAt))
    .limit(50);
  const views: Room[] = [];
  for (const row of rows) {
    if (!(await requireRoom(ctx, row.id).then(() => true, () => false))) continue;
    views.push(await roomView(ctx, row, me?.id ?? null));
  }
  return { rooms: views };
}

export async function getRoom(ctx: AuthedContext, roomId: string): Promise<Room> {
  const row = await requireRoom(ctx, roomId);
  const [me] = await ctx.db.select({ id: communityMembers.id }).from(communityMembers).where(eq(communityMembers.userId, ctx.actor.userId));
  return roomView(ctx, row, me?.id ?? null);
}

/** A peer worker opens a room: topic, time, capacity, rules, and whether a transcript is kept. */
export async function createRoom(ctx: AuthedContext, input: z.output<typeof createRoomSchema>): Promise<Room> {
  if (!isPeerStaff(ctx.actor)) throw new AppError('auth.forbidden', 'Live rooms are hosted by peer workers.');
  const host = await requireMember(ctx);
  if (input.spaceId) await requireSpace(ctx, input.spaceId);
  // A group's room is opened by those who run the group (its facilitators, its program's supervisors).
  if (input.groupId) await loadGroupToManage(ctx, input.groupId);
  const id = await inTransaction(ctx, async (tx) => {
    const [row] = await tx.db
      .insert(communityRooms)
      .values({ organizationId: host.organizationId, spaceId: input.spaceId ?? null, groupId: input.groupId ?? null, hostId: host.id, topic: input.topic, rules: input.rules, startsAt: input.startsAt ? new Date(input.startsAt) : new Date(), capacity: input.capacity, keepTranscript: input.keepTranscript })
      .returning({ id: communityRooms.id });
    await tx.db.insert(communityRoomPeople).values({ roomId: row!.id, memberId: host.id, organizationId: host.organizationId });
    await recordAudit(tx, { action: 'community.room_create', resourceType: 'community_room', resourceId: row!.id, details: { keepTranscript: input.keepTranscript, groupId: input.groupId ?? null, scheduled: Boolean(input.startsAt) } });
    return row!.id;
  });
  return getRoom(ctx, id);
}

/** Joining shows the room's rules; a locked, full or ended room, or one that removed you, cannot be joined. */
export async function joinRoom(ctx: AuthedContext, roomId: string): Promise<Room> {
  const member = await requireMember(ctx);
  requireMayWrite(member);
  const room = await requireRoom(ctx, roomId);
  if (room.endedAt) throw new AppError('community_room.closed', 'This room has ended.');
  const [mine] = await ctx.db.select().from(communityRoomPeople).where(and(eq(communityRoomPeople.roomId, roomId), eq(communityRoomPeople.memberId, member.id)));
  if (mine?.removedAt) throw new AppError('community_room.closed', 'The host asked you to leave this room.');
  const alreadyIn = mine && !mine.leftAt;
  if (!alreadyIn) {
    if (room.locked && room.hostId !== member.id) throw new AppError('community_room.closed', 'The host has locked this room.');
    if ((await present(ctx, roomId)).length >= room.capacity) throw new AppError('community_room.full', 'This room is full.');
    await inTransaction(ctx, async (tx) => {
      await tx.db
        .insert(communityRoomPeople)
        .values({ roomId, memberId: member.id, organizationId: member.organizationId })
        .onConflictDoUpdate({ target: [communityRoomPeople.roomId, communityRoomPeople.memberId], set: { leftAt: null, joinedAt: new Date() } });
      await recordAudit(tx, { action: 'community.room_join', resourceType: 'community_room', resourceId: roomId });
      await tellRoom(tx as AuthedContext, roomId, { type: 'community.room.presence', roomId });
    });
  }
  return getRoom(ctx, roomId);
}

export async function leaveRoom(ctx: AuthedContext, roomId: string): Promise<Room> {
  const member = await requireMember(ctx);
  await requireRoom(ctx, roomId);
  await inTransaction(ctx, async (tx) => {
    await tx.db.update(communityRoomPeople).set({ leftAt: new Date() }).where(and(eq(communityRoomPeople.roomId, roomId), eq(communityRoomPeople.memberId, member.id)));
    await tellRoom(tx as AuthedContext, roomId, { type: 'community.room.presence', roomId }, [member.userId]);
  });
  return getRoom(ctx, roomId);
}

/**
 * A message to everyone present, live. It passes the same safety checks: a held message is not sent
 * (the writer is told it waits for the host's and moderators' eyes), crisis language is sent with
 * support for the writer and an alert. It is stored only when the room keeps a transcript.
 */
export async function sendRoomMessage(ctx: AuthedContext, roomId: string, body: string) {
  const member = await requireMember(ctx);
  requireMayWrite(member);
  const room = await requireRoom(ctx, roomId);
  if (room.endedAt) throw new AppError('community_room.closed', 'This room has ended.');
  const [me] = await ctx.db.select().from(communityRoomPeople).where(and(eq(communityRoomPeople.roomId, roomId), eq(communityRoomPeople.memberId, member.id)));
  if (!me || me.leftAt || me.removedAt) throw new AppError('community_room.closed', 'Join the room first.');
  if (me.muted) throw new AppError('community_room.muted', 'The host has muted you in this room; you can still read.');
  const screening = await screenText(ctx, member, body, null);
  const author = (await memberViews(ctx.db, member.organizationId, [member.id])).get(member.id)!;
  let support: CrisisSupport | null = null;
  if (screening.held.length) return { sent: false, held: true, message: null, crisis: { detected: screening.crisis.length > 0, support } };
  const message = await inTransaction(ctx, async (tx) => {
    const id = randomUUID();
    const createdAt = new Date();
    if (room.keepTranscript) await tx.db.insert(communityRoomMessages).values({ id, organizationId: member.organizationId, roomId, memberId: member.id, body, createdAt });
    if (screening.crisis.length) support = await answerCrisis(tx as AuthedContext, { organizationId: member.organizationId, spaceId: room.spaceId, memberId: member.id, text: body, matches: screening.crisis });
    const msg = { id, author, body, createdAt: createdAt.toISOString() };
    // NOTIFY payloads are small: a room message is at most 2000 characters.
    await tellRoom(tx as AuthedContext, roomId, { type: 'community.room.message', roomId, message: msg }, [], member.id);
    return msg;
  });
  return { sent: true, held: false, message, crisis: { detected: screening.crisis.length > 0, support } };
}

/** Host controls: mute or unmute someone, remove them, lock or unlock the room, end it. */
export async function controlRoom(ctx: AuthedContext, roomId: string, input: z.output<typeof roomControlSchema>): Promise<Room> {
  const member = await requireMember(ctx);
  const room = await requireRoom(ctx, roomId);
  if (room.hostId !== member.id) throw new AppError('auth.forbidden', 'Only the host can do that.');
  const target = input.memberId;
  if (['mute', 'unmute', 'remove'].includes(input.action) && (!target || target === member.id)) {
    throw new AppError('validation.failed', 'Choose who.', [{ path: 'memberId', message: 'required' }]);
  }
  const [targetUser] = target ? await ctx.db.select({ userId: communityMembers.userId }).from(communityMembers).where(eq(communityMembers.id, target)) : [];
  await inTransaction(ctx, async (tx) => {
    const person = and(eq(communityRoomPeople.roomId, roomId), eq(communityRoomPeople.memberId, target ?? member.id));
    if (input.action === 'mute' || input.action === 'unmute') await tx.db.update(communityRoomPeople).set({ muted: input.action === 'mute' }).where(person);
    if (input.action === 'remove') await tx.db.update(communityRoomPeople).set({ removedAt: new Date() }).where(person);
    if (input.action === 'lock' || input.action === 'unlock') await tx.db.update(communityRooms).set({ locked: input.action === 'lock' }).where(eq(communityRooms.id, roomId));
    if (input.action === 'end') await tx.db.update(communityRooms).set({ endedAt: new Date() }).where(eq(communityRooms.id, roomId));
    await recordAudit(tx, { action: 'community.room_control', resourceType: 'community_room', resourceId: roomId, details: { action: input.action, memberId: target ?? null } });
    await tellRoom(tx as AuthedContext, roomId, { type: 'community.room.control', roomId, action: input.action, memberId: target ?? null }, targetUser ? [targetUser.userId] : []);
  });
  return getRoom(ctx, roomId);
}

/** The transcript, when the room keeps one, for the people who were in it. */
export async function roomTranscript(ctx: AuthedContext, roomId: string) {
  const member = await requireMember(ctx);
  const room = await requireRoom(ctx, roomId);
  const [me] = await ctx.db.select().from(communityRoomPeople).where(and(eq(communityRoomPeople.roomId, roomId), eq(communityRoomPeople.memberId, member.id)));
  if (!room.keepTranscript || !me || me.removedAt) return { messages: [] };
  const rows = await ctx.db.select().from(communityRoomMessages).where(eq(communityRoomMessages.roomId, roomId)).orderBy(desc(communityRoomMessages.createdAt)).limit(500);
  const skip = await hiddenFrom(ctx, member.id);
  const authors = await memberViews(ctx.db, member.organizationId, rows.map((r) => r.memberId));
  return { messages: rows.reverse().filter((r) => !skip.has(r.memberId)).map((r) => ({ id: r.id, author: authors.get(r.memberId)!, body: r.body, createdAt: r.createdAt.toISOString() })) };
}
