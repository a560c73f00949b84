import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { AttendanceStatus, WeekdayCode } from '../../shared/groups/vocabulary.js';
import { weekdayCodes } from '../../shared/groups/vocabulary.js';
import type { Db } from '../db/client.js';
import {
  meetingAttendance,
  meetings,
  meetingSaves,
  participants,
  peerGroupAttendance,
  peerGroupEnrolments,
  peerGroupFacilitators,
  peerGroups,
  peerGroupSessions,
} from '../db/schema/index.js';
import { importMeetingFeed } from '../modules/meetings/import-meetings.js';
import { ruleOf } from '../modules/groups/recurrence.js';
import { instantOf } from '../modules/groups/wall-clock.js';
import c4rMeetings from './data/c4r-pdf-fixture-meetings.json';
import type { DemoIds } from './demo.js';

const TZ = 'America/Chicago';

/** A few online meetings beside the Code for Recovery fixture; a day list becomes one meeting per day. */
const onlineMeetings = [
  {
    slug: 'riverbend-online-morning',
    name: 'Morning Online Reflections',
    day: [0, 1, 2, 3, 4, 5, 6],
    time: '07:00',
    end_time: '08:00',
    types: ['O', 'D', 'DR'],
    formatted_address: 'Chicago, IL, USA',
    conference_url: 'https://zoom.us/j/5550100123',
    conference_url_notes: 'Passcode: serenity',
    notes: 'Cameras optional. Newcomers welcome; stay after for questions.',
    regions: ['Online'],
  },
  {
    slug: 'riverbend-online-evening',
    name: 'Evening Online Big Book',
    day: [1, 3, 5],
    time: '19:30',
    types: ['O', 'B'],
    formatted_address: 'Chicago, IL, USA',
    conference_url: 'https://meet.google.com/abc-defg-hij',
    regions: ['Online'],
  },
  {
    slug: 'riverbend-smart-hybrid',
    name: 'SMART Recovery at the Riverside Center',
    day: 4,
    time: '18:00',
    end_time: '19:30',
    types: ['O', 'A', 'X'],
    formatted_address: '210 River St, Springfield, IL 62701, USA',
    latitude: 39.7995,
    longitude: -89.6437,
    location: 'Riverside Center',
    location_notes: 'Room 3, up the ramp at the side entrance.',
    conference_url: 'https://meet.jit.si/riverbend-smart',
    notes: 'A secular, science-based meeting. Tools handout at the door.',
  },
];

interface DemoGroup {
  program: 'community' | 'reentry';
  facilitator: string;
  topic: string;
  description: string;
  mode: 'in_person' | 'online' | 'hybrid';
  place: string | null;
  onlineUrl: string | null;
  capacity: number | null;
  weekday: WeekdayCode;
  startTime: string;
  weeksBack: number;
  members: string[];
  topics: string[][];
}

/** Who came, week by week (oldest first): mostly there, now and then away, never perfect on purpose. */
const pattern: AttendanceStatus[] = ['present', 'present', 'absent', 'present', 'excused', 'present', 'present', 'present'];

export async function seedGroupsAndMeetings(tx: Db, ids: DemoIds): Promise<void> {
  const now = DateTime.now().setZone(TZ);
  const today = now.toISODate()!;
  const todayCode = weekdayCodes[now.weekday % 7]!;
  const groups: DemoGroup[] = [
    {
      program: 'community',
      facilitator: 'peer@riverbend.example',
      topic: 'Relapse prevention',
      description: 'Spotting high-risk moments early and planning what to do instead. Coffee from 5:45.',
      mode: 'in_person',
      place: 'Riverside Center, room 2',
      onlineUrl: null,
      capacity: 12,
      // The weekly session falls on today's weekday, so there is a session tonight to take attendance for.
      weekday: todayCode,
      startTime: '18:00',
      weeksBack: 6,
      members: ['Alex Moreno', 'Chris Palmer'],
      topics: [['Triggers at home'], ['Urge surfing'], ['Holidays and family'], ['Saying no'], ['Sleep and stress'], ['Planning the week']],
    },
    {
      program: 'reentry',
      facilitator: 'peer.reentry@riverbend.example',
      topic: 'Thinking for a change: triggers and cravings',
      description: 'A weekly group in Unit B. Residents take part without a login; attendance counts toward their reentry plan.',
      mode: 'in_person',
      place: 'Unit B classroom',
      onlineUrl: null,
      capacity: 10,
      weekday: weekdayCodes[(now.weekday + 1) % 7]!,
      startTime: '10:00',
      weeksBack: 4,
      members: ['Dana Whitfield', 'Luis Ortega'],
      topics: [['What a trigger is'], ['People, places, things'], ['Cravings pass'], ['Release day plans']],
    },
  ];

  for (const g of groups) {
    const programId = ids.programs[g.program];
    const startsOn = now.minus({ weeks: g.weeksBack }).toISODate()!;
    const [row] = await tx
      .insert(peerGroups)
      .values({
        organizationId: ids.organizationId,
        programId,
        topic: g.topic,
        description: g.description,
        mode: g.mode,
        place: g.place,
        onlineUrl: g.onlineUrl,
        capacity: g.capacity,
        rrule: ruleOf({ frequency: 'weekly', interval: 1, weekdays: [g.weekday] }),
        startsOn,
        startTime: g.startTime,
        durationMinutes: 90,
        createdBy: ids.users[g.facilitator]!,
      })
      .returning({ id: peerGroups.id });
    const groupId = row!.id;
    await tx.insert(peerGroupFacilitators).values({ groupId, userId: ids.users[g.facilitator]!, organizationId: ids.organizationId });
    for (const name of g.members) {
      await tx.insert(peerGroupEnrolments).values({
        organizationId: ids.organizationId,
        groupId,
        participantId: ids.participants[name]!,
        enrolledBy: ids.users[g.facilitator]!,
        enrolledAt: now.minus({ weeks: g.weeksBack, days: 1 }).toJSDate(),
      });
    }
    // Past sessions with topics covered and attendance taken (today's is left for the facilitator).
    const weekdayIndex = weekdayCodes.indexOf(g.weekday);
    let date = DateTime.fromISO(startsOn, { zone: TZ });
    while (date.weekday % 7 !== weekdayIndex) date = date.plus({ days: 1 });
    for (let week = 0; date.toISODate()! < today; week++, date = date.plus({ weeks: 1 })) {
      const occursOn = date.toISODate()!;
      const [session] = await tx
        .insert(peerGroupSessions)
        .values({
          organizationId: ids.organizationId,
          groupId,
          occursOn,
          startsAt: instantOf(occursOn, g.startTime, TZ),
          durationMinutes: 90,
          topics: g.topics[week % g.topics.length]!,
          updatedBy: ids.users[g.facilitator]!,
        })
        .returning({ id: peerGroupSessions.id });
      await tx.insert(peerGroupAttendance).values(
        g.members.map((name, i) => ({
          organizationId: ids.organizationId,
          sessionId: session!.id,
          participantId: ids.participants[name]!,
          status: pattern[(week + i * 3) % pattern.length]!,
          recordedBy: ids.users[g.facilitator]!,
          recordedAt: instantOf(occursOn, '20:00', TZ),
        })),
      );
    }
  }

  // A resident who walked in to the Unit B group once and has no login or peer worker yet.
  await tx.insert(participants).values({ organizationId: ids.organizationId, programId: ids.programs.reentry, preferredName: 'Jesse Moore', pronouns: 'he/him' });

  const ctx = { actor: null, requestId: 'demo-seed', ip: null, db: tx };
  await importMeetingFeed(ctx, ids.organizationId, c4rMeetings, { source: 'code4recovery/pdf tests/Fixtures/meetings.json' });
  await importMeetingFeed(ctx, ids.organizationId, onlineMeetings, { source: 'demo' });

  // Alex keeps two meetings on the list and logged a few.
  const alex = ids.participants['Alex Moreno']!;
  const alexUser = ids.users['participant@riverbend.example']!;
  const mine = await tx.select({ id: meetings.id, slug: meetings.slug }).from(meetings).where(eq(meetings.organizationId, ids.organizationId));
  const bySlug = new Map(mine.map((m) => [m.slug, m.id]));
  for (const slug of ['riverbend-smart-hybrid', 'riverbend-online-evening-3']) {
    await tx.insert(meetingSaves).values({ userId: alexUser, meetingId: bySlug.get(slug)!, organizationId: ids.organizationId });
  }
  for (const daysAgo of [2, 9, 16]) {
    await tx.insert(meetingAttendance).values({
      organizationId: ids.organizationId,
      participantId: alex,
      meetingId: bySlug.get('riverbend-smart-hybrid')!,
      attendedOn: now.minus({ days: daysAgo }).toISODate()!,
    });
  }
}
