import { sql, type SQL } from 'drizzle-orm';
import type { ThreadMember } from '../../../shared/schemas/messaging.js';
import type { Db } from '../../db/client.js';

/**
 * Who stands in a conversation follows who walks alongside the participant: the participant (when
 * they have a login) and their current peer worker. Rather than every assignment path remembering
 * to update threads, membership is brought in line whenever a conversation is used: a newly
 * assigned peer worker is in it from their first look, and the one before has left it.
 * A supervisor who joined for a handover is nobody's standing member and stays until they leave.
 *
 * `threads` is a SQL condition over `t` (message_threads) choosing the conversations to bring in line.
 */
export async function syncThreadMembers(db: Db, threads: SQL): Promise<void> {
  // One statement, two changes on the same snapshot: who should stand in it and is missing (or left)
  // comes in; a peer worker whose assignment ended, and who holds no other, leaves. The two sets of
  // rows never overlap. Only rows that change are written: the usual case locks and changes nothing.
  await db.execute(sql`
    with joined as (
      insert into thread_members (thread_id, user_id)
      select s.thread_id, s.user_id from (
        select t.id as thread_id, p.user_id from message_threads t join participants p on p.id = t.participant_id
          where p.user_id is not null and (${threads})
        union
        select t.id, pa.peer_worker_id from message_threads t join peer_assignments pa on pa.participant_id = t.participant_id and pa.ended_at is null
          where (${threads})
      ) s
      where not exists (select 1 from thread_members tm where tm.thread_id = s.thread_id and tm.user_id = s.user_id and tm.left_at is null)
      on conflict (thread_id, user_id) do update set left_at = null, joined_at = now()
        where thread_members.left_at is not null
      returning 1
    ), departed as (
      update thread_members tm set left_at = now()
      from message_threads t
      where tm.thread_id = t.id and tm.left_at is null and (${threads})
        and exists (select 1 from peer_assignments pa where pa.participant_id = t.participant_id and pa.peer_worker_id = tm.user_id and pa.ended_at is not null)
        and not exists (select 1 from peer_assignments pa where pa.participant_id = t.participant_id and pa.peer_worker_id = tm.user_id and pa.ended_at is null)
      returning 1
    )
    select (select count(*) from joined) as joined, (select count(*) from departed) as departed`);
}

export const threadById = (threadId: string) => sql`t.id = ${threadId}`;

/** The conversations a user stands in or is about to: their own, those of people assigned to them, and any they joined. */
export const threadsOfUser = (userId: string, participantId: string | null) => sql`(
  t.participant_id in (select participant_id from peer_assignments where peer_worker_id = ${userId} and ended_at is null)
  or t.id in (select thread_id from thread_members where user_id = ${userId})
  ${participantId ? sql`or t.participant_id = ${participantId}` : sql``})`;

/** Everyone who has been in the conversation, with the part they play in the participant's support. */
export async function loadMembers(db: Db, threadId: string): Promise<ThreadMember[]> {
  const rows = await rowsOf<{
    user_id: string;
    display_name: string;
    role: ThreadMember['role'];
    joined_at: string | Date;
    left_at: string | Date | null;
    last_read_at: string | Date | null;
  }>(
    db,
    sql`
    select tm.user_id, ${memberName} as display_name, ${memberRole} as role, tm.joined_at, tm.left_at, tm.last_read_at
    from thread_members tm
    join message_threads t on t.id = tm.thread_id
    join participants p on p.id = t.participant_id
    join users u on u.id = tm.user_id
    where tm.thread_id = ${threadId}
    order by tm.joined_at, tm.user_id`,
  );
  return rows.map((r) => ({
    userId: r.user_id,
    displayName: r.display_name,
    role: r.role,
    joinedAt: iso(r.joined_at)!,
    leftAt: iso(r.left_at),
    lastReadAt: iso(r.last_read_at),
  }));
}

/** In SQL over tm (thread_members), p (participants) and u (users): the name people know them by. */
export const memberName = sql`case when tm.user_id = p.user_id then p.preferred_name else u.display_name end`;

/** In SQL over tm, p: the participant themself, a peer worker (now or before), a supervisor of the program, or other staff. */
export const memberRole = sql`case
  when tm.user_id = p.user_id then 'participant'
  when exists (select 1 from peer_assignments pa where pa.participant_id = p.id and pa.peer_worker_id = tm.user_id and pa.ended_at is null) then 'peer_worker'
  when exists (select 1 from memberships m where m.user_id = tm.user_id and m.role = 'supervisor' and (m.program_id = p.program_id or m.program_id is null)) then 'supervisor'
  when exists (select 1 from peer_assignments pa where pa.participant_id = p.id and pa.peer_worker_id = tm.user_id) then 'peer_worker'
  else 'staff' end`;

/** Active members' user ids: who hears of a new message. */
export async function activeMemberIds(db: Db, threadId: string): Promise<string[]> {
  const rows = await rowsOf<{ user_id: string }>(db, sql`select user_id from thread_members where thread_id = ${threadId} and left_at is null`);
  return rows.map((r) => r.user_id);
}

/** Rows of a raw query, the same way on both drivers. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** A timestamp from a raw query (a Date from node-postgres, a Date or string from PGlite) as ISO 8601. */
export function iso(value: string | Date | null): string | null {
  if (value === null) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
