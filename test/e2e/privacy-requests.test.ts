import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, organizations, participants, programs } from '../../src/server/db/schema/index.js';
import { makeParticipant, makeUser } from '../helpers/factories.js';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * People's rights over their data, in the browser: Alex downloads everything Peerpath holds about
 * them (a readable page and the full JSON); an org admin downloads a participant's data on their
 * behalf and then erases it on a verified request, through a confirmation that asks for the name.
 * Both are in the audit trail. Pages are checked with axe-core and photographed as `privacy-<nn>-<step>`.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

async function download(page: Page, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return readFileSync((await file.path())!, 'utf8');
}

describe('privacy requests', () => {
  it('a participant downloads their data, readable and in full, and the download is in their record history', { timeout: 600_000 }, async () => {
    const context = await e2e.newContext();
    const alex = await context.newPage();
    alex.setDefaultTimeout(60_000);
    await signInAs(alex, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    await alex.getByTestId('home-privacy').getByRole('link', { name: 'Open my privacy page' }).click();
    const section = alex.getByTestId('data-download');
    await section.getByRole('heading', { name: 'Download my data' }).waitFor();
    await section.scrollIntoViewIfNeeded();
    await checkAndShoot(alex, 'privacy-01-my-data');

    const readable = await download(alex, 'Download a readable copy');
    expect(readable).toContain('Everything Peerpath holds about Alex Moreno');
    expect(readable).not.toMatch(/<script/i);
    const full = JSON.parse(await download(alex, 'Download the full data (JSON)'));
    expect(full.preferredName).toBe('Alex Moreno');
    expect(full.tables.participants).toHaveLength(1);
    expect(full.tables.users[0]).not.toHaveProperty('password_hash');

    // The org admin sees both downloads in Alex's record history.
    const adminContext = await e2e.newContext({ width: 1280, height: 900 });
    const admin = await adminContext.newPage();
    admin.setDefaultTimeout(60_000);
    await signInAs(admin, e2e.url, 'admin@riverbend.example', DEMO_PASSWORD);
    await admin.getByRole('link', { name: 'Alex Moreno' }).first().click();
    await admin.getByRole('heading', { level: 1, name: 'Alex Moreno' }).waitFor();
    await expect.poll(() => admin.getByText('Downloaded everything held about them').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  });

  it('an org admin downloads on a participant’s behalf, then erases them after typing their name; both audited', { timeout: 600_000 }, async () => {
    // A participant of the demo organization made for this test alone, so no other test loses Alex.
    const db = e2e.server.database.db;
    const [org] = await db.select().from(organizations).where(eq(organizations.slug, 'riverbend'));
    const [program] = await db.select().from(programs).where(eq(programs.organizationId, org!.id)).orderBy(asc(programs.slug)).limit(1);
    const name = `Casey Lind ${randomUUID().slice(0, 4)}`;
    const login = await makeUser(db, org!.id, 'participant', program!.id, 'casey');
    const casey = await makeParticipant(db, { organizationId: org!.id, programId: program!.id, userId: login.id, name });

    const context = await e2e.newContext({ width: 1280, height: 900 });
    const admin = await context.newPage();
    admin.setDefaultTimeout(60_000);
    await signInAs(admin, e2e.url, 'admin@riverbend.example', DEMO_PASSWORD);
    await admin.getByRole('link', { name }).click();
    await admin.getByRole('heading', { level: 1, name }).waitFor();
    await admin.getByRole('link', { name: 'Data requests' }).waitFor();
    await checkAndShoot(admin, 'privacy-02-admin-participant');
    await admin.getByRole('link', { name: 'Data requests' }).click();
    await admin.getByRole('heading', { level: 1, name: `${name}'s data requests` }).waitFor();
    await checkAndShoot(admin, 'privacy-03-admin-requests');

    const theirs = JSON.parse(await download(admin, 'Download the full data (JSON)'));
    expect(theirs.preferredName).toBe(name);

    await admin.getByRole('button', { name: `Erase ${name}'s data…` }).click();
    const dialog = admin.getByRole('dialog', { name: `Erase ${name}'s data` });
    await dialog.waitFor();
    const erase = dialog.getByRole('button', { name: `Erase ${name}'s data` });
    await dialog.getByLabel('Where the verified request is on file').fill('Ticket PR-2291, letter of 20 November');
    await dialog.getByLabel(`Type ${name} to confirm`).fill('Casey');
    expect(await erase.isDisabled()).toBe(true);
    await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
    await checkAndShoot(admin, 'privacy-04-erase-confirm');
    await erase.click();

    await admin.getByRole('heading', { level: 1, name: 'Personal data erased' }).waitFor();
    await admin.getByText(`Everything Peerpath held about ${name} has been erased`).waitFor();
    await checkAndShoot(admin, 'privacy-05-erased');

    // Gone from the admin's list and from the database; the login no longer works.
    await admin.getByRole('link', { name: 'Back to the start page' }).click();
    await admin.getByRole('link', { name: 'Alex Moreno' }).first().waitFor();
    expect(await admin.getByRole('link', { name }).count()).toBe(0);
    expect(await db.select().from(participants).where(eq(participants.id, casey.id))).toEqual([]);
    const signIn = await fetch(`${e2e.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: login.email, password: 'correct horse battery staple' }),
    });
    expect(signIn.status).toBe(401);

    // Audited: the download on their behalf and the erasure with where the request is on file.
    const events = await db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.participantId, casey.id), sql`${auditEvents.action} in ('participant.export', 'participant.erase')`))
      .orderBy(asc(auditEvents.occurredAt), asc(auditEvents.action));
    expect(events.map((e) => e.action)).toEqual(['participant.export', 'participant.erase']);
    expect(events[1]!.details).toMatchObject({ requestReference: 'Ticket PR-2291, letter of 20 November' });
  });
});
