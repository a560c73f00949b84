import ical, { ICalCalendarMethod, ICalEventClass, ICalEventStatus } from 'ical-generator';
import type { Locale } from '../../../shared/schemas/tenancy.js';
import { endOf, type AppointmentRecord } from './appointment-rows.js';
import { feedWords } from './messages.js';
import { addScheduleEvents, type ScheduleEvent } from '../groups/schedule-events.js';

/** "Alex Moreno" → "A. M.": enough for the person who holds the calendar, little for anyone else. */
export function initials(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${Array.from(word)[0]!.toLocaleUpperCase()}.`)
    .join(' ');
}

const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

export interface FeedOwner {
  /** Whose calendar this is: the peer worker sees participants' initials, a participant their peer worker's first name. */
  userId: string;
  locale: Locale;
}

/**
 * The iCalendar file of a personal subscription. Times are UTC (no time zone tables needed), a UID
 * is the appointment's id so an edit updates the same event, a cancelled session stays as
 * STATUS:CANCELLED, and every event is CLASS:PRIVATE. Neither notes nor names travel: calendars
 * get synced to phones and clouds.
 */
/** The personal calendar: one-to-one sessions, plus the groups and saved meetings of the same person. */
export function calendarFile(owner: FeedOwner, rows: readonly AppointmentRecord[], schedule: readonly ScheduleEvent[] = []): string {
  const words = feedWords[owner.locale];
  const calendar = ical({
    name: words.calendarName,
    prodId: { company: 'Peerpath', product: 'Appointments', language: owner.locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    ttl: 60 * 60,
  });
  for (const r of rows) {
    const a = r.appointment;
    const other = a.peerWorkerId === owner.userId ? initials(r.participantName) : firstName(r.peerWorkerName);
    calendar.createEvent({
      id: `${a.id}@peerpath`,
      start: a.startsAt,
      end: endOf(a),
      // Grows with every change (seconds since it was made, as of the last change), so calendar apps take the newest.
      sequence: Math.max(0, Math.floor((a.updatedAt.getTime() - a.createdAt.getTime()) / 1000)),
      stamp: a.updatedAt,
      lastModified: a.updatedAt,
      created: a.createdAt,
      summary: words.sessionWith(other),
      location: a.mode === 'in_person' ? a.location : a.mode === 'video' ? a.videoLink : null,
      url: a.mode === 'video' ? a.videoLink : null,
      // No link back: the app's address can name the organization, and calendars travel.
      description: `${words.modes[a.mode]}. ${words.details}.`,
      status: a.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      class: ICalEventClass.PRIVATE,
    });
  }
  addScheduleEvents(calendar, schedule);
  return calendar.toString();
}
