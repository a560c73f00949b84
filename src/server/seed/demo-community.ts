import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { communityMembers, communityPosts, communityReactions, communityRoomPeople, communityRooms, communitySpaceMembers, communitySpaces, communityStories, peerGroups } from '../db/schema/index.js';
import type { DemoIds } from './demo.js';

const HOUR = 3_600_000;

/**
 * The Riverbend community: spaces for everyone, Spanish speakers, the reentry program and parents;
 * a welcome thread with a reply; a published recovery story. People appear by community names.
 * The safety rules are the defaults in code (version 0) until an admin saves their own.
 */
export async function seedCommunity(tx: Db, ids: DemoIds): Promise<void> {
  const org = ids.organizationId;
  const now = Date.now();
  const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);
  const names: Record<string, string> = {
    'peer@riverbend.example': 'PeerJordan',
    'peer.reentry@riverbend.example': 'MarcusAtReentry',
    'moderator@riverbend.example': 'ModeratorLee',
    'participant@riverbend.example': 'RiverStone',
  };
  const members: Record<string, string> = {};
  for (const [email, communityName] of Object.entries(names)) {
    const [row] = await tx
      .insert(communityMembers)
      .values({ organizationId: org, userId: ids.users[email]!, communityName, guidelinesAcceptedAt: at(80), onboardedAt: email === 'participant@riverbend.example' ? null : at(80), joinedAt: at(80) })
      .returning({ id: communityMembers.id });
    members[email] = row!.id;
  }
  const lee = ids.users['moderator@riverbend.example']!;
  const space = async (values: Omit<typeof communitySpaces.$inferInsert, 'organizationId'>) => {
    const [row] = await tx.insert(communitySpaces).values({ organizationId: org, ...values }).returning({ id: communitySpaces.id });
    await tx.insert(communitySpaceMembers).values({ spaceId: row!.id, userId: lee, organizationId: org, moderator: true });
    return row!.id;
  };
  const everyone = await space({
    audience: 'organization',
    name: 'Everyone at Riverbend',
    description: 'Share the day, ask for encouragement, celebrate wins. Open to everyone at Riverbend.',
    rules: 'Be kind. Share your own experience. No contact details or meet-ups. No offers of drugs, housing or treatment placements.',
  });
  await space({
    audience: 'organization',
    name: 'Hablemos en español',
    description: 'Un espacio en español para compartir la recuperación.',
    rules: 'Con respeto. Comparte tu propia experiencia. Nada de datos de contacto ni ofertas.',
    language: 'es',
  });
  await space({
    audience: 'program',
    programId: ids.programs.reentry,
    name: 'Reentry circle',
    description: 'For people coming home: housing, work, parole, and the days in between.',
    rules: 'What is shared here stays here. No contact details.',
  });
  const parents = await space({
    audience: 'group',
    name: 'Parents in recovery',
    description: 'Parenting while in recovery: custody, school runs, guilt, and joy.',
    rules: 'No names or photos of children. Be gentle with each other.',
  });
  await tx.insert(communitySpaceMembers).values({ spaceId: parents, userId: ids.users['participant@riverbend.example']!, organizationId: org });

  const [welcome] = await tx
    .insert(communityPosts)
    .values({
      organizationId: org,
      spaceId: everyone,
      authorId: members['peer@riverbend.example']!,
      title: 'Welcome — what helped you this week?',
      body: 'Hi everyone, I am Jordan, a peer worker here. Eleven years in recovery. What is one thing that helped you this week, however small?',
      status: 'published',
      createdAt: at(30),
    })
    .returning({ id: communityPosts.id });
  await tx.update(communityPosts).set({ threadId: welcome!.id }).where(eqId(welcome!.id));
  await tx.insert(communityPosts).values({
    organizationId: org,
    spaceId: everyone,
    threadId: welcome!.id,
    authorId: members['participant@riverbend.example']!,
    body: 'Going to the Monday group even when I did not feel like it. Walking there helped too.',
    status: 'published',
    createdAt: at(20),
  });
  await tx.insert(communityReactions).values({ postId: welcome!.id, memberId: members['participant@riverbend.example']!, kind: 'thank_you', organizationId: org });
  await tx.insert(communityStories).values({
    organizationId: org,
    authorId: members['peer.reentry@riverbend.example']!,
    title: 'Eight years out, and still learning',
    body: 'When I came home I had a bus pass and a phone number for a peer worker. That call changed everything. I still go to meetings; I still call my sponsor. Recovery happens, one ordinary day at a time.',
    contentNotes: ['incarceration', 'relapse'],
    status: 'published',
    publishedAt: at(48),
    reviewedBy: lee,
    createdAt: at(50),
  });
  // A scheduled live room linked to the relapse prevention group: its people join it from the group's page.
  const [group] = await tx.select({ id: peerGroups.id }).from(peerGroups).where(and(eq(peerGroups.organizationId, org), eq(peerGroups.topic, 'Relapse prevention')));
  const [room] = await tx
    .insert(communityRooms)
    .values({
      organizationId: org,
      groupId: group?.id ?? null,
      hostId: members['peer@riverbend.example']!,
      topic: 'Relapse prevention: between-sessions check-in',
      rules: 'One voice at a time. What is said here stays here. No contact details.',
      startsAt: new Date(now + 26 * HOUR),
      capacity: 12,
    })
    .returning({ id: communityRooms.id });
  await tx.insert(communityRoomPeople).values({ roomId: room!.id, memberId: members['peer@riverbend.example']!, organizationId: org });
}

const eqId = (id: string) => eq(communityPosts.id, id);
