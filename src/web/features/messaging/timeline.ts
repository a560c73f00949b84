import type { Message, Thread, ThreadMember } from '../../../shared/schemas/messaging.js';

export interface PendingMessage {
  clientId: string;
  body: string;
  at: string;
  status: 'sending' | 'failed';
}

export type TimelineItem =
  | { kind: 'day'; key: string; at: string }
  | { kind: 'message'; key: string; message: Message; mine: boolean; read: boolean; showName: boolean }
  | { kind: 'pending'; key: string; pending: PendingMessage }
  | { kind: 'member'; key: string; member: ThreadMember; change: 'joined' | 'left'; at: string };

// Members who came with the conversation are no news; those who joined later are.
const FOUNDING_WINDOW_MS = 60_000;

/** When the others in the conversation last read: a message of mine up to then shows as read. */
export function othersReadAt(members: readonly ThreadMember[], me: string): number | null {
  const times = members.filter((m) => m.userId !== me && m.leftAt === null && m.lastReadAt).map((m) => Date.parse(m.lastReadAt!));
  return times.length ? Math.max(...times) : null;
}

/**
 * The conversation as it reads top to bottom: messages (sent and still sending), people joining or
 * leaving, and a line for each new day. `from` is the time of the oldest message loaded when older
 * ones remain, so lines about members appear only among the messages around them.
 */
export function buildTimeline(input: {
  thread: Pick<Thread, 'createdAt' | 'members'>;
  messages: readonly Message[];
  pending: readonly PendingMessage[];
  me: string;
  from: string | null;
  dayKey: (iso: string) => string;
}): TimelineItem[] {
  const { thread, me, dayKey } = input;
  const readAt = othersReadAt(thread.members, me);
  const from = input.from ? Date.parse(input.from) : -Infinity;
  const founded = Date.parse(thread.createdAt) + FOUNDING_WINDOW_MS;
  const known = new Set(input.messages.map((m) => m.id));

  const entries: Array<{ at: number; order: number; item: TimelineItem }> = [];
  input.messages.forEach((message, i) => {
    const previous = input.messages[i - 1];
    const mine = message.senderId === me;
    entries.push({
      at: Date.parse(message.createdAt),
      order: i,
      item: {
        kind: 'message',
        key: message.id,
        message,
        mine,
        read: mine && readAt !== null && readAt >= Date.parse(message.createdAt),
        showName: !mine && previous?.senderId !== message.senderId,
      },
    });
  });
  input.pending
    .filter((p) => !known.has(p.clientId))
    .forEach((pending, i) => entries.push({ at: Date.parse(pending.at), order: 1e6 + i, item: { kind: 'pending', key: pending.clientId, pending } }));
  for (const member of thread.members) {
    const changes: Array<['joined' | 'left', string | null]> = [
      ['joined', Date.parse(member.joinedAt) > founded ? member.joinedAt : null],
      ['left', member.leftAt],
    ];
    for (const [change, at] of changes) {
      if (at && Date.parse(at) >= from) entries.push({ at: Date.parse(at), order: -1, item: { kind: 'member', key: `${member.userId}-${change}`, member, change, at } });
    }
  }
  entries.sort((a, b) => a.at - b.at || a.order - b.order);

  const items: TimelineItem[] = [];
  let day: string | null = null;
  for (const { at, item } of entries) {
    const iso = new Date(at).toISOString();
    const key = dayKey(iso);
    if (key !== day) {
      items.push({ kind: 'day', key: `day-${key}`, at: iso });
      day = key;
    }
    items.push(item);
  }
  return items;
}
