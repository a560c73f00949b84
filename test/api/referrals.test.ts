import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, notifications, referrals, tasks } from '../../src/server/db/schema/index.js';
import { sendDueReferralFollowUps } from '../../src/server/modules/referrals/send-follow-up-reminders.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
let peer: Session;
let me: Session;
let serviceId: string;
const referralsOf = (participantId: string) => `/api/participants/${participantId}/referrals`;

/** A date n days from today on the program's clock (America/Chicago), YYYY-MM-DD. */
const chicagoDate = (days: number, from = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(from.getTime() + days * 86_400_000));

const housingReferral = () => ({
  serviceId,
  category: 'housing',
  need: 'A bed this week while the apartment application goes through',
  share: ['name', 'phone', 'need'],
  followUpOn: chicagoDate(3),
  send: true,
  consentGiven: true,
});

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  peer = await signIn(t.app, world.users.peerA.email);
  me = await signIn(t.app, world.users.participantUser.email);
  const res = await peer.post('/api/resources/services', { name: 'Harbor House Shelter', providerName: 'Harbor House', categories: ['housing'], latitude: 41.88, longitude: -87.63, hours: [{ days: [0, 1, 2, 3, 4, 5, 6], opens: '00:00', closes: '00:00' }] });
  serviceId = res.json().id;
});
afterAll(() => t.close());

const openTasksFor = (referralId: string) =>
  t.database.db.select().from(tasks).where(and(eq(tasks.source, 'manual'), eq(tasks.sourceId, referralId)));

describe('making a referral', () => {
  it('lets the assigned peer worker send one with consent; the follow-up lands on their task list, and it is audited', async () => {
    const res = await peer.post(referralsOf(world.participant.id), housingReferral());
    expect(res.statusCode).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      participantId: world.participant.id,
      participantName: 'Alex Example',
      service: { id: serviceId, name: 'Harbor House Shelter', providerName: 'Harbor House', listed: true },
      category: 'housing',
      share: ['name', 'phone', 'need'],
      status: 'sent',
      followUpOn: chicagoDate(3),
      followUpDue: false,
      createdBy: { id: world.users.peerA.id },
      can: { edit: true, changeStatusTo: ['accepted', 'declined', 'closed_unmet'], reportVisit: false },
    });
    expect(r.consentRecordedAt).toEqual(expect.any(String));
    expect(r.history).toEqual([expect.objectContaining({ kind: 'created', to: 'sent', by: { id: world.users.peerA.id, displayName: expect.any(String) } })]);

    const followUps = await openTasksFor(r.id);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ ownerId: world.users.peerA.id, participantId: world.participant.id, dueOn: chicagoDate(3), doneAt: null });
    expect(followUps[0]!.title).toContain('Harbor House Shelter');
    const upcoming = (await peer.get('/api/tasks?view=upcoming')).json().tasks;
    expect(upcoming).toContainEqual(expect.objectContaining({ source: 'manual', sourceId: r.id }));

    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'referral.create'), eq(auditEvents.resourceId, r.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ participantId: world.participant.id, actorUserId: world.users.peerA.id });
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const count = async () => Number((await t.database.db.select({ n: sql<number>`count(*)` }).from(referrals).where(eq(referrals.participantId, world.participant.id)))[0]!.n);
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...housingReferral(), consentGiven: false }, 'body.consentGiven'],
      [{ ...housingReferral(), followUpOn: undefined }, 'body.followUpOn'],
      [{ ...housingReferral(), followUpOn: '2026-02-30' }, 'body.followUpOn'],
      [{ ...housingReferral(), category: 'yachts' }, 'body.category'],
      [{ ...housingReferral(), need: ' ' }, 'body.need'],
      [{ ...housingReferral(), share: ['social_security_number'] }, 'body.share.0'],
      [{ ...housingReferral(), serviceId: 'not-a-uuid' }, 'body.serviceId'],
    ];
    for (const [body, path] of cases) {
      const res = await peer.post(referralsOf(world.participant.id), body);
      expect(res.statusCode, path).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path), path).toContain(path);
    }
    const unknown = await peer.post(referralsOf(world.participant.id), { ...housingReferral(), serviceId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('resource.not_found');
    expect(await count()).toBe(before);
  });

  it('is for the assigned peer worker only: others get 404 (audited), the participant and the supervisor cannot make one', async () => {
    const other = await signIn(t.app, world.users.peerA2.email);
    const denied = await other.post(referralsOf(world.participant.id), housingReferral());
    expect(denied.statusCode).toBe(404);
    expect((await other.get(referralsOf(world.participant.id))).statusCode).toBe(404);
    const deniedAudit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, world.users.peerA2.id), eq(auditEvents.outcome, 'denied')));
    expect(deniedAudit.map((a) => a.action).sort()).toEqual(['referral.create', 'referral.read']);

    const mine = await me.post(referralsOf(world.participant.id), housingReferral());
    expect(mine.statusCode).toBe(403);
    expect(mine.json().error.code).toBe('referral.peer_worker_refers');

    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    expect((await supervisor.post(referralsOf(world.participant.id), housingReferral())).statusCode).toBe(404);
    const read = await supervisor.get(referralsOf(world.participant.id));
    expect(read.statusCode).toBe(200);
    expect(read.json().can.create).toBe(false);
    expect(read.json().referrals[0].can).toEqual({ edit: false, changeStatusTo: [], reportVisit: false });
  });
});

describe('what the participant sees', () => {
  it('shows the participant their own referrals once sent, never a draft, and never anyone else’s', async () => {
    const draft = (await peer.post(referralsOf(world.participant.id), { ...housingReferral(), send: false, consentGiven: false })).json();
    expect(draft.status).toBe('draft');
    expect(await openTasksFor(draft.id)).toEqual([]);

    const list = (await me.get(referralsOf(world.participant.id))).json();
    expect(list.referrals.length).toBeGreaterThan(0);
    expect(list.referrals.map((r: { status: string }) => r.status)).not.toContain('draft');
    expect(list.can.create).toBe(false);
    expect((await me.get(`${referralsOf(world.participant.id)}/${draft.id}`)).statusCode).toBe(404);
    const across = (await me.get('/api/referrals?status=all')).json().referrals;
    expect(across.map((r: { participantId: string }) => r.participantId)).toEqual(across.map(() => world.participant.id));
    expect(across.map((r: { id: string }) => r.id)).not.toContain(draft.id);

    // Another participant's referrals do not exist for them; the attempt is audited.
    const theirs = await peer.post(referralsOf(world.otherParticipant.id), housingReferral());
    expect(theirs.statusCode).toBe(404); // peerA is not Robin's peer worker
    const robinsPeer = await signIn(t.app, world.users.peerA2.email);
    const robins = (await robinsPeer.post(referralsOf(world.otherParticipant.id), housingReferral())).json();
    expect((await me.get(referralsOf(world.otherParticipant.id))).statusCode).toBe(404);
    expect((await me.get(`${referralsOf(world.otherParticipant.id)}/${robins.id}`)).statusCode).toBe(404);
    expect((await me.get(`${referralsOf(world.participant.id)}/${robins.id}`)).statusCode).toBe(404);
    expect((await me.get('/api/referrals?status=all')).json().referrals.map((r: { id: string }) => r.id)).not.toContain(robins.id);
    const denied = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, world.users.participantUser.id), eq(auditEvents.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('lets the participant say "I went" and that it helped: the loop closes and the follow-up is done', async () => {
    const r = (await peer.post(referralsOf(world.participant.id), housingReferral())).json();
    const url = `${referralsOf(world.participant.id)}/${r.id}/visit`;
    expect((await me.post(url, { went: true })).statusCode).toBe(400);
    expect((await peer.post(url, { went: true, helped: 'yes' })).json().error.code).toBe('referral.participant_reports');

    const notYet = await me.post(url, { went: false });
    expect(notYet.statusCode).toBe(200);
    expect(notYet.json()).toMatchObject({ status: 'sent', participantReport: { went: false, helped: null } });

    const went = await me.post(url, { went: true, helped: 'yes', comment: 'They had a bed for me the same night.' });
    expect(went.statusCode).toBe(200);
    const done = went.json();
    expect(done).toMatchObject({ status: 'completed', participantReport: { went: true, helped: 'yes', comment: 'They had a bed for me the same night.' }, can: { reportVisit: true } });
    expect(done.history.filter((h: { kind: string }) => h.kind === 'status').map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual(['sent→accepted', 'accepted→completed']);
    const [task] = await openTasksFor(r.id);
    expect(task!.doneAt).not.toBeNull();

    // Seen from the peer worker's side, the referral is finished and says so.
    const seen = (await peer.get(`${referralsOf(world.participant.id)}/${r.id}`)).json();
    expect(seen).toMatchObject({ status: 'completed', can: { edit: false, changeStatusTo: [] } });
  });

  it('keeps a visit that did not help open for the peer worker, and refuses a report on a closed referral', async () => {
    const r = (await peer.post(referralsOf(world.participant.id), housingReferral())).json();
    const url = `${referralsOf(world.participant.id)}/${r.id}`;
    expect((await me.post(`${url}/visit`, { went: true, helped: 'no', comment: 'Full until next month' })).json()).toMatchObject({ status: 'sent' });
    expect((await openTasksFor(r.id))[0]!.doneAt).toBeNull();
    await peer.post(`${url}/status`, { to: 'closed_unmet', reason: 'waitlist', note: 'Waitlist until March' });
    const closed = await me.post(`${url}/visit`, { went: true, helped: 'yes' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('referral.finished');
  });
});

describe('the lifecycle', () => {
  it('goes draft → sent → accepted → completed, refusing what the lifecycle does not have with 409', async () => {
    const draft = (await peer.post(referralsOf(world.participant.id), { ...housingReferral(), send: false, consentGiven: false })).json();
    const url = `${referralsOf(world.participant.id)}/${draft.id}/status`;
    expect(draft.can.changeStatusTo).toEqual(['sent', 'closed_unmet']);

    const skip = await peer.post(url, { to: 'accepted' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('referral.transition_invalid');
    const noConsent = await peer.post(url, { to: 'sent' });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.json().error.fields[0].path).toBe('body.consentGiven');
    expect((await peer.get(`${referralsOf(world.participant.id)}/${draft.id}`)).json().status).toBe('draft');

    const sent = (await peer.post(url, { to: 'sent', consentGiven: true })).json();
    expect(sent).toMatchObject({ status: 'sent', consentRecordedAt: expect.any(String) });
    expect(await openTasksFor(draft.id)).toHaveLength(1);
    expect((await peer.post(url, { to: 'accepted', note: 'Intake on Monday' })).json().status).toBe('accepted');
    expect((await peer.post(url, { to: 'sent', consentGiven: true })).statusCode).toBe(409);
    const completed = (await peer.post(url, { to: 'completed', note: 'Moved in' })).json();
    expect(completed).toMatchObject({ status: 'completed', outcomeNote: 'Moved in', can: { changeStatusTo: [] } });
    expect((await openTasksFor(draft.id))[0]!.doneAt).not.toBeNull();
    for (const to of ['sent', 'accepted', 'declined', 'completed']) {
      expect((await peer.post(url, { to, consentGiven: true })).statusCode, to).toBe(409);
    }
    expect((await peer.post(url, { to: 'closed_unmet', reason: 'other' })).statusCode).toBe(409);
    const changes = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'referral.status_change'), eq(auditEvents.resourceId, draft.id)))
      .orderBy(asc(auditEvents.occurredAt));
    expect(changes.map((c) => (c.details as { to: string }).to)).toEqual(['sent', 'accepted', 'completed']);
  });

  it('closes a declined referral with the need unmet and why', async () => {
    const r = (await peer.post(referralsOf(world.participant.id), housingReferral())).json();
    const url = `${referralsOf(world.participant.id)}/${r.id}/status`;
    expect((await peer.post(url, { to: 'declined', note: 'Not taking new people' })).json().status).toBe('declined');
    expect((await peer.post(url, { to: 'completed' })).statusCode).toBe(409);
    const noWhy = await peer.post(url, { to: 'closed_unmet' });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.json().error.fields[0].path).toBe('body.reason');
    const closed = (await peer.post(url, { to: 'closed_unmet', reason: 'declined_by_service', note: 'Will try Harbor Annex' })).json();
    expect(closed).toMatchObject({ status: 'closed_unmet', unmetReason: 'declined_by_service', outcomeNote: 'Will try Harbor Annex' });
    expect((await openTasksFor(r.id))[0]!.doneAt).not.toBeNull();
  });

  it('moves the follow-up task with a new date, and leaves a finished referral as it ended', async () => {
    const r = (await peer.post(referralsOf(world.participant.id), housingReferral())).json();
    const url = `${referralsOf(world.participant.id)}/${r.id}`;
    const moved = await peer.patch(url, { followUpOn: chicagoDate(10), need: 'A bed, and help with the deposit' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ followUpOn: chicagoDate(10), need: 'A bed, and help with the deposit' });
    const followUps = await openTasksFor(r.id);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.dueOn).toBe(chicagoDate(10));
    expect((await peer.patch(url, {})).statusCode).toBe(400);
    expect((await me.patch(url, { need: 'Something else' })).statusCode).toBe(403);
    await peer.post(`${url}/status`, { to: 'closed_unmet', reason: 'participant_choice' });
    const late = await peer.patch(url, { followUpOn: chicagoDate(20) });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('referral.finished');
  });
});

describe('follow-up reminders', () => {
  it('reminds the referring peer worker once when the follow-up day comes, and again after the date moves', async () => {
    const r = (await peer.post(referralsOf(world.participant.id), { ...housingReferral(), followUpOn: chicagoDate(2) })).json();
    const mineOnly = () => t.database.db.select().from(notifications).where(and(eq(notifications.userId, world.users.peerA.id), eq(notifications.kind, 'referral_follow_up')));
    const before = (await mineOnly()).length;
    await sendDueReferralFollowUps(t.database.db, new Date(Date.now() + 86_400_000)); // tomorrow: not due yet
    expect((await mineOnly()).filter((n) => n.link?.endsWith(r.id))).toHaveLength(0);
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    await sendDueReferralFollowUps(t.database.db, inThreeDays);
    await sendDueReferralFollowUps(t.database.db, inThreeDays);
    const reminded = (await mineOnly()).filter((n) => n.link === `/participants/${world.participant.id}/referrals/${r.id}`);
    expect(reminded).toHaveLength(1);
    expect(reminded[0]!.title).toContain('Alex Example');
    expect((await mineOnly()).length).toBeGreaterThan(before);

    await peer.patch(`${referralsOf(world.participant.id)}/${r.id}`, { followUpOn: chicagoDate(5) });
    await sendDueReferralFollowUps(t.database.db, new Date(Date.now() + 6 * 86_400_000));
    expect((await mineOnly()).filter((n) => n.link?.endsWith(r.id))).toHaveLength(2);
    // Finished referrals are never reminded about.
    await peer.post(`${referralsOf(world.participant.id)}/${r.id}/status`, { to: 'closed_unmet', reason: 'no_response' });
    await peer.patch(`${referralsOf(world.participant.id)}/${r.id}`, { followUpOn: chicagoDate(7) }).catch(() => undefined);
    await sendDueReferralFollowUps(t.database.db, new Date(Date.now() + 9 * 86_400_000));
    expect((await mineOnly()).filter((n) => n.link?.endsWith(r.id))).toHaveLength(2);
  });

  it('reminds about every due referral when there are more than one batch holds, once each', async () => {
    const made = [];
    for (let i = 0; i < 3; i++) made.push((await peer.post(referralsOf(world.participant.id), { ...housingReferral(), followUpOn: chicagoDate(20) })).json().id as string);
    const remindedAbout = async (id: string) =>
      (await t.database.db.select().from(notifications).where(eq(notifications.link, `/participants/${world.participant.id}/referrals/${id}`))).length;
    const due = new Date(Date.now() + 21 * 86_400_000);
    const { sent } = await sendDueReferralFollowUps(t.database.db, due, 1);
    expect(sent).toBeGreaterThanOrEqual(3);
    expect(await Promise.all(made.map(remindedAbout))).toEqual([1, 1, 1]);
    await sendDueReferralFollowUps(t.database.db, due, 1);
    expect(await Promise.all(made.map(remindedAbout))).toEqual([1, 1, 1]);
  });
});

describe('needs met per category', () => {
  it('counts referrals met, unmet (with why) and open per category for supervisors only', async () => {
    const supervisor = await signIn(t.app, world.users.supervisorA.email);
    const res = await supervisor.get('/api/referrals/outcomes');
    expect(res.statusCode).toBe(200);
    const housing = res.json().categories.find((c: { category: string }) => c.category === 'housing');
    const rows = await t.database.db.select({ status: referrals.status }).from(referrals).where(and(eq(referrals.organizationId, world.org.id), sql`${referrals.status} <> 'draft'`));
    expect(housing).toMatchObject({
      referred: rows.length,
      met: rows.filter((r) => r.status === 'completed').length,
      unmet: rows.filter((r) => r.status === 'closed_unmet').length,
    });
    expect(housing.met).toBeGreaterThanOrEqual(2);
    expect(housing.unmetReasons).toMatchObject({ waitlist: 1, declined_by_service: 1 });
    expect((await peer.get('/api/referrals/outcomes')).statusCode).toBe(403);
    expect((await supervisor.get('/api/referrals/outcomes?from=2026-13-01')).statusCode).toBe(400);
  });

  it('lists a peer worker’s open referrals across their caseload', async () => {
    const open = (await peer.get('/api/referrals')).json().referrals;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r: { status: string }) => !['completed', 'closed_unmet'].includes(r.status))).toBe(true);
    expect(open.every((r: { participantId: string }) => r.participantId === world.participant.id)).toBe(true);
  });
});
