import { and, asc, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { participants, peerAssignments, users } from '../../src/server/db/schema/index.js';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * Matching in the browser: the supervisor opens Taylor Reyes (waiting for a peer worker), reads the
 * ranked suggestions with their reasons, and assigns Jordan Ellis with a reason the history keeps.
 * Pages are checked with axe-core and photographed as `matching-<nn>-<step>`.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('matching a participant with a peer worker', () => {
  it('the supervisor sees ranked peer workers with reasons and assigns one with a reason', { timeout: 300_000 }, async () => {
    const db = e2e.server.database.db;
    const [taylor] = await db.select().from(participants).where(eq(participants.preferredName, 'Taylor Reyes')).orderBy(asc(participants.id));
    const [jordan] = await db.select().from(users).where(eq(users.email, 'peer@riverbend.example')).orderBy(asc(users.id));

    const context = await e2e.newContext({ width: 1280, height: 900 });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      await signInAs(page, e2e.url, 'supervisor@riverbend.example', DEMO_PASSWORD);
      await page.getByRole('link', { name: /^Riverbend/ }).first().waitFor();
      await page.goto(`${e2e.url}/participants/${taylor!.id}`);
      const panel = page.getByTestId('find-peer-worker');
      await panel.waitFor();
      const best = panel.getByTestId('match-card').first();
      await best.waitFor();
      // Jordan shares what Taylor asked for (parenting, alcohol) and is free on her evenings.
      // textContent: the score badge is upper-cased by CSS, which innerText would report.
      expect(await best.textContent()).toMatch(/Jordan Ellis[\s\S]*Fit score \d+/);
      expect(await best.getByRole('list', { name: 'Why' }).getByRole('listitem').count()).toBeGreaterThan(0);
      await checkAndShoot(page, 'matching-01-suggestions');

      await best.getByRole('button', { name: 'Assign Jordan Ellis to Taylor Reyes' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Reason').fill('Shares her experience as a parent in recovery from alcohol; free on Tuesday evenings.');
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      await page.getByText('Jordan Ellis now walks alongside Taylor Reyes.').waitFor();
      await checkAndShoot(page, 'matching-02-assigned');

      await expect
        .poll(async () =>
          (
            await db
              .select({ peerWorkerId: peerAssignments.peerWorkerId, reason: peerAssignments.reason })
              .from(peerAssignments)
              .where(and(eq(peerAssignments.participantId, taylor!.id), isNull(peerAssignments.endedAt)))
              .orderBy(asc(peerAssignments.startedAt))
          ).map((r) => [r.peerWorkerId, r.reason]),
        )
        .toEqual([[jordan!.id, 'Shares her experience as a parent in recovery from alcohol; free on Tuesday evenings.']]);
    } finally {
      await context.close();
    }
  });
});
