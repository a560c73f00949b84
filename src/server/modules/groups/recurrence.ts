import { createRequire } from 'node:module';
import type * as RRuleModule from 'rrule';
import type { GroupFrequency, WeekdayCode } from '../../../shared/groups/vocabulary.js';
import type { GroupSchedule } from '../../../shared/schemas/groups.js';

// rrule ships CommonJS for Node without named ESM exports; require keeps its types.
const { RRule, rrulestr } = createRequire(import.meta.url)('rrule') as typeof RRuleModule;

const frequencies: Record<GroupFrequency, number> = { daily: RRule.DAILY, weekly: RRule.WEEKLY };
const weekdays: Record<WeekdayCode, RRuleModule.Weekday> = {
  SU: RRule.SU,
  MO: RRule.MO,
  TU: RRule.TU,
  WE: RRule.WE,
  TH: RRule.TH,
  FR: RRule.FR,
  SA: RRule.SA,
};

/** The RFC 5545 rule for a schedule, without DTSTART/UNTIL (kept as dates beside it): "FREQ=WEEKLY;BYDAY=TU". */
export function ruleOf(schedule: Pick<GroupSchedule, 'frequency' | 'interval' | 'weekdays'>): string {
  const rule = new RRule({
    freq: frequencies[schedule.frequency],
    interval: schedule.interval,
    ...(schedule.frequency === 'weekly' && { byweekday: schedule.weekdays.map((d) => weekdays[d]) }),
  });
  return rule.toString().replace(/^RRULE:/, '');
}

/** The schedule fields back from a stored rule (for forms and the API). */
export function scheduleOfRule(rule: string): Pick<GroupSchedule, 'frequency' | 'interval' | 'weekdays'> {
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  return {
    frequency: parts.FREQ === 'DAILY' ? 'daily' : 'weekly',
    interval: parts.INTERVAL ? Number(parts.INTERVAL) : 1,
    weekdays: parts.BYDAY ? (parts.BYDAY.split(',') as WeekdayCode[]) : [],
  };
}

export interface Recurring {
  rrule: string;
  startsOn: string;
  endsOn: string | null;
}

const compact = (date: string) => date.replaceAll('-', '');
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The calendar dates (YYYY-MM-DD, program clock) the rule gives between two dates, inclusive. The
 * rule runs on dates alone (each a UTC midnight standing for that day), so time zones and DST never
 * shift a day; the time of day is applied per date afterwards.
 */
export function occurrenceDates(group: Recurring, from: string, to: string): string[] {
  const until = group.endsOn ? `;UNTIL=${compact(group.endsOn)}T000000Z` : '';
  const rule = rrulestr(`DTSTART:${compact(group.startsOn)}T000000Z\nRRULE:${group.rrule}${until}`);
  return rule.between(utcMidnight(from), utcMidnight(to), true).map(isoDate);
}

export function isOccurrence(group: Recurring, date: string): boolean {
  return occurrenceDates(group, date, date).length === 1;
}

/** The first occurrence on or after a date, looking ahead a year at most. */
export function nextOccurrence(group: Recurring, from: string): string | null {
  const until = group.endsOn ? `;UNTIL=${compact(group.endsOn)}T000000Z` : '';
  const rule = rrulestr(`DTSTART:${compact(group.startsOn)}T000000Z\nRRULE:${group.rrule}${until}`);
  const next = rule.after(utcMidnight(from), true);
  return next ? isoDate(next) : null;
}
