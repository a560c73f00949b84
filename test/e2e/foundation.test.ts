import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoSignIns, screenshot, seriousA11yViolations, signInAs, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('the web shell', () => {
  it('shows an accessible sign-in page and refuses a wrong password with a clear message', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.url}/`);
    await page.waitForURL(/\/sign-in/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'foundation-sign-in');
    await signInAs(page, e2e.url, 'peer@riverbend.example', 'not the password');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toMatch(/did not work/i);
    await context.close();
  });

  it.each(demoSignIns.map((s) => [s.role, s.email] as const))('signs in as the demo %s and shows that role’s home', async (role, email) => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, email, DEMO_PASSWORD);
    await page.getByTestId(`home-${role}`).waitFor();
    if (role === 'participant') await page.getByTestId('crisis-card').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `foundation-home-${role}-${email.split('@')[0]}`);
    await context.close();
  });

  it('lets the org admin open a participant and read who accessed the record', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'admin@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-org_admin').waitFor();
    await page.getByRole('link', { name: /Alex Moreno/ }).first().click();
    await page.getByTestId('audit-trail').waitFor();
    await expect.poll(() => page.getByTestId('audit-trail').textContent()).toMatch(/Ada Okafor/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'foundation-participant-audit-trail');
    await context.close();
  });

  it('signs out: the server forgets the session and protected pages ask to sign in again', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-peer_worker').waitFor();
    const cookies = await context.cookies();
    await page.getByRole('button', { name: /account menu/i }).click();
    await page.getByRole('menuitem', { name: /sign out/i }).click();
    await page.waitForURL(/\/sign-in/);
    // The old cookie, replayed, no longer opens anything.
    const replay = await fetch(`${e2e.url}/api/participants`, {
      headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ') },
    });
    expect(replay.status).toBe(401);
    await context.close();
  });
});
