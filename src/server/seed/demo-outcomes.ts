import { eq } from 'drizzle-orm';
import { getInstrument, scoreResponse } from '../../shared/instruments/index.js';
import type { Db } from '../db/client.js';
import {
  assessmentResponses,
  auditEvents,
  checkIns,
  contactNotes,
  meetingAttendance,
  meetings,
  participants,
  peerAssignments,
  recoveryStarts,
} from '../db/schema/index.js';
import type { DemoIds } from './demo.js';

const DAY = 86_400_000;
/** Past participants of Community Recovery Support: enough that the report shows figures, not only "withheld". */
const PAST_PARTICIPANTS = 40;

const firstNames = ['Avery', 'Blake', 'Cameron', 'Devon', 'Emerson', 'Finley', 'Harper', 'Jamie', 'Kendall', 'Logan', 'Morgan', 'Noel', 'Parker', 'Quinn', 'Reese', 'Rowan', 'Sage', 'Skyler', 'Tatum', 'Winter'];
const lastInitials = ['A.', 'B.', 'C.', 'D.', 'E.', 'F.', 'G.', 'H.'];

/** A deterministic sequence, so the demo report is the same on every machine. */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

/** Demographics spread so that some groups hold 11 or more people (shown) and some fewer (withheld). */
function demographicsOf(i: number) {
  const race = i % 20 < 8 ? ['white'] : i % 20 < 14 ? ['black_african_american'] : i % 20 < 18 ? ['hispanic_latino'] : i % 20 === 18 ? ['white', 'american_indian_alaska_native'] : undefined;
  const gender = i % 20 < 9 ? 'woman' : i % 20 < 17 ? 'man' : i % 20 < 19 ? 'non_binary' : undefined;
  const age = i % 8 === 0 ? '18_24' : i % 8 < 4 ? '25_34' : i % 8 < 7 ? '35_44' : '45_54';
  const income = i % 3 === 0 ? 'under_15000' : i % 3 === 1 ? '15000_29999' : '30000_49999';
  const justice = i % 4 === 0 ? 'past' : 'none';
  return { ...(race ? { raceEthnicity: race } : {}), ...(gender ? { genderIdentity: gender } : {}), ageRange: age, incomeRange: income, justiceInvolved: justice };
}

function scored(instrumentId: string, answers: Record<string, number>) {
  const def = getInstrument(instrumentId)!;
  const s = scoreResponse(def, answers);
  return { instrumentId: def.id, instrumentVersion: def.version, scoringVersion: s.scoringVersion, answers, status: s.status, scores: s.scores, bands: s.bands as Record<string, unknown>, flags: s.flags };
}

/**
 * People who took part in the Community program over the last months and were discharged a few days
 * ago (so they are on nobody's caseload and in no matching list): contacts, weekly check-ins, first and
 * latest BARC-10 and PHQ-9, recovery start dates and logged mutual-aid meetings. Batched: a few inserts.
 */
export async function seedOutcomesHistory(tx: Db, ids: DemoIds) {
  const now = Date.now();
  const next = sequence(2026);
  const org = ids.organizationId;
  const jordan = ids.users['peer@riverbend.example']!;
  const people = Array.from({ length: PAST_PARTICIPANTS }, (_, i) => {
    const enrolledDaysAgo = 45 + ((i * 37) % 130);
    const dischargedDaysAgo = 2 + (i % 9);
    return { i, enrolledAt: new Date(now - enrolledDaysAgo * DAY), dischargedAt: new Date(now - dischargedDaysAgo * DAY), days: enrolledDaysAgo - dischargedDaysAgo };
  });
  const rows = await tx
    .insert(participants)
    .values(
      people.map((p) => ({
        organizationId: org,
        programId: ids.programs.community,
        preferredName: `${firstNames[p.i % firstNames.length]} ${lastInitials[Math.floor(p.i / firstNames.length) % lastInitials.length]}`,
        preferredLanguage: p.i % 20 >= 14 && p.i % 20 < 17 ? 'es' : 'en',
        demographics: demographicsOf(p.i),
        enrolledAt: p.enrolledAt,
        status: 'discharged' as const,
        dischargedAt: p.dischargedAt,
        dischargeReason: 'Completed the program',
      })),
    )
    .returning({ id: participants.id });
  const withIds = people.map((p, k) => ({ ...p, id: rows[k]!.id }));
  // Daytime on the program's clock (15:00 UTC is morning in Chicago), whatever the hour the demo is seeded.
  const at = (p: (typeof withIds)[number], day: number, hour = 15) => new Date(Math.floor(p.enrolledAt.getTime() / DAY) * DAY + day * DAY + hour * 3_600_000);

  await tx.insert(auditEvents).values(
    withIds.map((p) => ({ organizationId: org, action: 'participant.create' as const, participantId: p.id, resourceType: 'participant', resourceId: p.id, outcome: 'allowed' as const, details: { source: 'demo seed' } })),
  );
  await tx
    .insert(peerAssignments)
    .values(withIds.map((p) => ({ organizationId: org, participantId: p.id, peerWorkerId: jordan, reason: 'enrolment', startedAt: p.enrolledAt, endedAt: p.dischargedAt })));

  // Contacts: most people are reached within days; some monthly after.
  const notes = withIds.flatMap((p) => {
    if (p.i % 7 === 6) return [];
    const first = 1 + Math.floor(next() * 9);
    return [first, first + 30, first + 60]
      .filter((d) => d < p.days)
      .map((d, k) => ({
        organizationId: org,
        participantId: p.id,
        authorId: jordan,
        contactType: k === 0 ? ('in_person' as const) : next() < 0.5 ? ('phone' as const) : ('text' as const),
        occurredAt: at(p, d),
        durationMinutes: 20 + Math.floor(next() * 40),
        summary: k === 0 ? 'Welcome meeting; talked about goals and supports.' : 'Check-in call; plans for the coming weeks.',
      }));
  });
  if (notes.length) await tx.insert(contactNotes).values(notes);

  // Weekly check-ins while engaged; use reported early on by some, less later.
  const checkInRows = withIds.flatMap((p) => {
    const weeks = p.i % 5 === 4 ? 2 : Math.min(Math.floor(p.days / 7), 6 + Math.floor(next() * 14));
    const usedEarly = p.i % 5 < 2;
    return Array.from({ length: weeks }, (_, w) => {
      const used = w === 0 ? usedEarly : w === weeks - 1 ? p.i % 10 === 0 : next() < (usedEarly ? 0.25 : 0.08);
      return {
        organizationId: org,
        participantId: p.id,
        mood: 2 + Math.floor(next() * 4),
        craving: Math.max(0, Math.round(6 - w / 2 + next() * 2)),
        usedSinceLast: used ? ('yes' as const) : ('no' as const),
        private: w % 9 === 8,
        createdAt: at(p, 1 + w * 7, 14),
      };
    });
  });
  if (checkInRows.length) await tx.insert(checkIns).values(checkInRows);

  // BARC-10 (agreement 1–6) and PHQ-9 (0–3): a first measure in the first week, the latest before discharge.
  const barc = (base: number) => Object.fromEntries(Array.from({ length: 10 }, (_, k) => [String(k + 1), Math.min(6, Math.max(1, base + (next() < 0.5 ? 0 : 1)))]));
  const phq = (base: number) => Object.fromEntries(Array.from({ length: 9 }, (_, k) => [String(k + 1), Math.min(3, Math.max(0, base + (k % 3 === 0 && next() < 0.5 ? 1 : 0)))]));
  const responses = withIds.flatMap((p) => {
    const out = [];
    const late = Math.max(14, p.days - 5);
    if (p.i % 10 < 8) {
      out.push({ ...scored('barc10', barc(3)), completedAt: at(p, 3) });
      if (p.days > 30) out.push({ ...scored('barc10', barc(p.i % 6 === 5 || p.i % 4 === 1 ? 3 : 4)), completedAt: at(p, late) });
    }
    if (p.i % 10 < 7) {
      out.push({ ...scored('phq9', phq(2)), completedAt: at(p, 3) });
      if (p.days > 30) out.push({ ...scored('phq9', phq(p.i % 4 === 3 ? 2 : 1)), completedAt: at(p, late) });
    }
    return out.map((r) => ({ ...r, organizationId: org, participantId: p.id, mode: 'peer' as const, administeredBy: jordan }));
  });
  if (responses.length) await tx.insert(assessmentResponses).values(responses);

  const starts = withIds
    .filter((p) => p.i % 3 !== 2)
    .map((p) => {
      const d = Math.min(p.days, 5 + (p.i % 11));
      return { organizationId: org, participantId: p.id, startDate: at(p, d).toISOString().slice(0, 10), createdAt: at(p, d) };
    });
  if (starts.length) await tx.insert(recoveryStarts).values(starts);

  // Mutual-aid meetings some people logged from the meeting finder.
  const [meeting] = await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.organizationId, org)).limit(1);
  if (meeting) {
    const logged = withIds
      .filter((p) => p.i % 3 === 0)
      .flatMap((p) => [10, 24, 38].filter((d) => d < p.days).map((d) => ({ organizationId: org, participantId: p.id, meetingId: meeting.id, attendedOn: at(p, d).toISOString().slice(0, 10) })));
    if (logged.length) await tx.insert(meetingAttendance).values(logged).onConflictDoNothing();
  }
}
