import { asc, desc, eq } from 'drizzle-orm';
import {
  customMilestoneKey,
  localDate,
  milestoneProgress,
  standardMilestoneKey,
  type CalendarDate,
  type StandardMilestone,
} from '../../../shared/milestones.js';
import type { Milestone, Milestones } from '../../../shared/schemas/milestones.js';
import { customMilestones, milestoneCelebrations, participants, programs, recoveryStarts } from '../../db/schema/index.js';
import { anyAllows, type Relationship } from '../../platform/access.js';
import type { RequestContext } from '../../platform/context.js';

/** The participant's counting choice and their program's time zone. */
export async function participantClock(ctx: RequestContext, participantId: string) {
  const [row] = await ctx.db
    .select({ countsDays: participants.countsDays, timeZone: programs.timeZone })
    .from(participants)
    .innerJoin(programs, eq(programs.id, participants.programId))
    .where(eq(participants.id, participantId));
  return row!;
}

function standard(start: CalendarDate, m: StandardMilestone, today: CalendarDate, celebrated: Set<string>): Milestone {
  const key = standardMilestoneKey(start, m);
  return { key, kind: 'standard', unit: m.unit, amount: m.amount, label: null, date: m.date, reached: m.date <= today, celebrated: celebrated.has(key) };
}

/**
 * Days, milestones and what to celebrate, computed from the stored start dates on the program's
 * calendar. No access check here: the use cases ask the policy first and pass the relationships.
 */
export async function milestonesView(ctx: RequestContext, participantId: string, rels: readonly Relationship[], now = new Date()): Promise<Milestones> {
  const clock = await participantClock(ctx, participantId);
  const [starts, customs, celebrations] = await Promise.all([
    ctx.db
      .select()
      .from(recoveryStarts)
      .where(eq(recoveryStarts.participantId, participantId))
      .orderBy(desc(recoveryStarts.createdAt), desc(recoveryStarts.id)),
    ctx.db.select().from(customMilestones).where(eq(customMilestones.participantId, participantId)).orderBy(asc(customMilestones.date)),
    ctx.db.select({ key: milestoneCelebrations.milestoneKey }).from(milestoneCelebrations).where(eq(milestoneCelebrations.participantId, participantId)),
  ]);
  const celebrated = new Set(celebrations.map((c) => c.key));
  const today = localDate(now, clock.timeZone);
  // A note about a start date is the participant's own words to themself.
  const self = rels.includes('self');
  const history = starts.map((s) => ({ startDate: s.startDate, note: self ? s.note : null, setAt: s.createdAt.toISOString() }));
  const current = clock.countsDays ? (history[0] ?? null) : null;
  const progress = current ? milestoneProgress(current.startDate, today) : null;
  const custom: Milestone[] = customs.map((c) => {
    const key = customMilestoneKey(c.id);
    return { key, kind: 'custom', unit: null, amount: null, label: c.label, date: c.date, reached: c.date <= today, celebrated: celebrated.has(key) };
  });
  const reached = progress && current ? progress.reached.map((m) => standard(current.startDate, m, today, celebrated)) : [];
  const last = reached.at(-1) ?? null;
  return {
    participantId,
    countsDays: clock.countsDays,
    timeZone: clock.timeZone,
    today,
    // Without counting, no start date is shown either: the counter is off, not hidden behind a click.
    recoveryStart: current,
    startHistory: clock.countsDays ? history : [],
    days: progress?.days ?? null,
    last,
    next: progress && current ? standard(current.startDate, progress.next, today, celebrated) : null,
    reached,
    custom,
    // Only the newest reached milestone is offered: older ones are not brought back after it.
    celebrate: self ? newestIfUncelebrated([last, ...custom.filter((c) => c.reached)]) : null,
    can: { write: anyAllows(rels, 'milestones', 'write') },
  };
}

function newestIfUncelebrated(candidates: Array<Milestone | null>): Milestone | null {
  let newest: Milestone | null = null;
  for (const m of candidates) if (m && (!newest || m.date > newest.date)) newest = m;
  return newest && !newest.celebrated ? newest : null;
}
