import { createHash } from 'node:crypto';
import { attendanceOf, inPersonTypes } from '../../../shared/meetings/attendance-mode.js';
import type { MeetingGuideRecord } from '../../../shared/meetings/feed.js';
import { minuteOf } from '../../../shared/meetings/schedule.js';

/** The columns the finder queries, worked out from a normalized listing. */
export function meetingColumns(record: MeetingGuideRecord) {
  const facts = attendanceOf(record);
  const weekly = record.day !== undefined && record.time !== undefined;
  const startMinute = weekly ? minuteOf(record.time!) : null;
  // As tsml-ui: the plugin-internal ONL is not a type people choose, and room-only types go when nobody meets in a room.
  const types = (record.types ?? []).filter((t) => t !== 'ONL' && (facts.inPerson || !inPersonTypes.includes(t)));
  const regions = record.regions ?? (record.region ? [record.region, record.sub_region].filter((r): r is string => Boolean(r)) : record.city ? [record.city] : []);
  // Coordinates place a room on the map; tsml-ui ignores them for meetings held nowhere in person.
  const located = facts.inPerson && record.latitude !== undefined && record.longitude !== undefined;
  const searchText = [facts.formattedAddress, record.group, record.group_notes, record.location, record.location_notes, record.name, record.notes, ...regions]
    .filter(Boolean)
    .join('\t')
    .toLowerCase();
  return {
    slug: record.slug,
    name: record.name,
    day: weekly ? record.day! : null,
    startMinute,
    weekMinute: weekly ? record.day! * 1440 + startMinute! : null,
    timeZone: record.timezone ?? null,
    types,
    attendanceMode: facts.mode,
    latitude: located ? record.latitude! : null,
    longitude: located ? record.longitude! : null,
    regions,
    searchText,
    record,
    contentHash: createHash('sha256').update(JSON.stringify(record)).digest('hex'),
  };
}
export type MeetingColumns = ReturnType<typeof meetingColumns>;
