import type { Db } from '../../src/server/db/client.js';
import {
  alerts,
  assessmentResponses,
  checkIns,
  contactNotes,
  meetingAttendance,
  meetings,
  participants,
  peerAssignments,
  peerGroupAttendance,
  peerGroups,
  peerGroupSessions,
  recoveryStarts,
  referrals,
  resourceServices,
} from '../../src/server/db/schema/index.js';
import type { World } from './factories.js';

/**
 * Forty participants of program A with a hand-made history for the period 2026-04-01 – 2026-09-30
 * (America/Chicago, all of it daylight time: local midnight is 05:00Z, so the period is exactly
 * 183 days). p0–p29 enrol on 2026-04-01, p30–p39 on 2025-10-01; p29 is discharged on 2026-05-01.
 * Two more people sit outside the period (discharged before it, enrolled after it) and must not count.
 * The expected figures, with their arithmetic, are in test/api/outcomes.test.ts.
 */
export const PERIOD = { from: '2026-04-01', to: '2026-09-30' };
const day = (iso: string, hourUtc = 15) => new Date(`${iso}T${String(hourUtc).padStart(2, '0')}:00:00Z`);
const plusDays = (d: Date, n: number, hours = 0) => new Date(d.getTime() + n * 86_400_000 + hours * 3_600_000);

export function genderOf(i: number) {
  return i < 18 ? 'woman' : i < 33 ? 'man' : i < 37 ? 'non_binary' : undefined;
}
export function ageOf(i: number) {
  return i < 20 ? '25_34' : i < 32 ? '35_44' : '45_54';
}

export async function seedOutcomesFixture(db: Db, w: World) {
  const org = w.org.id;
  const programId = w.programA.id;
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) {
    const gender = genderOf(i);
    const [p] = await db
      .insert(participants)
      .values({
        organizationId: org,
        programId,
        preferredName: `Fixture Person ${i}`,
        preferredLanguage: i < 29 ? 'en' : 'es',
        demographics: { ageRange: ageOf(i), ...(gender ? { genderIdentity: gender } : {}) },
        enrolledAt: i < 30 ? day('2026-04-01', 5) : day('2025-10-01', 5),
        ...(i === 29 ? { status: 'discharged' as const, dischargedAt: day('2026-05-01', 5) } : {}),
      })
      .returning({ id: participants.id });
    ids.push(p!.id);
    await db.insert(peerAssignments).values({ organizationId: org, participantId: p!.id, peerWorkerId: i < 20 ? w.users.peerA.id : w.users.peerA2.id, startedAt: day('2025-09-01') });
  }
  // Outside the period: must change nothing.
  const [gone] = await db
    .insert(participants)
    .values({ organizationId: org, programId, preferredName: 'Left Before', enrolledAt: day('2025-06-01', 5), status: 'discharged', dischargedAt: day('2026-03-01', 5) })
    .returning({ id: participants.id });
  const [later] = await db.insert(participants).values({ organizationId: org, programId, preferredName: 'Came Later', enrolledAt: day('2026-10-15', 5) }).returning({ id: participants.id });
  for (const outsider of [gone!.id, later!.id]) {
    await db.insert(checkIns).values({ organizationId: org, participantId: outsider, mood: 3, craving: 2, usedSinceLast: 'yes', createdAt: day('2026-05-05') });
  }

  const enrolled = day('2026-04-01', 5);
  const contact = (i: number, type: 'phone' | 'in_person', at: Date) => ({
    organizationId: org,
    participantId: ids[i]!,
    authorId: w.users.peerA.id,
    contactType: type,
    occurredAt: at,
    durationMinutes: 20,
    summary: 'Fixture contact',
  });
  await db.insert(contactNotes).values([
    ...range(0, 12).map((i) => contact(i, 'phone', plusDays(enrolled, 2, 10))),
    ...range(12, 24).map((i) => contact(i, 'in_person', plusDays(enrolled, 10, 10))),
    ...range(30, 35).map((i) => contact(i, 'phone', day('2026-05-01'))),
  ]);

  const checkIn = (i: number, at: Date, used: 'yes' | 'no' | 'prefer_not_to_say', priv = false) => ({
    organizationId: org,
    participantId: ids[i]!,
    mood: 3,
    craving: 2,
    usedSinceLast: used,
    private: priv,
    createdAt: at,
  });
  await db.insert(checkIns).values([
    ...range(0, 15).map((i) => checkIn(i, plusDays(enrolled, 70, 10), i < 5 ? 'prefer_not_to_say' : 'no')),
    checkIn(29, day('2026-04-08'), 'yes'),
    checkIn(29, day('2026-04-15'), 'yes'),
    // Thirteen Mondays from 2026-04-06; p31's are private and still count (as numbers only).
    ...range(30, 36).flatMap((i) => range(0, 13).map((wk) => checkIn(i, plusDays(day('2026-04-06'), wk * 7), i === 30 ? 'yes' : 'no', i === 31))),
    // First answers for the paired reported-use measure: p5–p9 yes, p10–p14 no, two days after enrolment;
    // before the period (first ever), p30–p33 and p36–p39 yes, p34–p35 no.
    ...range(5, 15).map((i) => checkIn(i, plusDays(enrolled, 2, 12), i < 10 ? 'yes' : 'no')),
    ...[...range(30, 34), ...range(36, 40)].map((i) => checkIn(i, day('2026-03-02'), 'yes')),
    ...range(34, 36).map((i) => checkIn(i, day('2026-03-02'), 'no')),
  ]);

  // Mutual-aid meetings logged by p36–p39 (nothing else of theirs happens in the period).
  const [meeting] = await db
    .insert(meetings)
    .values({ organizationId: org, slug: 'fixture-meeting', name: 'Fixture meeting', attendanceMode: 'in_person', searchText: 'fixture meeting', record: { name: 'Fixture meeting', slug: 'fixture-meeting' }, contentHash: 'fixture' })
    .returning({ id: meetings.id });
  await db.insert(meetingAttendance).values(range(36, 40).map((i) => ({ organizationId: org, participantId: ids[i]!, meetingId: meeting!.id, attendedOn: '2026-07-15' })));

  const [group] = await db
    .insert(peerGroups)
    .values({ organizationId: org, programId, topic: 'Relapse prevention', mode: 'in_person', rrule: 'FREQ=WEEKLY;BYDAY=TH', startsOn: '2026-04-02', startTime: '10:00', durationMinutes: 60 })
    .returning({ id: peerGroups.id });
  const [session] = await db
    .insert(peerGroupSessions)
    .values({ organizationId: org, groupId: group!.id, occursOn: '2026-09-10', startsAt: day('2026-09-10'), durationMinutes: 60 })
    .returning({ id: peerGroupSessions.id });
  await db.insert(peerGroupAttendance).values(
    range(0, 16).map((i) => ({ organizationId: org, sessionId: session!.id, participantId: ids[i]!, status: i < 10 ? ('present' as const) : i < 15 ? ('absent' as const) : ('excused' as const) })),
  );

  const response = (i: number, instrumentId: string, scores: Record<string, number>, at: Date) => ({
    organizationId: org,
    participantId: ids[i]!,
    instrumentId,
    instrumentVersion: '1',
    scoringVersion: '1',
    answers: {},
    status: 'complete' as const,
    scores,
    mode: 'self' as const,
    completedAt: at,
  });
  const barcLatest = (i: number) => (i < 9 ? 48 : i === 9 ? 46 : i < 12 ? 40 : 36);
  const phqLatest = (i: number) => (i < 6 ? 8 : i < 9 ? 15 : 20);
  await db.insert(assessmentResponses).values([
    ...range(0, 15).map((i) => response(i, 'barc10', { total: 40 }, day('2026-04-02'))),
    ...range(0, 14).map((i) => response(i, 'barc10', { total: barcLatest(i) }, day('2026-09-01'))),
    ...range(0, 12).map((i) => response(i, 'phq9', { total: 16 }, day('2026-04-02'))),
    ...range(0, 12).map((i) => response(i, 'phq9', { total: phqLatest(i) }, day('2026-09-01'))),
    ...range(0, 5).map((i) => response(i, 'bam', { use: 6 }, day('2026-04-02'))),
    ...range(0, 5).map((i) => response(i, 'bam', { use: 2 }, day('2026-09-01'))),
  ]);

  const start = (i: number, date: string) => ({ organizationId: org, participantId: ids[i]!, startDate: date, createdAt: day(date) });
  await db.insert(recoveryStarts).values([
    ...range(30, 36).map((i) => start(i, '2026-06-01')),
    ...range(36, 40).map((i) => start(i, '2026-08-01')),
    ...range(0, 2).map((i) => start(i, '2026-09-20')),
  ]);

  await db.insert(resourceServices).values({ organizationId: org, id: 'svc-fixture', name: 'Fixture service', status: 'active' });
  const referral = (i: number, category: string, status: 'completed' | 'closed_unmet', days: number) => ({
    organizationId: org,
    participantId: ids[i]!,
    serviceId: 'svc-fixture',
    serviceName: 'Fixture service',
    category,
    need: 'Fixture need',
    status,
    createdBy: w.users.peerA.id,
    createdAt: day('2026-05-01', 5),
    closedAt: plusDays(day('2026-05-01', 5), days, 3),
  });
  await db.insert(referrals).values([
    ...range(0, 11).map((i) => referral(i, 'employment', 'completed', 7)),
    ...range(11, 19).map((i) => referral(i, 'housing', 'completed', 14)),
    ...range(19, 22).map((i) => referral(i, 'food', 'completed', 3)),
    ...range(22, 26).map((i) => referral(i, 'housing', 'closed_unmet', 20)),
    ...range(26, 28).map((i) => referral(i, 'employment', 'closed_unmet', 20)),
  ]);

  const alert = (i: number, ackMinutes: number) => ({
    organizationId: org,
    programId,
    participantId: ids[i]!,
    kind: 'reported_use' as const,
    severity: 'high' as const,
    reason: 'Fixture alert',
    createdAt: day('2026-06-01'),
    acknowledgedAt: new Date(day('2026-06-01').getTime() + ackMinutes * 60_000),
  });
  await db.insert(alerts).values([alert(0, 10), alert(1, 20), alert(2, 25), alert(3, 45)]);
  return { ids };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
