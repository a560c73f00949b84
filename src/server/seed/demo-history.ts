import { getInstrument, scoreResponse } from '../../shared/instruments/index.js';
import type { Db } from '../db/client.js';
import {
  assessmentResponses,
  checkIns,
  copingPlanItems,
  goalSteps,
  goals,
  recoveryStarts,
  safetyPlans,
} from '../db/schema/index.js';

const DAY = 86_400_000;

/** A deterministic sequence, so the demo looks the same on every machine. */
function sequence(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
}

const isoDate = (t: number) => new Date(t).toISOString().slice(0, 10);

export interface DemoPerson {
  id: string;
  organizationId: string;
  peerWorkerId: string | null;
}

/**
 * Weeks of history for a demo participant: daily-ish check-ins with a craving that rose before
 * a hard day, a recovery start date, goals with steps, a craving plan, a safety plan and baseline
 * measures — so every screen has something true-looking to show.
 */
export async function seedParticipantHistory(tx: Db, person: DemoPerson, opts: { days: number; startDaysAgo: number; seed: number }) {
  const now = Date.now();
  const next = sequence(opts.seed);
  const rows = [];
  for (let d = opts.days; d >= 1; d--) {
    if (next() < 0.15) continue; // Some days pass without a check-in; that is life, not failure.
    const hardDay = d === 19;
    const craving = hardDay ? 8 : Math.max(0, Math.round(3 + 2 * Math.sin(d / 5) + next() * 2 - (opts.days - d) / 15));
    rows.push({
      organizationId: person.organizationId,
      participantId: person.id,
      mood: hardDay ? 2 : Math.min(5, Math.max(1, Math.round(3 + next() * 2 - craving / 5))),
      craving,
      usedSinceLast: hardDay ? ('yes' as const) : ('no' as const),
      triggers: hardDay ? ['stress', 'loneliness'] : next() < 0.3 ? ['tiredness'] : [],
      sleepHours: Math.round((5.5 + next() * 3) * 2) / 2,
      supportContact: next() < 0.6,
      note: d % 6 === 0 ? 'Grateful for the Tuesday group and a good talk with Jordan.' : null,
      private: d % 11 === 0,
      createdAt: new Date(now - d * DAY + 9 * 3_600_000),
    });
  }
  if (rows.length) await tx.insert(checkIns).values(rows);

  await tx.insert(recoveryStarts).values([
    { organizationId: person.organizationId, participantId: person.id, startDate: isoDate(now - (opts.startDaysAgo + 40) * DAY), note: 'First start', createdAt: new Date(now - (opts.startDaysAgo + 40) * DAY) },
    { organizationId: person.organizationId, participantId: person.id, startDate: isoDate(now - opts.startDaysAgo * DAY), note: 'Started again after a hard week', createdAt: new Date(now - opts.startDaysAgo * DAY) },
  ]);

  const [goal] = await tx
    .insert(goals)
    .values({
      organizationId: person.organizationId,
      participantId: person.id,
      domain: 'employment',
      title: 'Find steady work',
      why: 'A routine and my own money help me stay well.',
      targetDate: isoDate(now + 60 * DAY),
      createdBy: person.peerWorkerId,
    })
    .returning({ id: goals.id });
  await tx.insert(goalSteps).values([
    { organizationId: person.organizationId, goalId: goal!.id, title: 'Update my résumé with Jordan', position: 0, completedAt: new Date(now - 5 * DAY) },
    { organizationId: person.organizationId, goalId: goal!.id, title: 'Visit the job centre', position: 1, dueDate: isoDate(now + 7 * DAY) },
  ]);

  await tx.insert(copingPlanItems).values([
    { organizationId: person.organizationId, participantId: person.id, strategyId: 'box_breathing', position: 0 },
    { organizationId: person.organizationId, participantId: person.id, strategyId: 'reach_out', position: 1, personalNote: 'Call Jordan or my sister' },
    { organizationId: person.organizationId, participantId: person.id, strategyId: 'leave_the_situation', position: 2 },
  ]);

  await tx.insert(safetyPlans).values({
    organizationId: person.organizationId,
    participantId: person.id,
    warningSigns: ['Not sleeping', 'Skipping meals', 'Pulling away from people'],
    internalCoping: ['Box breathing', 'A walk by the river'],
    distractions: [{ name: 'The library on Main Street' }],
    helpContacts: [{ name: 'My sister Maria', phone: '555-0142' }],
    professionals: [{ name: 'Riverbend Recovery front desk', phone: '555-0100' }],
    environmentSafety: ['Keep no alcohol at home'],
    reasonsForLiving: ['My daughter', 'Getting back to painting'],
    updatedBy: person.peerWorkerId,
  });

  const baseline = [
    { id: 'barc10', answers: { 1: 4, 2: 3, 3: 4, 4: 3, 5: 4, 6: 3, 7: 4, 8: 4, 9: 3, 10: 4 }, daysAgo: 55 },
    { id: 'phq9', answers: { 1: 2, 2: 1, 3: 2, 4: 1, 5: 1, 6: 1, 7: 1, 8: 0, 9: 0 }, daysAgo: 55 },
    { id: 'gad7', answers: { 1: 2, 2: 1, 3: 1, 4: 1, 5: 0, 6: 1, 7: 1 }, daysAgo: 55 },
  ];
  for (const b of baseline) {
    const def = getInstrument(b.id)!;
    const answers = Object.fromEntries(Object.entries(b.answers).map(([k, v]) => [k, v]));
    const scored = scoreResponse(def, answers);
    await tx.insert(assessmentResponses).values({
      organizationId: person.organizationId,
      participantId: person.id,
      instrumentId: def.id,
      instrumentVersion: def.version,
      scoringVersion: scored.scoringVersion,
      answers,
      status: scored.status,
      scores: scored.scores,
      bands: scored.bands as Record<string, unknown>,
      flags: scored.flags,
      mode: 'peer',
      administeredBy: person.peerWorkerId,
      completedAt: new Date(now - b.daysAgo * DAY),
    });
  }
}
