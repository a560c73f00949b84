import ical from 'ical-generator';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addScheduleEvents, scheduleEventsFor } from '../../src/server/modules/groups/schedule-events.js';
import { testConfig } from '../../src/server/config.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let peer: Session;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  peer = await signIn(t.app, world.users.peerA.email);
});
afterAll(() => t.close());

interface Occurrence {
  summary: string;
  local: string;
  utc: string;
}

/** Parses a calendar with ical.js (registering its VTIMEZONEs) and expands each series from its start. */
function occurrences(ics: string, count = 12): Map<string, Occurrence[]> {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const result = new Map<string, Occurrence[]>();
  for (const master of events.filter((e) => !e.isRecurrenceException())) {
    for (const exception of events.filter((e) => e.isRecurrenceException() && e.uid === master.uid)) master.relateException(exception);
    const list: Occurrence[] = [];
    const iterator = master.iterator();
    for (let next = iterator.next(); next && list.length < count; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      list.push({ summary: details.item.summary, local: details.startDate.toString().slice(0, 16), utc: details.startDate.toJSDate().toISOString() });
    }
    result.set(master.uid, list);
  }
  return result;
}

const weekly = (topic: string, startsOn: string) => ({
  programId: world.programA.id,
  topic,
  mode: 'in_person',
  place: 'Room 2',
  schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn },
});

describe("a group's iCalendar file", () => {
  it('keeps 18:00 local before and after both daylight-saving changes, read by a real iCalendar parser', async () => {
    const fall = (await peer.post('/api/groups', weekly('Autumn group', '2026-10-20'))).json();
    const spring = (await peer.post('/api/groups', weekly('Spring group', '2026-02-24'))).json();
    const fallIcs = (await peer.get(`/api/groups/${fall.id}/calendar.ics`)).body;
    expect(fallIcs).toMatch(/DTSTART;TZID=America\/Chicago:20261020T180000/);
    expect(fallIcs).toMatch(/BEGIN:VTIMEZONE\r\nTZID:America\/Chicago/);
    const autumn = occurrences(fallIcs, 3).get(`group-${fall.id}@peerpath`)!;
    // Chicago leaves daylight saving time on 1 November 2026.
    expect(autumn).toEqual([
      { summary: 'Autumn group', local: '2026-10-20T18:00', utc: '2026-10-20T23:00:00.000Z' },
      { summary: 'Autumn group', local: '2026-10-27T18:00', utc: '2026-10-27T23:00:00.000Z' },
      { summary: 'Autumn group', local: '2026-11-03T18:00', utc: '2026-11-04T00:00:00.000Z' },
    ]);
    const springTimes = occurrences((await peer.get(`/api/groups/${spring.id}/calendar.ics`)).body, 3).get(`group-${spring.id}@peerpath`)!;
    // …and enters it on 8 March 2026.
    expect(springTimes.map((o) => [o.local, o.utc])).toEqual([
      ['2026-02-24T18:00', '2026-02-25T00:00:00.000Z'],
      ['2026-03-03T18:00', '2026-03-04T00:00:00.000Z'],
      ['2026-03-10T18:00', '2026-03-10T23:00:00.000Z'],
    ]);
  });

  it('leaves out cancelled sessions and shows moved ones at their new time', async () => {
    const g = (await peer.post('/api/groups', weekly('Changing group', '2026-10-27'))).json();
    await peer.patch(`/api/groups/${g.id}/sessions/2026-11-03`, { status: 'cancelled' });
    await peer.patch(`/api/groups/${g.id}/sessions/2026-11-10`, { moveTo: { date: '2026-11-11', time: '19:00' } });
    const ics = (await peer.get(`/api/groups/${g.id}/calendar.ics`)).body;
    expect(ics).toContain('EXDATE;TZID=America/Chicago:20261103T180000');
    expect(ics).toContain('RECURRENCE-ID;TZID=America/Chicago:20261110T180000');
    expect(occurrences(ics, 4).get(`group-${g.id}@peerpath`)!.map((o) => o.local)).toEqual(['2026-10-27T18:00', '2026-11-11T19:00', '2026-11-17T18:00', '2026-11-24T18:00']);
  });
});

describe("a person's own schedule from groups and meetings", () => {
  it('gives the groups they are in and the meetings they saved, ready to merge into a personal feed', async () => {
    const g = (await peer.post('/api/groups', weekly('My group', '2026-10-20'))).json();
    const me = await signIn(t.app, world.users.participantUser.email);
    await me.post(`/api/groups/${g.id}/enrolments`, { participantId: world.participant.id });
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    await admin.post('/api/meetings/import', {
      feed: [{ slug: 'thu-ny', name: 'Thursday Night Online', day: 4, time: '19:00', end_time: '20:00', timezone: 'America/New_York', formatted_address: 'New York, NY, USA', conference_url: 'https://zoom.us/j/1' }],
    });
    const [meeting] = (await me.get('/api/meetings?q=thursday')).json().meetings;
    await me.put(`/api/meetings/${meeting.id}/saved`, { saved: true });

    const ctx = { db: t.database.db, config: testConfig({ PUBLIC_URL: 'https://peerpath.example' }) };
    const range = { from: new Date('2026-10-25T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };
    const events = await scheduleEventsFor(ctx, world.users.participantUser.id, range);
    expect(events.map((e) => [e.uid, e.summary, e.timeZone, e.rrule])).toEqual([
      [`group-${g.id}@peerpath`, 'My group', 'America/Chicago', 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU'],
      [`meeting-${meeting.id}@peerpath`, 'Thursday Night Online', 'America/New_York', 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TH'],
    ]);
    expect(events[1]).toMatchObject({ location: 'https://zoom.us/j/1', url: `https://peerpath.example/meetings/${meeting.id}`, status: 'confirmed' });
    // The facilitator's schedule has the group too; someone unrelated has nothing.
    expect((await scheduleEventsFor(ctx, world.users.peerA.id, range)).map((e) => e.uid)).toContain(`group-${g.id}@peerpath`);
    expect(await scheduleEventsFor(ctx, world.users.peerB.id, range)).toEqual([]);

    const calendar = ical({ name: 'Personal' });
    addScheduleEvents(calendar, events);
    const parsed = occurrences(calendar.toString(), 2);
    // New York also leaves daylight saving time on 1 November: 19:00 stays 19:00.
    expect(parsed.get(`meeting-${meeting.id}@peerpath`)!.map((o) => [o.local, o.utc])).toEqual([
      ['2026-10-29T19:00', '2026-10-29T23:00:00.000Z'],
      ['2026-11-05T19:00', '2026-11-06T00:00:00.000Z'],
    ]);
    expect(parsed.get(`group-${g.id}@peerpath`)![0]).toMatchObject({ local: '2026-10-20T18:00' });
  });
});
