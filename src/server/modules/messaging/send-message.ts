import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { detectCrisisLanguage, type CrisisDetection } from '../../../shared/crisis/index.js';
import { messagePreview, type CrisisResources, type MessageCreatedEvent, type SendMessage, type SentMessage } from '../../../shared/schemas/messaging.js';
import { messages, messageThreads, participants, peerAssignments, programs, threadMembers, users } from '../../db/schema/index.js';
import { auditInsertSql } from '../../platform/audit.js';
import { inTransaction, type AuthedContext, type RequestContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { raiseAlert } from '../alerts/raise.js';
import { crisisAlertReason } from './crisis-reason.js';
import { requireThread, type OpenThread } from './thread-access.js';
import { publishTo } from './publish.js';
import { rowsOf } from './thread-members.js';
import { messagesQuery, toMessage } from './thread-view.js';

const clientIdTaken = () =>
  new AppError('message.client_id_taken', 'That message id is already in use. Send the message again as a new one.', [
    { path: 'body.clientId', message: 'belongs to another message' },
  ]);

/**
 * Sends a message to everyone in the conversation. The message, its audit event and, when a
 * participant's own words carry crisis language, the flag and the urgent alert for their peer
 * worker commit together; the live event follows the commit. The participant's answer carries
 * crisis resources so their screen shows where to get help at once.
 *
 * The client's id becomes the message's id, so a retry of the same send finds the first one.
 */
export async function sendMessage(ctx: AuthedContext, threadId: string, input: SendMessage): Promise<{ created: boolean; sent: SentMessage }> {
  const thread = await requireThread(ctx, threadId, { access: 'write', action: 'message.send' });
  const id = input.clientId ?? randomUUID();

  // Only the participant's own words: a peer worker writing about safety is doing their work.
  const fromParticipant = thread.relationships.includes('self');
  const detection: CrisisDetection = fromParticipant ? detectCrisisLanguage(input.body) : { hit: false, matches: [] };

  // The usual message is one statement (the message, the conversation's marks and the audit event);
  // crisis language adds the urgent alert, so that send is one transaction.
  const send = async (tx: RequestContext): Promise<boolean> => {
    const sent = await insertAndMark({ ...tx, actor: ctx.actor }, thread, id, input.body, detection.hit);
    // The same id sent before (a retry, or a concurrent one): answered below as a replay.
    if (!sent) return false;
    if (detection.hit) {
      const program = await programOf(tx, thread.participantId);
      await raiseAlert(tx, {
        participantId: thread.participantId,
        kind: 'crisis_language',
        severity: 'urgent',
        reason: crisisAlertReason(input.body, detection.matches, sent.createdAt, program.timeZone),
        sourceType: 'message',
        sourceId: id,
      });
    }
    const event: MessageCreatedEvent = {
      type: 'message.created',
      threadId: thread.id,
      participantId: thread.participantId,
      messageId: id,
      senderId: ctx.actor.userId,
      preview: messagePreview(input.body),
    };
    await publishTo(tx, sent.recipients, event);
    return true;
  };
  const inserted = detection.hit ? await inTransaction(ctx, send) : await send(ctx);
  if (!inserted) {
    const again = await replay(ctx, thread, id);
    if (!again) throw clientIdTaken();
    return { created: false, sent: again };
  }
  return { created: true, sent: await sentAnswer(ctx, thread, id) };
}

/** The message already sent with this id by this person in this conversation; another's id is refused. */
async function replay(ctx: AuthedContext, thread: OpenThread, id: string): Promise<SentMessage | null> {
  const [existing] = await ctx.db.select({ threadId: messages.threadId, senderId: messages.senderId }).from(messages).where(eq(messages.id, id));
  if (!existing) return null;
  if (existing.threadId !== thread.id || existing.senderId !== ctx.actor.userId) throw clientIdTaken();
  return sentAnswer(ctx, thread, id);
}

async function sentAnswer(ctx: AuthedContext, thread: OpenThread, id: string): Promise<SentMessage> {
  const [row] = await messagesQuery(ctx.db).where(eq(messages.id, id));
  const message = toMessage(row!);
  const resources = message.crisisDetected ? await crisisResources(ctx, thread.participantId) : null;
  return { message, crisis: { detected: message.crisisDetected, resources } };
}

/**
 * In one statement: the message (unless its id is taken), and only when it was inserted, the
 * conversation's last message time, the sender's read mark (writing a message means having read the
 * conversation up to it) and the audit event (which records that a message was sent, never what it
 * says); answered with who is in the conversation to hear of it. Null when the id was taken.
 * Times are the database's own (full precision), not their millisecond copy in JavaScript.
 */
async function insertAndMark(
  tx: AuthedContext,
  thread: OpenThread,
  messageId: string,
  body: string,
  crisisDetected: boolean,
): Promise<{ createdAt: Date; recipients: string[] } | null> {
  const inserted = sql`exists (select 1 from ins)`;
  const sentAt = sql`(select created_at from ins)`;
  const audit = auditInsertSql(
    tx,
    [{ action: 'message.send', participantId: thread.participantId, resourceType: 'message', resourceId: messageId, details: { threadId: thread.id, crisisDetected } }],
    inserted,
  );
  const rows = await rowsOf<{ created_at: Date | string; user_id: string }>(
    tx.db,
    sql`with ins as (
      insert into ${messages} (id, organization_id, thread_id, sender_id, body, crisis_detected)
      values (${messageId}, ${tx.actor.organizationId}, ${thread.id}, ${tx.actor.userId}, ${body}, ${crisisDetected})
      on conflict (id) do nothing
      returning created_at
    ), thread as (
      update ${messageThreads} set last_message_at = ${sentAt} where id = ${thread.id} and ${inserted} returning id
    ), reader as (
      update ${threadMembers} set last_read_at = greatest(last_read_at, ${sentAt})
      where thread_id = ${thread.id} and user_id = ${tx.actor.userId} and ${inserted} returning user_id
    ), audited as (${audit} returning 1)
    select ins.created_at, m.user_id from ins cross join ${threadMembers} m where m.thread_id = ${thread.id} and m.left_at is null`,
  );
  if (rows.length === 0) return null;
  return { createdAt: new Date(rows[0]!.created_at), recipients: rows.map((r) => r.user_id) };
}

async function programOf(ctx: Pick<RequestContext, 'db'>, participantId: string) {
  const [row] = await ctx.db
    .select({ timeZone: programs.timeZone, crisisLine: programs.crisisLine })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, participantId));
  return row!;
}

/** Where to get help now: the program's crisis line (988 unless set), their safety plan, and who was told. */
async function crisisResources(ctx: AuthedContext, participantId: string): Promise<CrisisResources> {
  const program = await programOf(ctx, participantId);
  const [peer] = await ctx.db
    .select({ name: users.displayName })
    .from(peerAssignments)
    .innerJoin(users, eq(users.id, peerAssignments.peerWorkerId))
    .where(and(eq(peerAssignments.participantId, participantId), isNull(peerAssignments.endedAt)));
  return {
    crisisLine: program.crisisLine ?? ctx.config.CRISIS_LINE,
    safetyPlanPath: `/participants/${participantId}/safety-plan`,
    peerWorkerName: peer?.name ?? null,
  };
}
