import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { ICalEventRepeatingFreq, ICalEventStatus, type ICalCalendar, type ICalWeekday } from 'ical-generator';
import { DateTime } from 'luxon';
import { weekdayCodes } from '../../../shared/groups/vocabulary.js';
import { attendanceOf } from '../../../shared/meetings/attendance-mode.js';
import type { MeetingGuideRecord } from '../../../shared/meetings/feed.js';
import { meetings, meetingSaves, participants, peerGroupEnrolments, peerGroupFacilitators, peerGroups, peerGroupSessions, programs } from '../../db/schema/index.js';
import type { RequestContext } from '../../platform/context.js';
import { isOccurrence, scheduleOfRule } from './recurrence.js';
import { instantOf, nextWeeklyStart } from './wall-clock.js';

/**
 * A calendar entry in a neutral shape, for any iCalendar feed: a single event, or a recurring one
 * (`rrule` on the wall clock of `timeZone`, with EXDATEs for cancelled occurrences and overrides,
 * each with the `recurrenceId` of the occurrence it replaces). Times are instants; the feed writes
 * them as local times with a VTIMEZONE so an 18:00 group stays 18:00 across daylight-saving changes.
 */
export interface ScheduleEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  timeZone: string;
  /** RFC 5545 rule without DTSTART, e.g. FREQ=WEEKLY;INTERVAL=1;BYDAY=TU. */
  rrule?: string;
  /** Last local day of the series (YYYY-MM-DD). */
  until?: string;
  exdates?: Date[];
  /** Set on an override: the scheduled start of the occurrence it replaces. */
  recurrenceId?: Date;
  location?: string;
  url?: string;
  description?: string;
  status: 'confirmed' | 'cancelled';
}

export interface ScheduleRange {
  from: Date;
  to: Date;
}

const zoned = (d: Date, tz: string) => DateTime.fromJSDate(d, { zone: tz });

/**
 * Adds events to a calendar, with the VTIMEZONE of every zone they use. The calendar itself keeps
 * no time zone, so DTSTAMP and the rest stay in UTC as RFC 5545 wants.
 */
export function addScheduleEvents(calendar: ICalCalendar, events: readonly ScheduleEvent[]): void {
  if (events.length > 0 && !calendar.timezone()) calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const e of events) {
    const rule = e.rrule ? scheduleOfRule(e.rrule) : null;
    calendar.createEvent({
      id: e.uid,
      start: zoned(e.start, e.timeZone),
      end: zoned(e.end, e.timeZone),
      timezone: e.timeZone,
      summary: e.summary,
      location: e.location ?? null,
      url: e.url ?? null,
      description: e.description ?? null,
      status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(e.recurrenceId && { recurrenceId: zoned(e.recurrenceId, e.timeZone) }),
      ...(rule && {
        repeating: {
          freq: rule.frequency === 'daily' ? ICalEventRepeatingFreq.DAILY : ICalEventRepeatingFreq.WEEKLY,
          interval: rule.interval,
          ...(rule.frequency === 'weekly' && { byDay: rule.weekdays.map((d) => d as ICalWeekday) }),
          ...(e.until && { until: DateTime.fromISO(`${e.until}T23:59:59`, { zone: e.timeZone }).toUTC() }),
          ...(e.exdates?.length && { exclude: e.exdates.map((d) => zoned(d, e.timeZone)) }),
        },
      }),
    });
  }
}

interface GroupForEvents {
  group: typeof peerGroups.$inferSelect;
  timeZone: string;
}

/** One group as calendar entries: the series, cancelled occurrences as EXDATEs, moved ones as overrides. */
export async function groupEvents(ctx: Pick<RequestContext, 'db' | 'config'>, { group, timeZone }: GroupForEvents): Promise<ScheduleEvent[]> {
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  const uid = `group-${group.id}@peerpath`;
  const where = group.mode === 'online' ? group.onlineUrl : group.place;
  const start = instantOf(group.startsOn, group.startTime, timeZone);
  const minutes = group.durationMinutes * 60_000;
  const rows = await ctx.db.select().from(peerGroupSessions).where(eq(peerGroupSessions.groupId, group.id));
  const master: ScheduleEvent = {
    uid,
    summary: group.topic,
    start,
    end: new Date(start.getTime() + minutes),
    timeZone,
    rrule: group.rrule,
    ...(group.endsOn && { until: group.endsOn }),
    exdates: [],
    ...(where && { location: where }),
    url: `${base}/groups/${group.id}`,
    ...(group.description && { description: group.description }),
    status: 'confirmed',
  };
  const overrides: ScheduleEvent[] = [];
  for (const row of rows) {
    if (!isOccurrence(group, row.occursOn)) continue;
    const scheduled = instantOf(row.occursOn, group.startTime, timeZone);
    if (row.status === 'cancelled') master.exdates!.push(scheduled);
    else if (row.startsAt.getTime() !== scheduled.getTime() || (row.place && row.place !== group.place)) {
      overrides.push({ ...master, rrule: undefined, until: undefined, exdates: undefined, start: row.startsAt, end: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000), recurrenceId: scheduled, location: row.place ?? where ?? undefined });
    }
  }
  return [master, ...overrides];
}

const weekdayCode = (day: number) => weekdayCodes[day]!;

/** A saved meeting as a weekly series on its own clock, from its next start. */
function meetingEvent(base: string, m: { id: string; name: string; day: number; timeZone: string; record: MeetingGuideRecord }, now: Date): ScheduleEvent {
  const start = nextWeeklyStart(m.day, m.record.time!, m.timeZone, now);
  const endTime = m.record.end_time;
  let end = new Date(start.getTime() + 60 * 60_000);
  if (endTime) {
    const local = DateTime.fromJSDate(start, { zone: m.timeZone });
    const [h, min] = endTime.split(':').map(Number) as [number, number];
    let candidate = local.set({ hour: h, minute: min });
    if (candidate <= local) candidate = candidate.plus({ days: 1 });
    end = candidate.toJSDate();
  }
  const facts = attendanceOf(m.record);
  return {
    uid: `meeting-${m.id}@peerpath`,
    summary: m.name,
    start,
    end,
    timeZone: m.timeZone,
    rrule: `FREQ=WEEKLY;INTERVAL=1;BYDAY=${weekdayCode(m.day)}`,
    ...((facts.inPerson ? facts.formattedAddress : facts.conferenceProvider ? m.record.conference_url : null) && {
      location: (facts.inPerson ? facts.formattedAddress : m.record.conference_url)!,
    }),
    url: `${base}/meetings/${m.id}`,
    status: 'confirmed',
  };
}

/**
 * A person's own schedule from this module, for the personal calendar feed: the groups they lead,
 * the groups they are enrolled in, and the weekly meetings they saved. Recurring entries carry
 * their rule (and every exception), so `range` only decides which series are still running in it.
 */
export async function scheduleEventsFor(ctx: Pick<RequestContext, 'db' | 'config'>, userId: string, range: ScheduleRange): Promise<ScheduleEvent[]> {
  const led = ctx.db.select({ id: peerGroupFacilitators.groupId }).from(peerGroupFacilitators).where(eq(peerGroupFacilitators.userId, userId));
  const joined = ctx.db
    .select({ id: peerGroupEnrolments.groupId })
    .from(peerGroupEnrolments)
    .innerJoin(participants, eq(participants.id, peerGroupEnrolments.participantId))
    .where(and(eq(participants.userId, userId), isNull(peerGroupEnrolments.withdrawnAt), eq(participants.status, 'active')));
  const ids = [...new Set([...(await led), ...(await joined)].map((r) => r.id))];
  const groupRows = ids.length
    ? await ctx.db
        .select({ group: peerGroups, timeZone: programs.timeZone })
        .from(peerGroups)
        .innerJoin(programs, eq(programs.id, peerGroups.programId))
        .where(and(inArray(peerGroups.id, ids), isNull(peerGroups.archivedAt)))
    : [];
  const fromDate = range.from.toISOString().slice(0, 10);
  const toDate = range.to.toISOString().slice(0, 10);
  const events: ScheduleEvent[] = [];
  for (const g of groupRows) {
    if (g.group.startsOn > toDate || (g.group.endsOn !== null && g.group.endsOn < fromDate)) continue;
    events.push(...(await groupEvents(ctx, g)));
  }
  const saved = await ctx.db
    .select({ id: meetings.id, name: meetings.name, day: meetings.day, timeZone: meetings.timeZone, record: meetings.record })
    .from(meetingSaves)
    .innerJoin(meetings, eq(meetings.id, meetingSaves.meetingId))
    .where(eq(meetingSaves.userId, userId));
  const base = ctx.config.publicUrl.replace(/\/$/, '');
  for (const m of saved) {
    if (m.day === null || m.timeZone === null || !m.record.time) continue;
    events.push(meetingEvent(base, { ...m, day: m.day, timeZone: m.timeZone }, range.from));
  }
  return events;
}
