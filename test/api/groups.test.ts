import { and, count, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, participants, peerGroupAttendance, peerGroups } from '../../src/server/db/schema/index.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeParticipant, makeUser, makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let peer: Session;
let me: Session;
const tz = 'America/Chicago';
const today = () => DateTime.now().setZone(tz).toISODate()!;
const daysFromToday = (n: number) => DateTime.now().setZone(tz).plus({ days: n }).toISODate()!;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  peer = await signIn(t.app, world.users.peerA.email);
  me = await signIn(t.app, world.users.participantUser.email);
});
afterAll(() => t.close());

const weekly = (over: Record<string, unknown> = {}) => ({
  programId: world.programA.id,
  topic: 'Relapse prevention',
  description: 'Eight weeks of skills for high-risk moments',
  mode: 'in_person',
  place: 'Room 2, Riverside Center',
  capacity: 12,
  schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn: '2026-10-06' },
  ...over,
});
/** A group that meets every day from two days ago, so today always has a session. */
const daily = (over: Record<string, unknown> = {}) =>
  weekly({ topic: 'Morning check-in circle', schedule: { frequency: 'daily', startTime: '09:00', durationMinutes: 45, startsOn: daysFromToday(-2) }, ...over });

async function groupCount() {
  return (await t.database.db.select({ n: count() }).from(peerGroups).where(eq(peerGroups.organizationId, world.org.id)))[0]!.n;
}

describe('starting a group', () => {
  it('lets a peer worker start a weekly group in their program, which they facilitate, with the rule kept as RFC 5545', async () => {
    const res = await peer.post('/api/groups', weekly());
    expect(res.statusCode).toBe(201);
    const g = res.json();
    expect(g).toMatchObject({
      topic: 'Relapse prevention',
      timeZone: tz,
      rrule: 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU',
      schedule: { frequency: 'weekly', interval: 1, weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn: '2026-10-06', endsOn: null },
      facilitators: [{ id: world.users.peerA.id }],
      enrolledCount: 0,
      me: { enrolled: false, facilitator: true },
      can: { manage: true, join: false, leave: false },
    });
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'group.create'), eq(auditEvents.resourceId, g.id)));
    expect(audit).toHaveLength(1);
  });

  it('answers 400 naming the field for a schedule, place or facilitator that does not fit, and writes nothing', async () => {
    const before = await groupCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [weekly({ schedule: { frequency: 'weekly', weekdays: [], startTime: '18:00', durationMinutes: 90, startsOn: '2026-10-06' } }), 'body.schedule.weekdays'],
      [weekly({ schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '6pm', durationMinutes: 90, startsOn: '2026-10-06' } }), 'body.schedule.startTime'],
      [weekly({ schedule: { frequency: 'weekly', weekdays: ['TU'], startTime: '18:00', durationMinutes: 90, startsOn: '2026-10-06', endsOn: '2026-09-01' } }), 'body.schedule.endsOn'],
      [weekly({ place: undefined }), 'body.place'],
      [weekly({ mode: 'online', place: undefined }), 'body.onlineUrl'],
      [weekly({ mode: 'online', onlineUrl: 'javascript:alert(1)' }), 'body.onlineUrl'],
      [weekly({ facilitatorIds: [world.users.peerB.id] }), 'body.facilitatorIds.0'],
    ];
    for (const [body, path] of cases) {
      const res = await peer.post('/api/groups', body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect(await groupCount()).toBe(before);
  });

  it('is for staff of the program: a participant may not start one, nor a peer worker in another program', async () => {
    expect((await me.post('/api/groups', weekly())).statusCode).toBe(403);
    const peerB = await signIn(t.app, world.users.peerB.email);
    expect((await peerB.post('/api/groups', weekly())).statusCode).toBe(403);
  });
});

describe('who sees and runs a group', () => {
  let groupId = '';
  beforeAll(async () => {
    groupId = (await peer.post('/api/groups', weekly({ topic: 'Healthy relationships' }))).json().id;
  });

  it("shows it to the program's staff and participants; other programs' staff and other roles get 404", async () => {
    for (const who of [world.users.peerA2, world.users.supervisorA, world.users.participantUser, world.users.otherParticipantUser]) {
      const s = await signIn(t.app, who.email);
      expect((await s.get(`/api/groups/${groupId}`)).statusCode, who.email).toBe(200);
      expect((await s.get('/api/groups')).json().groups.map((g: { id: string }) => g.id)).toContain(groupId);
    }
    for (const who of [world.users.peerB, world.users.supervisorB, world.users.clinicianA, world.users.orgAdmin]) {
      const s = await signIn(t.app, who.email);
      expect((await s.get(`/api/groups/${groupId}`)).statusCode, who.email).toBe(404);
      expect((await s.get(`/api/groups/${groupId}/sessions`)).statusCode).toBe(404);
      expect((await s.get('/api/groups')).json().groups.map((g: { id: string }) => g.id)).not.toContain(groupId);
    }
  });

  it('lets facilitators and the program supervisor run it; another peer worker of the program only looks', async () => {
    const date = '2026-10-13';
    const peerA2 = await signIn(t.app, world.users.peerA2.email);
    expect((await peerA2.patch(`/api/groups/${groupId}/sessions/${date}`, { status: 'cancelled' })).statusCode).toBe(403);
    expect((await me.patch(`/api/groups/${groupId}/sessions/${date}`, { status: 'cancelled' })).statusCode).toBe(403);
    expect((await me.patch(`/api/groups/${groupId}`, { topic: 'Mine now' })).statusCode).toBe(403);
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const cancelled = await supervisor.patch(`/api/groups/${groupId}/sessions/${date}`, { status: 'cancelled', cancelReason: 'Facility closed' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'Facility closed' });
    const view = (await peerA2.get(`/api/groups/${groupId}`)).json();
    expect(view.can.manage).toBe(false);
    expect(view.facilitators.map((f: { id: string }) => f.id)).toEqual([world.users.peerA.id]);
  });

  it('keeps 18:00 on the program clock across the end of daylight saving time, with cancelled and moved sessions', async () => {
    const sessions = (await peer.get(`/api/groups/${groupId}/sessions?from=2026-10-20&to=2026-11-10`)).json().sessions;
    expect(sessions.map((s: { date: string; startsAt: string }) => [s.date, s.startsAt])).toEqual([
      ['2026-10-20', '2026-10-20T23:00:00.000Z'],
      ['2026-10-27', '2026-10-27T23:00:00.000Z'],
      // Chicago leaves daylight saving time on 1 November 2026: 18:00 is now 00:00 UTC.
      ['2026-11-03', '2026-11-04T00:00:00.000Z'],
      ['2026-11-10', '2026-11-11T00:00:00.000Z'],
    ]);
    const moved = await peer.patch(`/api/groups/${groupId}/sessions/2026-11-03`, { moveTo: { date: '2026-11-05', time: '17:30' }, place: 'Library, room B' });
    expect(moved.json()).toMatchObject({ date: '2026-11-03', startsAt: '2026-11-05T23:30:00.000Z', moved: true, place: 'Library, room B' });
    const back = (await peer.get(`/api/groups/${groupId}/sessions?from=2026-11-04&to=2026-11-06`)).json().sessions;
    expect(back.map((s: { date: string }) => s.date)).toEqual(['2026-11-03']);
    const restored = await peer.patch(`/api/groups/${groupId}/sessions/2026-11-03`, { moveTo: null });
    expect(restored.json()).toMatchObject({ startsAt: '2026-11-04T00:00:00.000Z', moved: false });
    // Not a day the group meets.
    expect((await peer.patch(`/api/groups/${groupId}/sessions/2026-11-04`, { status: 'cancelled' })).statusCode).toBe(404);
    expect((await peer.get(`/api/groups/${groupId}/sessions?from=2026-01-01&to=2027-06-01`)).statusCode).toBe(400);
  });

  it('shows topics covered to participants but keeps the facilitator’s notes to those who run the group', async () => {
    await peer.patch(`/api/groups/${groupId}/sessions/2026-10-20`, { topics: ['Boundaries', 'Saying no'], notes: 'Two people found it hard; follow up.' });
    const asParticipant = (await me.get(`/api/groups/${groupId}/sessions?from=2026-10-20&to=2026-10-20`)).json().sessions[0];
    expect(asParticipant).toMatchObject({ topics: ['Boundaries', 'Saying no'], notes: null, attendance: null, going: null });
    const asPeer = (await peer.get(`/api/groups/${groupId}/sessions?from=2026-10-20&to=2026-10-20`)).json().sessions[0];
    expect(asPeer.notes).toBe('Two people found it hard; follow up.');
  });
});

describe('enrolment and RSVP', () => {
  it('lets a participant join and leave; facilitators enrol others; a full group says so; RSVP needs enrolment', async () => {
    const g = (await peer.post('/api/groups', weekly({ topic: 'Small circle', capacity: 2 }))).json();
    const joined = await me.post(`/api/groups/${g.id}/enrolments`, { participantId: world.participant.id });
    expect(joined.json()).toMatchObject({ enrolledCount: 1, me: { enrolled: true }, can: { join: false, leave: true } });
    // A participant enrols only themself.
    expect((await me.post(`/api/groups/${g.id}/enrolments`, { participantId: world.otherParticipant.id })).statusCode).toBe(403);
    const other = await signIn(t.app, world.users.otherParticipantUser.email);
    expect((await other.put(`/api/groups/${g.id}/sessions/2026-10-13/rsvp`, { response: 'going' })).statusCode).toBe(403);
    expect((await peer.post(`/api/groups/${g.id}/enrolments`, { participantId: world.otherParticipant.id })).json().enrolledCount).toBe(2);
    // Someone from another program cannot be enrolled here.
    const wrong = await peer.post(`/api/groups/${g.id}/enrolments`, { participantId: world.noLoginParticipant.id });
    expect(wrong.statusCode).toBe(400);
    const third = await makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, name: 'Sam Third' });
    const full = await peer.post(`/api/groups/${g.id}/enrolments`, { participantId: third.id });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('group.full');

    const rsvp = await me.put(`/api/groups/${g.id}/sessions/2026-10-13/rsvp`, { response: 'going' });
    expect(rsvp.json()).toMatchObject({ myRsvp: 'going', going: null });
    expect((await peer.get(`/api/groups/${g.id}/sessions?from=2026-10-13&to=2026-10-13`)).json().sessions[0].going).toBe(1);

    const left = await me.post(`/api/groups/${g.id}/enrolments/${world.participant.id}/withdraw`);
    expect(left.json()).toMatchObject({ enrolledCount: 1, me: { enrolled: false }, can: { join: true } });
    expect((await peer.post(`/api/groups/${g.id}/enrolments`, { participantId: third.id })).json().enrolledCount).toBe(2);
  });
});

describe('changing a group', () => {
  it('lets its facilitators change the schedule and who leads it; a wrong facilitator changes nothing; an ended group takes nobody', async () => {
    const g = (await peer.post('/api/groups', weekly({ topic: 'Changing' }))).json();
    const url = `/api/groups/${g.id}`;
    const changed = await peer.patch(url, {
      topic: 'Changing, on Thursdays',
      schedule: { frequency: 'weekly', interval: 2, weekdays: ['TH'], startTime: '17:30', durationMinutes: 60, startsOn: '2026-10-08' },
      facilitatorIds: [world.users.peerA.id, world.users.peerA2.id],
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ topic: 'Changing, on Thursdays', rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', schedule: { startTime: '17:30', durationMinutes: 60 } });
    const peerA2 = await signIn(t.app, world.users.peerA2.email);
    expect((await peerA2.get(url)).json().can.manage).toBe(true);

    const wrong = await peer.patch(url, { topic: 'Should not stick', facilitatorIds: [world.users.peerB.id] });
    expect(wrong.statusCode).toBe(400);
    expect((await peer.get(url)).json().topic).toBe('Changing, on Thursdays');
    expect((await peer.patch(url, { mode: 'online' })).statusCode).toBe(400);

    expect((await peer.patch(url, { archived: true })).json().archived).toBe(true);
    const join = await me.post(`${url}/enrolments`, { participantId: world.participant.id });
    expect(join.statusCode).toBe(409);
    expect(join.json().error.code).toBe('group.ended');
    expect((await me.get('/api/groups')).json().groups.map((x: { id: string }) => x.id)).not.toContain(g.id);
    expect((await peer.get('/api/groups?archived=true')).json().groups.map((x: { id: string }) => x.id)).toContain(g.id);
  });
});

describe('taking attendance', () => {
  let g: { id: string };
  beforeAll(async () => {
    g = (await peer.post('/api/groups', daily())).json();
    await peer.post(`/api/groups/${g.id}/enrolments`, { participantId: world.participant.id });
    await peer.post(`/api/groups/${g.id}/enrolments`, { participantId: world.otherParticipant.id });
  });

  it('lists the enrolled for today’s session, marks them in one write, and adds walk-ins with or without a record', async () => {
    const url = `/api/groups/${g.id}/sessions/${today()}/attendance`;
    const roster = (await peer.get(url)).json();
    expect(roster.entries.map((e: { preferredName: string; status: null }) => [e.preferredName, e.status])).toEqual([
      ['Alex Example', null],
      ['Robin Example', null],
    ]);
    const marked = await peer.put(url, {
      marks: [
        { participantId: world.participant.id, status: 'present' },
        { participantId: world.otherParticipant.id, status: 'excused' },
      ],
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().session.attendance).toEqual({ present: 1, absent: 0, excused: 1 });

    const newcomer = await peer.post(`/api/groups/${g.id}/sessions/${today()}/walk-ins`, { preferredName: 'Jamie Newcomer', pronouns: 'they/them' });
    expect(newcomer.statusCode).toBe(200);
    const jamie = newcomer.json().entries.find((e: { preferredName: string }) => e.preferredName === 'Jamie Newcomer');
    expect(jamie).toMatchObject({ status: 'present', walkIn: true, enrolled: false, hasLogin: false, pronouns: 'they/them' });
    const [record] = await t.database.db.select().from(participants).where(eq(participants.id, jamie.participantId));
    expect(record).toMatchObject({ programId: world.programA.id, userId: null, organizationId: world.org.id });

    const someone = await makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, name: 'Kim Dropin' });
    const found = (await peer.get(`/api/groups/${g.id}/walk-in-search?q=dropi`)).json().candidates;
    expect(found).toEqual([{ participantId: someone.id, preferredName: 'Kim Dropin', pronouns: null }]);
    // The search stays in the group's program.
    expect((await peer.get(`/api/groups/${g.id}/walk-in-search?q=Dana`)).json().candidates).toEqual([]);
    const added = (await peer.post(`/api/groups/${g.id}/sessions/${today()}/walk-ins`, { participantId: someone.id })).json();
    expect(added.entries.find((e: { participantId: string }) => e.participantId === someone.id)).toMatchObject({ status: 'present', walkIn: true });
    expect(added.session.attendance).toEqual({ present: 3, absent: 0, excused: 1 });

    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'group_attendance.record'), eq(auditEvents.participantId, world.otherParticipant.id)));
    expect(audits.at(-1)?.details).toMatchObject({ status: 'excused' });
  });

  it('refuses someone not on the list, and then saves none of the marks', async () => {
    const url = `/api/groups/${g.id}/sessions/${today()}/attendance`;
    const stranger = await makeParticipant(t.database.db, { organizationId: world.org.id, programId: world.programA.id, name: 'Not Enrolled' });
    const res = await peer.put(url, {
      marks: [
        { participantId: world.participant.id, status: 'absent' },
        { participantId: stranger.id, status: 'present' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('body.marks.1.participantId');
    const [alex] = await t.database.db.select().from(peerGroupAttendance).where(eq(peerGroupAttendance.participantId, world.participant.id));
    expect(alex?.status).toBe('present');
    const twice = await peer.put(url, { marks: [{ participantId: world.participant.id, status: 'absent' }, { participantId: world.participant.id, status: 'present' }] });
    expect(twice.statusCode).toBe(400);
    expect((await peer.post(`/api/groups/${g.id}/sessions/${today()}/walk-ins`, { preferredName: '' })).statusCode).toBe(400);
  });

  it('takes attendance on the day, not for a future or cancelled session', async () => {
    const tomorrow = daysFromToday(1);
    const early = await peer.put(`/api/groups/${g.id}/sessions/${tomorrow}/attendance`, { marks: [{ participantId: world.participant.id, status: 'present' }] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('group_session.not_yet');
    const yesterday = daysFromToday(-1);
    await peer.patch(`/api/groups/${g.id}/sessions/${yesterday}`, { status: 'cancelled' });
    const cancelled = await peer.post(`/api/groups/${g.id}/sessions/${yesterday}/walk-ins`, { preferredName: 'Should Not Exist' });
    expect(cancelled.statusCode).toBe(409);
    expect(await t.database.db.select().from(participants).where(eq(participants.preferredName, 'Should Not Exist'))).toEqual([]);
  });

  it('is for the facilitators: other staff and participants cannot read or write the list', async () => {
    const url = `/api/groups/${g.id}/sessions/${today()}/attendance`;
    const peerA2 = await signIn(t.app, world.users.peerA2.email);
    expect((await peerA2.get(url)).statusCode).toBe(403);
    expect((await me.get(url)).statusCode).toBe(403);
    expect((await me.put(url, { marks: [{ participantId: world.participant.id, status: 'present' }] })).statusCode).toBe(403);
    const peerB = await signIn(t.app, world.users.peerB.email);
    expect((await peerB.get(url)).statusCode).toBe(404);
    expect((await peerB.get(`/api/groups/${g.id}/walk-in-search?q=Alex`)).statusCode).toBe(404);
  });

  it('counts toward engagement on the participant record, read as the policy allows', async () => {
    const mine = await me.get(`/api/participants/${world.participant.id}/attendance`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().groups).toMatchObject({ present: 1, last30Days: 1 });
    expect(mine.json().recent[0]).toMatchObject({ kind: 'group', title: 'Morning check-in circle', status: 'present', date: today() });
    expect((await peer.get(`/api/participants/${world.participant.id}/attendance`)).statusCode).toBe(200);
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect((await supervisor.get(`/api/participants/${world.participant.id}/attendance`)).statusCode).toBe(200);
    for (const who of [world.users.peerA2, world.users.peerB, world.users.otherParticipantUser]) {
      const s = await signIn(t.app, who.email);
      expect((await s.get(`/api/participants/${world.participant.id}/attendance`)).statusCode, who.email).toBe(404);
    }
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'group_attendance.read'), eq(auditEvents.outcome, 'denied'), eq(auditEvents.participantId, world.participant.id)));
    expect(denied.length).toBeGreaterThanOrEqual(3);
  });
});

describe('group calendars', () => {
  it('gives a private subscription URL that works until revoked, and only for people who may see the group', async () => {
    const g = (await peer.post('/api/groups', weekly({ topic: 'Calendar group' }))).json();
    const link = await peer.post(`/api/groups/${g.id}/calendar-link`);
    expect(link.statusCode).toBe(201);
    const path = new URL(link.json().url).pathname;
    const feed = await t.app.inject({ method: 'GET', url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toMatch(/text\/calendar/);
    expect(feed.body).toContain('RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU');
    expect(feed.body).toContain('BEGIN:VTIMEZONE');
    expect((await peer.post(`/api/groups/${g.id}/calendar-link/revoke`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/group-calendars/not-a-token.ics' })).statusCode).toBe(404);
    const peerB = await signIn(t.app, world.users.peerB.email);
    expect((await peerB.post(`/api/groups/${g.id}/calendar-link`)).statusCode).toBe(404);
    expect((await peerB.get(`/api/groups/${g.id}/calendar.ics`)).statusCode).toBe(404);
  });

  it('stops serving a link once its owner no longer works in the program', async () => {
    const g = (await peer.post('/api/groups', weekly({ topic: 'Leaving staff' }))).json();
    const temp = await makeUser(t.database.db, world.org.id, 'peer_worker', world.programA.id, 'temp');
    const s = await signIn(t.app, temp.email);
    const path = new URL((await s.post(`/api/groups/${g.id}/calendar-link`)).json().url).pathname;
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(200);
    const { memberships } = await import('../../src/server/db/schema/index.js');
    await t.database.db.delete(memberships).where(eq(memberships.userId, temp.id));
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });
});

