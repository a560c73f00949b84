import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, meetingSaves, organizations, participants, peerGroupAttendance, users } from '../../src/server/db/schema/index.js';
import { importMeetingFeed } from '../../src/server/modules/meetings/import-meetings.js';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * Groups and meetings on a phone. Jordan Ellis (peer worker) takes attendance for tonight's
 * "Relapse prevention" session from the home page: Alex present, Chris absent, Taylor Reyes found
 * as a walk-in, and someone new added by name. Alex (participant) then finds an online meeting
 * starting soon and saves it. Pages are checked with axe-core and photographed as `groups-<nn>-<step>`.
 */

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const person = (page: Page, name: string) => page.getByRole('group', { name: new RegExp(`^${name}`) });

describe('groups and meetings on a phone', () => {
  it('a facilitator takes attendance for tonight’s session, including walk-ins', { timeout: 300_000 }, async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
      const tile = page.getByTestId('home-groups-staff');
      await tile.waitFor();
      await checkAndShoot(page, 'groups-01-peer-home');
      const started = Date.now();
      await tile.getByRole('link', { name: /^Take attendance: Relapse prevention/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Attendance: Relapse prevention' }).waitFor();
      await expect.poll(() => page.getByTestId('attendance-person').count()).toBe(2);
      await checkAndShoot(page, 'groups-02-attendance-phone');

      await person(page, 'Alex Moreno').getByRole('radio', { name: 'Present' }).check();
      await person(page, 'Chris Palmer').getByRole('radio', { name: 'Absent' }).check();
      expect(await page.getByTestId('attendance-progress').innerText()).toBe('2 of 2 marked');

      // A walk-in who is already a participant of the program…
      await page.getByLabel('Find someone in the program').fill('Taylor');
      await page.getByRole('button', { name: 'Add Taylor Reyes' }).click();
      await page.getByText('Taylor Reyes is marked present.').waitFor();
      // …and someone new, who has no record (and no login) yet.
      await page.getByLabel('Name they go by').fill('Sam Walker');
      await page.getByLabel('Pronouns (optional)').fill('he/him');
      await page.getByRole('button', { name: 'Add and mark present' }).click();
      await page.getByText('Sam Walker is marked present.').waitFor();
      await expect.poll(() => page.getByTestId('attendance-person').count()).toBe(4);
      // The taps made before the walk-ins arrived are still there.
      expect(await person(page, 'Chris Palmer').getByRole('radio', { name: 'Absent' }).isChecked()).toBe(true);
      expect(await person(page, 'Sam Walker').getByRole('radio', { name: 'Present' }).isChecked()).toBe(true);

      await page.getByRole('button', { name: 'Save attendance' }).click();
      await page.getByText('Attendance saved: 3 present, 1 absent, 0 excused.').waitFor();
      const seconds = (Date.now() - started) / 1000;
      console.log(`attendance for 4 people, 2 of them walk-ins, took ${seconds.toFixed(1)} s of browser time`);
      await checkAndShoot(page, 'groups-03-attendance-saved');

      const db = e2e.server.database.db;
      const marks = await db
        .select({ name: participants.preferredName, status: peerGroupAttendance.status, walkIn: peerGroupAttendance.walkIn, userId: participants.userId })
        .from(peerGroupAttendance)
        .innerJoin(participants, eq(participants.id, peerGroupAttendance.participantId))
        .where(eq(peerGroupAttendance.recordedAt, peerGroupAttendance.recordedAt));
      const tonight = marks.filter((m) => ['Alex Moreno', 'Chris Palmer', 'Taylor Reyes', 'Sam Walker'].includes(m.name));
      expect(tonight.filter((m) => m.name === 'Sam Walker')).toEqual([{ name: 'Sam Walker', status: 'present', walkIn: true, userId: null }]);
      expect(tonight.some((m) => m.name === 'Taylor Reyes' && m.status === 'present' && m.walkIn)).toBe(true);

      // Back on the group page the session shows its count.
      await page.getByRole('link', { name: 'Back to the group' }).click();
      await page.getByTestId('group-sessions').waitFor();
      await page.getByText('Present 3 · Absent 1 · Excused 0').waitFor();
      await checkAndShoot(page, 'groups-04-group-page');
    } finally {
      await context.close();
    }
  });

  it('a participant finds an online meeting starting soon and saves it', { timeout: 300_000 }, async () => {
    // A listing that starts 20 minutes from now on the Chicago clock (the seed cannot know "now").
    const db = e2e.server.database.db;
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, 'riverbend'));
    const at = DateTime.now().setZone('America/Chicago').plus({ minutes: 20 });
    await importMeetingFeed({ actor: null, requestId: 'e2e', ip: null, db }, org!.id, [
      {
        slug: 'e2e-online-now',
        name: 'Riverbend Online Now',
        day: at.weekday % 7,
        time: at.toFormat('HH:mm'),
        timezone: 'America/Chicago',
        types: ['O', 'D'],
        formatted_address: 'Chicago, IL, USA',
        conference_url: 'https://zoom.us/j/5550100999',
        notes: 'Cameras optional.',
      },
    ]);

    const context = await e2e.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      await signInAs(page, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
      await page.getByTestId('home-meetings').getByRole('link', { name: 'Find a meeting' }).click();
      await page.getByRole('heading', { level: 1, name: 'Find a meeting' }).waitFor();
      await page.getByLabel('Starting soon').check();
      await page.getByLabel('How to attend').selectOption('online');
      const card = page.getByTestId('meeting-card').filter({ hasText: 'Riverbend Online Now' });
      await card.waitFor();
      // Created to start in 20 minutes; on a slow machine a minute or two may pass before the finder answers.
      expect(await card.innerText()).toMatch(/starts in (1?[0-9]|20) minutes/i);
      await checkAndShoot(page, 'groups-05-finder-soon');

      await card.getByRole('link', { name: 'Open Riverbend Online Now' }).click();
      await page.getByRole('heading', { level: 1, name: 'Riverbend Online Now' }).waitFor();
      expect(await page.getByRole('link', { name: 'Join on Zoom' }).getAttribute('href')).toBe('https://zoom.us/j/5550100999');
      await page.getByRole('button', { name: 'Save to my list' }).click();
      await page.getByText('Saved to your list.').waitFor();
      await checkAndShoot(page, 'groups-06-meeting-page');

      await page.getByRole('link', { name: 'Back to the finder' }).click();
      await page.getByLabel('Only my saved meetings').check();
      await page.getByTestId('meeting-card').filter({ hasText: 'Riverbend Online Now' }).waitFor();
      await checkAndShoot(page, 'groups-07-finder-saved');

      const [alex] = await db.select().from(users).where(eq(users.email, 'participant@riverbend.example'));
      const [meeting] = await db.select().from(meetings).where(and(eq(meetings.organizationId, org!.id), eq(meetings.slug, 'e2e-online-now')));
      expect(await db.select().from(meetingSaves).where(and(eq(meetingSaves.userId, alex!.id), eq(meetingSaves.meetingId, meeting!.id)))).toHaveLength(1);
    } finally {
      await context.close();
    }
  });
});
