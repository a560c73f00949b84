import { describe, expect, it } from 'vitest';
import { servicesPerOrganization } from '../../src/server/bench/load-directories.js';
import { quickSizes } from '../../src/server/bench/sizes.js';
import * as records from '../../src/server/bench/statewide-records.js';
import type { Generation } from '../../src/server/bench/statewide-rows.js';
import { participantRows } from '../../src/server/bench/statewide-rows.js';

// The benchmark dataset must load into the real schema: ids that rows point at must exist, in the
// same organization, and the same seed must give the same rows (a run can be compared with the last).
const g: Generation = { sizes: { ...quickSizes, participants: 400, checkIns: 4_000, assessments: 600, referrals: 400, programs: 4, organizations: 2, peerWorkers: 40, services: 40, matchingWaiting: 30, matchingPeers: 5 }, seed: 3, now: new Date('2026-06-01T12:00:00Z'), passwordHash: 'x' };
const all = <T,>(rows: Iterable<T>) => [...rows];

describe('statewide benchmark records', () => {
  it('shares the directory: half to the first organization, the rest evenly, none lost', () => {
    expect(servicesPerOrganization({ ...g.sizes, services: 20_000, organizations: 20 })).toEqual([10_000, ...Array(19).fill(526).map((n, i) => (i < 6 ? n + 1 : n))]);
    expect(servicesPerOrganization({ ...g.sizes, services: 7, organizations: 1 })).toEqual([7]);
  });

  it('gives the same rows for the same seed', () => {
    expect(all(records.assessmentRows(g))).toEqual(all(records.assessmentRows(g)));
    expect(all(records.matchingPreferenceRows(g))).toEqual(all(records.matchingPreferenceRows(g)));
  });

  it('scores assessments for participants that exist, with the instrument they name', () => {
    const participants = new Map(all(participantRows(g)).map((r) => [r[0], r[1]]));
    const rows = all(records.assessmentRows(g));
    expect(rows.length).toBeGreaterThan(g.sizes.assessments * 0.6);
    for (const r of rows) {
      expect(participants.get(r[2])).toBe(r[1]);
      expect(['barc10', 'phq9', 'gad7']).toContain(r[3]);
      expect(Object.keys(JSON.parse(r[8] as string)).length).toBeGreaterThan(0);
    }
  });

  it('records attendance only for sessions that took place, of people enrolled in the group', () => {
    const sessions = new Map(all(records.groupSessionRows(g)).map((r) => [r[0], { group: r[2], status: r[6] }]));
    const enrolled = new Set(all(records.groupEnrolmentRows(g)).map((r) => `${r[2]}|${r[3]}`));
    const attendance = all(records.groupAttendanceRows(g));
    expect(attendance.length).toBeGreaterThan(0);
    for (const a of attendance) {
      const session = sessions.get(a[2]);
      expect(session?.status).toBe('scheduled');
      expect(enrolled.has(`${session!.group}|${a[3]}`)).toBe(true);
    }
  });

  it("refers participants only to services of their own organization's directory", () => {
    const participants = new Map(all(participantRows(g)).map((r) => [r[0], r[1]]));
    const orgs = [...new Set(participants.values())] as string[];
    const directories = orgs.map((_, o) => [{ id: `service-${o}`, name: `Service ${o}`, providerName: null, category: 'food' }]);
    const rows = all(records.referralRows(directories)(g));
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r[3]).toBe(`service-${orgs.indexOf(participants.get(r[2]) as string)}`);
    const events = all(records.referralEventRows(directories)(g));
    expect(new Set(events.map((e) => e[2]))).toEqual(new Set(rows.map((r) => r[0])));
  });
});
