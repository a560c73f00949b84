import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/server/db/schema/index.js';
import { extractColumns, MAX_DATE_SHIFT_DAYS } from '../../src/server/modules/outcomes/evaluator-extract.js';
import type { OutcomeReport } from '../../src/shared/schemas/outcomes.js';
import { createTestApp, signIn, type Session, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';
import { PERIOD, seedOutcomesFixture } from '../helpers/outcomes-fixture.js';

let t: TestApp;
let world: World;
let supervisorA: Session;
let report: OutcomeReport;
let fixtureIds: string[];
const url = (q: Record<string, string>) => `/api/reports/outcomes?${new URLSearchParams(q)}`;
const periodA = () => ({ programId: world.programA.id, ...PERIOD });
const measure = (id: string) => report.measures.find((m) => m.id === id)!;
const table = (dimension: string) => report.equity.find((e) => e.dimension === dimension)!;
const cell = (dimension: string, group: string) => table(dimension).cells.find((c) => c.group === group)!;
const cellMeasure = (dimension: string, group: string, id: string) => cell(dimension, group).measures.find((m) => m.id === id)!;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  fixtureIds = (await seedOutcomesFixture(t.database.db, world)).ids;
  supervisorA = await signIn(t.app, world.users.supervisorA.email);
  const res = await supervisorA.get(url(periodA()));
  expect(res.statusCode).toBe(200);
  report = res.json();
});
afterAll(() => t.close());

describe('program measures on the 40-person fixture, worked by hand', () => {
  it('counts the cohort: 40 people enrolled at some time in the period, not those who left before or came after', () => {
    // p0–p39; "Left Before" (discharged 2026-03-01) and "Came Later" (2026-10-15) are outside; makeWorld's two enrol today.
    expect(report.scope).toMatchObject({ from: '2026-04-01', to: '2026-09-30', timeZone: 'America/Chicago', participants: 40 });
  });

  it('gives enrolment, activity, retention and time to first contact', () => {
    // Enrolled in the period: p0–p29 = 30.
    expect(measure('enrolled')).toMatchObject({ value: 30, denominator: 30 });
    // Active: contacts p0–p23 and p30–p34, check-ins p0–p14, p29, p30–p35, attendance p0–p9, mutual-aid meetings p36–p39
    // → p0–p23 (24) + p29 (1) + p30–p35 (6) + p36–p39 (4) = 35.
    expect(measure('active').value).toBe(35);
    // Day 30 (window days 1–30): contacts p0–p23 plus p29's check-ins on Apr 8/15 → 25 of 30 = 0.8333 → 0.833.
    expect(measure('retention_30')).toMatchObject({ value: 0.833, denominator: 30 });
    // Day 90 (window 2026-05-31 – 06-29): check-ins of p0–p14 on 2026-06-10 → 15/30 = 0.5.
    expect(measure('retention_90')).toMatchObject({ value: 0.5, denominator: 30 });
    // Day 180 (window 2026-08-29 – 09-27; day 180 = 09-28 ≤ period end): present at the 09-10 session p0–p9 → 10/30 = 0.333.
    expect(measure('retention_180')).toMatchObject({ value: 0.333, denominator: 30 });
    // First contact 2 days (p0–p11) and 10 days (p12–p23) after enrolment: median of 12×2, 12×10 = (2+10)/2 = 6.
    expect(measure('days_to_first_contact')).toMatchObject({ value: 6, denominator: 24 });
  });

  it('gives engagement per participant-month, group attendance and check-in regularity (private check-ins counted)', () => {
    // Participant-days: 39 people the whole period × 183 + p29 (Apr 1 – May 1) 30 = 7167 days = 7167 / 30.4375 = 235.47 months.
    // All contacts 29 → 29 / 235.47 = 0.1232 → 0.12; phone 17 (p0–p11, p30–p34) → 0.0722 → 0.07; in person 12 → 0.051 → 0.05.
    expect(measure('contacts_per_month')).toMatchObject({ value: 0.12, denominator: 40 });
    expect(measure('contacts_per_month_phone').value).toBe(0.07);
    expect(measure('contacts_per_month_in_person').value).toBe(0.05);
    expect(measure('contacts_per_month_video').value).toBe(0);
    // Mutual-aid meetings logged: p36–p39 once each on 07-15 → 4 / 235.47 = 0.017 → 0.02.
    expect(measure('mutual_aid_meetings_per_month')).toMatchObject({ value: 0.02, denominator: 40 });
    // Session 09-10: present 10, absent 5, excused 1 (left out) → 10/15 = 0.667.
    expect(measure('group_attendance_rate')).toMatchObject({ value: 0.667, denominator: 15 });
    // Regular = weeks with a check-in ≥ half of whole weeks enrolled: p30–p35 13 of 26 (p31's are private), p29 2 of 4 → 7 of 40 = 0.175.
    expect(measure('checkin_regularity')).toMatchObject({ value: 0.175, denominator: 40 });
  });

  it('pairs BARC-10, PHQ-9 and BAM first → latest, and withholds figures on fewer than 11 pairs', () => {
    // BARC-10 40 → 48 (p0–p8), 46 (p9), 40 (p10–p11), 36 (p12–p13); p14 has no second score.
    // Mean change (9×8 + 6 + 0 + 2×−4)/14 = 70/14 = 5; improved 10/14 = 0.714; at or above 47: 9/14 = 0.643.
    expect(measure('barc10_mean_change')).toMatchObject({ value: 5, denominator: 14 });
    expect(measure('barc10_share_improved').value).toBe(0.714);
    expect(measure('barc10_share_remission').value).toBe(0.643);
    // PHQ-9 16 (moderately severe) → 8 mild (p0–p5), 15 same band (p6–p8), 20 severe (p9–p11).
    // Mean (6×−8 + 3×−1 + 3×4)/12 = −39/12 = −3.25; down a band 6/12 = 0.5.
    expect(measure('phq9_mean_change')).toMatchObject({ value: -3.25, denominator: 12 });
    expect(measure('phq9_share_band_down').value).toBe(0.5);
    // BAM use: 5 pairs < 11 → withheld. GAD-7: nobody → no figure, nothing to withhold.
    expect(measure('bam_use_mean_change')).toEqual({ id: 'bam_use_mean_change', value: null, denominator: 5, suppressed: 'small_denominator' });
    expect(measure('gad7_mean_change')).toEqual({ id: 'gad7_mean_change', value: null, denominator: 0, suppressed: null });
  });

  it('pairs check-in reported use per person, first answer ever → latest in the period, and gives days in recovery', () => {
    // Pairs (two different check-ins answering yes/no, the latest in the period):
    //   p0–p4 answered only "prefer not to say" → none; p36–p39 answered only before the period → none;
    //   p5–p9 yes → no, p10–p14 no → no (Apr 3, then Jun 10); p29 yes → yes (Apr 8, Apr 15);
    //   p30 yes → yes, p31–p33 yes → no, p34–p35 no → no (Mar 2 before the period, then the last Monday, Jun 29).
    // 17 people. First yes: 5 + 1 + 1 + 3 = 10 → 10/17 = 0.588; latest yes: p29, p30 → 2/17 = 0.118;
    // yes then no: p5–p9, p31–p33 → 8/17 = 0.471.
    expect(measure('checkin_use_baseline')).toMatchObject({ value: 0.588, denominator: 17 });
    expect(measure('checkin_use_latest')).toMatchObject({ value: 0.118, denominator: 17 });
    expect(measure('checkin_use_stopped')).toMatchObject({ value: 0.471, denominator: 17 });
    // To 2026-09-30: from 06-01 = 121 days (p30–p35), from 08-01 = 60 (p36–p39), from 09-20 = 10 (p0–p1).
    // Sorted 10,10,60,60,60,60,121×6: median (60 + 121)/2 = 90.5; at 90 or more 6/12 = 0.5.
    expect(measure('days_in_recovery_median')).toMatchObject({ value: 90.5, denominator: 12 });
    expect(measure('days_in_recovery_90').value).toBe(0.5);
  });

  it('gives referrals met and days to completion, and withholds small categories with their complement', () => {
    // Completed: employment 11 (7 days), housing 8 (14 days), food 3 (3 days) = 22; unmet housing 4 + employment 2 = 6.
    // Met 22/28 = 0.786; median of 3,3,3,7×11,14×8 (22 values): 11th and 12th are 7 → 7.
    expect(measure('referrals_completed').value).toBe(22);
    expect(measure('referrals_met_share')).toMatchObject({ value: 0.786, denominator: 28 });
    expect(measure('referral_days_median').value).toBe(7);
    // Food (3) < 11 is withheld; alone it could be recovered from the total, so housing (12, the smallest other) goes too.
    expect(report.referralsByCategory).toEqual([
      { category: 'employment', completed: 11, closedUnmet: 2, metShare: 0.846, medianDaysToComplete: 7, suppressed: null },
      { category: 'food', completed: null, closedUnmet: null, metShare: null, medianDaysToComplete: null, suppressed: 'small_cell' },
      { category: 'housing', completed: null, closedUnmet: null, metShare: null, medianDaysToComplete: null, suppressed: 'complementary' },
    ]);
  });

  it('gives the per-person side of the workforce: had a peer worker, alerts about the person handled in time', () => {
    // Everyone has a peer worker from 2025-09-01 → 40/40. Alerts: 4 (< 11) → withheld here (the workforce table shows workers' figures).
    expect(measure('peer_worker_share')).toMatchObject({ value: 1, denominator: 40 });
    expect(measure('alerts_in_time_share')).toMatchObject({ value: null, denominator: 4, suppressed: 'small_denominator' });
  });

  it('summarises the workforce without naming anyone', () => {
    // Caseloads at period end: peer A 20 (p0–p19), peer A2 20 (p20–p39). Contacts: peer A wrote all 29, A2 none:
    // 14.5 per worker over 183/7 = 26.14 weeks → 0.5546 → 0.55. Alerts acknowledged after 10, 20, 25, 45 min;
    // in time (30 min default) 3/4; median (20 + 25)/2 = 22.5.
    expect(report.workforce).toEqual({
      peerWorkers: 2,
      caseloadMean: 20,
      caseloadMax: 20,
      contactsPerWorkerWeek: 0.55,
      alerts: 4,
      alertsAcknowledgedInTime: 3,
      alertsInTimeShare: 0.75,
      alertMedianMinutesToAcknowledge: 22.5,
    });
  });

  it('trends month by month in the program time zone', () => {
    // Apr: contacts 24; check-ins p29 2 + p30–p35 × 4 Mondays = 26; active 24 + 1 + 6 = 31.
    // (plus p5–p14's Apr 3 check-ins: 36). May: contacts 5; check-ins 6 × 4 = 24; active 6.
    // Jun: check-ins 15 + 6 × 5 = 45; active 21. Jul: 4 mutual-aid meetings, active 4. Sep: attended 10.
    expect(report.trends).toEqual([
      { month: '2026-04', activeParticipants: 31, contacts: 24, checkIns: 36, groupSessionsAttended: 0, mutualAidMeetings: 0 },
      { month: '2026-05', activeParticipants: 6, contacts: 5, checkIns: 24, groupSessionsAttended: 0, mutualAidMeetings: 0 },
      { month: '2026-06', activeParticipants: 21, contacts: 0, checkIns: 45, groupSessionsAttended: 0, mutualAidMeetings: 0 },
      { month: '2026-07', activeParticipants: 4, contacts: 0, checkIns: 0, groupSessionsAttended: 0, mutualAidMeetings: 4 },
      { month: '2026-08', activeParticipants: 0, contacts: 0, checkIns: 0, groupSessionsAttended: 0, mutualAidMeetings: 0 },
      { month: '2026-09', activeParticipants: 10, contacts: 0, checkIns: 0, groupSessionsAttended: 10, mutualAidMeetings: 0 },
    ]);
    expect(report.notRecorded).toEqual(['housingStatus']);
  });
});

describe('equity breakdown on the fixture', () => {
  it('withholds small gender cells and, as they add to fewer than 11, the smallest other cell too', () => {
    // woman 18, man 15, non-binary 4, not recorded 3: 4 and 3 are < 11; together 7 < 11, so man (15) is withheld too.
    expect(table('genderIdentity').cells.map((c) => [c.group, c.n, c.suppressed])).toEqual([
      ['man', null, 'complementary'],
      ['non_binary', null, 'small_cell'],
      ['not_recorded', null, 'small_cell'],
      ['woman', 18, null],
    ]);
    expect(cellMeasure('genderIdentity', 'man', 'retention_30')).toMatchObject({ value: null, suppressed: 'complementary' });
  });

  it('withholds a lone small age cell with its complement, and shows a cell of exactly 11', () => {
    // 25–34: 20, 35–44: 12, 45–54: 8 → 45–54 withheld; alone it is total − the rest, so 35–44 goes too.
    expect(table('ageRange').cells.map((c) => [c.group, c.n, c.suppressed])).toEqual([
      ['25_34', 20, null],
      ['35_44', null, 'complementary'],
      ['45_54', null, 'small_cell'],
    ]);
    // Language: en p0–p28 (29), es p29–p39 (11): both shown.
    expect(table('language').cells.map((c) => [c.group, c.n])).toEqual([
      ['en', 29],
      ['es', 11],
    ]);
    // Inside the Spanish cell, counts under 11 are withheld as well (enrolled 1: p29), and so is its denominator.
    expect(cellMeasure('language', 'es', 'enrolled')).toEqual({ id: 'enrolled', value: null, denominator: null, suppressed: 'small_denominator', gap: null });
    // Active 11 (p29, p30–p35, p36–p39 by their meetings): exactly 11 is shown.
    expect(cellMeasure('language', 'es', 'active')).toMatchObject({ value: 11, denominator: 11, suppressed: null });
  });

  it('withholds a figure that the overall one minus the other groups would reveal (complementary, per measure)', () => {
    // Enrolled: overall 30, Spanish 1 withheld; English 29 shown would give 30 − 29 = 1 away → English withheld too.
    expect(cellMeasure('language', 'en', 'enrolled')).toEqual({ id: 'enrolled', value: null, denominator: null, suppressed: 'complementary', gap: null });
    // Day 30: eligible en 29, es 1 (p29) → the same.
    expect(cellMeasure('language', 'en', 'retention_30')).toMatchObject({ value: null, suppressed: 'complementary' });
    // Both language cells shown where neither is small: contacts per participant-month rests on en 29, es 11 people.
    // en: contacts of p0–p23 = 24 over (28 × 183 + 30) / 30.4375 = 169.3 months → 0.1418 → 0.14.
    expect(cellMeasure('language', 'en', 'contacts_per_month')).toMatchObject({ value: 0.14, denominator: 29, suppressed: null });
    // Age, day 90: 35–44 (hidden as a group) has 10 eligible (p20–p29), 45–54 none; overall 15/30 minus 25–34's 15/20
    // would give 35–44's 0/10 → 25–34's figure is withheld as its complement.
    expect(cellMeasure('ageRange', '25_34', 'retention_90')).toMatchObject({ value: null, denominator: null, suppressed: 'complementary', gap: null });
    // Referrals finished: 25–34 20, 35–44 8 (p20–p27), 45–54 0 → the same.
    expect(cellMeasure('ageRange', '25_34', 'referrals_met_share')).toMatchObject({ value: null, suppressed: 'complementary' });
    // Gender, day 30: the hidden groups hold men's 12 eligible (p18–p29) and nobody else's: 12 ≥ 11 reveals no small
    // figure, so women's figure stays (see below).
    expect(cellMeasure('genderIdentity', 'woman', 'retention_30')).toMatchObject({ value: 1, suppressed: null });
  });

  it('computes a group the same way as the whole and flags gaps against it', () => {
    // Women p0–p17: all enrolled in the period; day 30 engaged 18/18 = 1 (overall 0.833: +0.167 → favourable);
    // day 90 p0–p14 = 15/18 = 0.833 (+0.333); day 180 p0–p9 = 10/18 = 0.556 (+0.222).
    expect(cellMeasure('genderIdentity', 'woman', 'enrolled')).toMatchObject({ value: 18, gap: null });
    expect(cellMeasure('genderIdentity', 'woman', 'retention_30')).toMatchObject({ value: 1, denominator: 18, gap: 'favourable' });
    expect(cellMeasure('genderIdentity', 'woman', 'retention_90')).toMatchObject({ value: 0.833, gap: 'favourable' });
    expect(cellMeasure('genderIdentity', 'woman', 'retention_180')).toMatchObject({ value: 0.556, gap: 'favourable' });
    // BARC-10 pairs are all women (p0–p13): the same figure, no gap.
    expect(cellMeasure('genderIdentity', 'woman', 'barc10_mean_change')).toMatchObject({ value: 5, gap: null });
    // Days in recovery: only p0, p1 among women → withheld.
    expect(cellMeasure('genderIdentity', 'woman', 'days_in_recovery_median')).toMatchObject({ value: null, suppressed: 'small_denominator' });
    // Age 25–34 (p0–p19): contacts 20 over 20 × 183 / 30.4375 = 120.25 months → 0.166 → 0.17 vs 0.12 (20 % is 0.024) → favourable.
    // (45–54's 8 people and 35–44's 12 are hidden together: 20 ≥ 11 in two cells, so 25–34 is shown.)
    expect(cellMeasure('ageRange', '25_34', 'contacts_per_month')).toMatchObject({ value: 0.17, denominator: 20, gap: 'favourable' });
    // Referrals by group: English speakers finished all 28 (p0–p27), Spanish speakers none → 22/28 = 0.786, no gap.
    expect(cellMeasure('language', 'en', 'referrals_met_share')).toMatchObject({ value: 0.786, denominator: 28, gap: null });
    expect(cellMeasure('language', 'es', 'referrals_completed')).toMatchObject({ value: 0, suppressed: null });
    // Women finished 18 (p0–p17, all met) but men 10 (p18–p27): overall minus women would give men's → withheld.
    expect(cellMeasure('genderIdentity', 'woman', 'referrals_met_share')).toMatchObject({ value: null, suppressed: 'complementary' });
    // Had a peer worker, by group: women 18/18.
    expect(cellMeasure('genderIdentity', 'woman', 'peer_worker_share')).toMatchObject({ value: 1, denominator: 18 });
    // Check-in use pairs: English speakers p5–p14 = 10, Spanish p29–p35 = 7: both withheld (< 11).
    expect(cellMeasure('language', 'en', 'checkin_use_baseline')).toMatchObject({ value: null, denominator: null, suppressed: 'small_denominator' });
    expect(cellMeasure('language', 'es', 'checkin_use_baseline')).toMatchObject({ value: null, suppressed: 'small_denominator' });
  });
});

describe('who may open organization reports', () => {
  it('refuses participants and peer workers', async () => {
    for (const who of [world.users.participantUser, world.users.peerA, world.users.clinicianA]) {
      const s = await signIn(t.app, who.email);
      expect((await s.get(url(periodA()))).statusCode).toBe(403);
      expect((await s.get(`/api/reports/outcomes/export?${new URLSearchParams({ ...periodA(), table: 'measures' })}`)).statusCode).toBe(403);
    }
  });

  it("answers a supervisor asking for another program's report as not found, and audits the attempt", async () => {
    const other = await signIn(t.app, world.users.supervisorB.email);
    const res = await other.get(url(periodA()));
    expect(res.statusCode).toBe(404);
    const denied = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report.read'), eq(auditEvents.actorUserId, world.users.supervisorB.id), eq(auditEvents.outcome, 'denied')));
    expect(denied).toHaveLength(1);
    expect(denied[0]!.resourceId).toBe(world.programA.id);
    // Without a program, a supervisor's report covers only their own.
    const own = (await other.get(url(PERIOD))).json();
    expect(own.scope.programs.map((p: { id: string }) => p.id)).toEqual([world.programB.id]);
    expect(own.scope.participants).toBe(0);
    expect((await other.get('/api/reports/programs')).json()).toMatchObject({ programs: [{ id: world.programB.id }], canExtract: false });
  });

  it('lets the organization admin see every program, and audits each read', async () => {
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const res = (await admin.get(url(PERIOD))).json();
    expect(res.scope.programs.map((p: { id: string }) => p.id).sort()).toEqual([world.programA.id, world.programB.id].sort());
    expect(res.scope.participants).toBe(40);
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'report.read'), eq(auditEvents.actorUserId, world.users.orgAdmin.id), eq(auditEvents.outcome, 'allowed')));
    expect(reads).toHaveLength(1);
  });

  it('refuses a bad period with 400', async () => {
    expect((await supervisorA.get(url({ ...periodA(), from: '2026-10-01' }))).statusCode).toBe(400);
    expect((await supervisorA.get(url({ ...periodA(), to: 'yesterday' }))).statusCode).toBe(400);
    expect((await supervisorA.get(url({ ...periodA(), from: '2010-01-01' }))).statusCode).toBe(400);
    expect((await supervisorA.get(`/api/reports/outcomes/export?${new URLSearchParams({ ...periodA(), table: 'names' })}`)).statusCode).toBe(400);
  });
});

describe('CSV export and the evaluator extract', () => {
  it('exports a table as CSV with the same rows as the report, and audits it', async () => {
    const res = await supervisorA.get(`/api/reports/outcomes/export?${new URLSearchParams({ ...periodA(), table: 'referrals' })}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('outcomes-referrals-2026-04-01-2026-09-30.csv');
    expect(res.body.trim().split('\r\n')).toEqual([
      'category,completed,closed_unmet,met_share,median_days_to_complete,suppressed',
      'employment,11,2,0.846,7,',
      'food,,,,,small_cell',
      'housing,,,,,complementary',
    ]);
    const measures = (await supervisorA.get(`/api/reports/outcomes/export?${new URLSearchParams({ ...periodA(), table: 'measures' })}`)).body;
    expect(measures).toContain('retention_30,access,Engaged at 30 days,0.833,30,,');
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'report.export'), eq(auditEvents.actorUserId, world.users.supervisorA.id)));
    expect(audit.map((a) => (a.details as { table: string }).table).sort()).toEqual(['measures', 'referrals']);
  });

  it('gives evaluators a participant-level extract without direct identifiers, with dates shifted per person', async () => {
    const supervisor = await supervisorA.get(`/api/reports/outcomes/extract?${new URLSearchParams(periodA())}`);
    expect(supervisor.statusCode).toBe(403);
    const admin = await signIn(t.app, world.users.orgAdmin.email);
    const res = await admin.get(`/api/reports/outcomes/extract?${new URLSearchParams(periodA())}`);
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = res.body.trim().split('\r\n');
    const columns = header!.split(',');
    expect(columns).toEqual([...extractColumns]);
    for (const banned of ['name', 'preferred_name', 'pronouns', 'email', 'phone', 'address', 'participant_id', 'user_id', 'id', 'date_of_birth', 'enrolled_at']) {
      expect(columns).not.toContain(banned);
    }
    expect(rows).toHaveLength(40);
    expect(res.body).not.toContain('Fixture Person');
    for (const id of fixtureIds) expect(res.body).not.toContain(id);
    // Every enrolment date moved by at most the stated shift, and they no longer all fall on the two real dates.
    const enrolledCol = columns.indexOf('enrolled_on_shifted');
    const dates = rows.map((r) => r.split(',')[enrolledCol]!);
    for (const d of dates) {
      const fromReal = Math.min(...['2026-04-01', '2025-10-01'].map((real) => Math.abs(Date.parse(d) - Date.parse(real)) / 86_400_000));
      expect(fromReal).toBeLessThanOrEqual(MAX_DATE_SHIFT_DAYS);
    }
    expect(new Set(dates).size).toBeGreaterThan(2);
    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'report.extract'), eq(auditEvents.actorUserId, world.users.orgAdmin.id)));
    expect(audit.filter((a) => a.outcome === 'allowed')).toHaveLength(1);
    expect((audit.find((a) => a.outcome === 'allowed')!.details as { rows: number }).rows).toBe(40);
  });
});
