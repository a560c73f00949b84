import { attendanceOf, conferencePhoneOf, conferenceProviderOf } from '../../../shared/meetings/attendance-mode.js';
import type { MeetingGuideRecord } from '../../../shared/meetings/feed.js';
import { SOON_GRACE_MINUTES } from '../../../shared/meetings/schedule.js';
import type { MeetingDetail, MeetingSummary } from '../../../shared/schemas/meetings.js';
import type { AttendanceMode } from '../../../shared/meetings/vocabulary.js';
import { nextWeeklyStart } from '../groups/wall-clock.js';

export interface MeetingRow {
  id: string;
  slug: string;
  name: string;
  day: number | null;
  timeZone: string | null;
  types: string[];
  attendanceMode: AttendanceMode;
  regions: string[];
  record: MeetingGuideRecord;
  latitude: number | null;
  longitude: number | null;
  distance?: number | null;
  saved: boolean;
}

export function toMeetingSummary(row: MeetingRow, now: Date): MeetingSummary {
  const r = row.record;
  const facts = attendanceOf(r);
  const weekly = row.day !== null && r.time !== undefined && row.timeZone !== null;
  const nextStart = weekly ? nextWeeklyStart(row.day!, r.time!, row.timeZone!, now, SOON_GRACE_MINUTES) : null;
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    day: row.day,
    time: weekly ? r.time! : null,
    endTime: r.end_time ?? null,
    timeZone: row.timeZone,
    types: row.types,
    attendanceMode: row.attendanceMode,
    regions: row.regions,
    address: facts.formattedAddress,
    location: r.location ?? null,
    group: r.group ?? null,
    conferenceProvider: facts.conferenceProvider,
    nextStart: nextStart?.toISOString() ?? null,
    minutesUntil: nextStart ? Math.floor((nextStart.getTime() - now.getTime()) / 60_000) : null,
    distance: row.distance === undefined || row.distance === null ? null : Math.round(row.distance * 10) / 10,
    saved: row.saved,
  };
}

/** A map of the place: the point when the feed gives one, else a search for the address. */
function mapUrlOf(row: MeetingRow, address: string | null, inPerson: boolean): string | null {
  if (!inPerson) return null;
  if (row.latitude !== null && row.longitude !== null) {
    return `https://www.openstreetmap.org/?mlat=${row.latitude}&mlon=${row.longitude}#map=17/${row.latitude}/${row.longitude}`;
  }
  return address ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(address)}` : null;
}

export function toMeetingDetail(row: MeetingRow, now: Date, extra: { attendedOn: string[]; canLog: boolean }): MeetingDetail {
  const r = row.record;
  const summary = toMeetingSummary(row, now);
  const facts = attendanceOf(r);
  const conferenceUrl = conferenceProviderOf(r.conference_url) ? r.conference_url! : null;
  const conferencePhone = conferencePhoneOf(r.conference_phone) ? r.conference_phone! : null;
  return {
    ...summary,
    notes: r.notes ?? null,
    locationNotes: r.location_notes ?? null,
    groupNotes: r.group_notes ?? null,
    approximate: facts.approximate,
    latitude: row.latitude,
    longitude: row.longitude,
    mapUrl: mapUrlOf(row, facts.formattedAddress, facts.inPerson),
    conferenceUrl,
    conferenceUrlNotes: conferenceUrl ? (r.conference_url_notes ?? null) : null,
    conferencePhone,
    conferencePhoneNotes: conferencePhone ? (r.conference_phone_notes ?? null) : null,
    url: r.url ?? null,
    attendedOn: extra.attendedOn,
    can: { logAttendance: extra.canLog },
  };
}
