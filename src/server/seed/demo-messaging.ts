import type { Db } from '../db/client.js';
import { messages, messageThreads, threadMembers } from '../db/schema/index.js';
import type { DemoIds } from './demo.js';

const HOUR = 3_600_000;

/**
 * A few days of Jordan Ellis and Alex Moreno writing to each other: ordinary, warm, nothing in
 * crisis. Alex's last two messages wait unread for Jordan.
 */
const conversation: Array<{ from: 'jordan' | 'alex'; hoursAgo: number; body: string }> = [
  { from: 'jordan', hoursAgo: 74, body: 'Hi Alex, it was good to see you at group on Monday. How are you feeling about the interview on Thursday?' },
  { from: 'alex', hoursAgo: 73, body: 'Nervous, honestly. I have not had a real interview in years.' },
  { from: 'jordan', hoursAgo: 72.5, body: 'That makes sense. Want to practise a couple of questions on Wednesday? I remember how much that helped me before my first one.' },
  { from: 'alex', hoursAgo: 72, body: 'Yes please. Wednesday after 3 works.' },
  { from: 'jordan', hoursAgo: 50, body: 'Great practice today. You tell the story of the last year really well. Bring that to the interview.' },
  { from: 'alex', hoursAgo: 49, body: 'Thanks Jordan. I wrote down the three things you said.' },
  { from: 'jordan', hoursAgo: 26, body: 'Good luck today! Whatever happens, showing up is the win.' },
  { from: 'alex', hoursAgo: 3, body: 'It went well I think! They said they will call by Friday.' },
  { from: 'alex', hoursAgo: 2.5, body: 'Also, could we meet for coffee next week instead of the phone call? I would like to talk about the housing list.' },
];

export async function seedMessaging(tx: Db, ids: DemoIds): Promise<void> {
  const jordan = ids.users['peer@riverbend.example']!;
  const alex = ids.users['participant@riverbend.example']!;
  const participantId = ids.participants['Alex Moreno']!;
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  const first = at(conversation[0]!.hoursAgo + 1);
  const last = conversation[conversation.length - 1]!;

  const [thread] = await tx
    .insert(messageThreads)
    .values({ organizationId: ids.organizationId, participantId, createdAt: first, lastMessageAt: at(last.hoursAgo) })
    .returning({ id: messageThreads.id });
  const threadId = thread!.id;
  await tx.insert(messages).values(
    conversation.map((m) => ({
      organizationId: ids.organizationId,
      threadId,
      senderId: m.from === 'jordan' ? jordan : alex,
      body: m.body,
      createdAt: at(m.hoursAgo),
    })),
  );
  const lastFrom = (who: 'jordan' | 'alex') => at(conversation.filter((m) => m.from === who).at(-1)!.hoursAgo);
  await tx.insert(threadMembers).values([
    // Jordan read up to their own last message; Alex's two since are new to them.
    { threadId, userId: jordan, joinedAt: first, lastReadAt: lastFrom('jordan') },
    { threadId, userId: alex, joinedAt: first, lastReadAt: lastFrom('alex') },
  ]);
}
