import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * The org admin connects a clinical partner's system: creates a read token (shown once), sees it in
 * the list, and disconnects it; the token works until then and is refused at once after.
 * Pages are checked with axe-core and photographed as `integrations-<nn>-<step>`.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('partner systems (FHIR integration clients)', () => {
  it('the org admin creates a read token, sees it once, and disconnects it', { timeout: 600_000 }, async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signInAs(page, e2e.url, 'admin@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-integrations').getByRole('link', { name: 'Manage partner systems' }).click();
    await page.getByRole('heading', { level: 1, name: "Clinical partners' systems" }).waitFor();

    const form = page.getByTestId('new-integration-client');
    // A name is needed: nothing is created without one.
    await form.getByRole('button', { name: 'Create token' }).click();
    await form.getByText('Give the partner system a name').waitFor();
    await form.getByRole('textbox', { name: /Name of the partner system/ }).fill('Riverside Health EHR');
    await form.getByRole('radio', { name: /^Read: receive shared data/ }).check();
    await form.getByRole('button', { name: 'Create token' }).click();

    const shown = page.getByTestId('integration-token');
    await shown.waitFor();
    const token = (await shown.locator('pre, code').first().innerText()).trim();
    expect(token).toMatch(/^ppi_/);
    const row = page.getByTestId('integration-client').filter({ hasText: 'Riverside Health EHR' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Read');
    expect(await row.textContent()).not.toContain('Disconnected');
    await checkAndShoot(page, 'integrations-01-token-shown');

    // The token works (a consent it is not named on is simply not found); a reload never shows it again.
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    const organizationId: string = session.user?.organization?.id ?? session.organization?.id;
    expect(organizationId).toBeTruthy();
    const partnerRead = async () =>
      (await fetch(`${e2e.url}/api/organizations/${organizationId}/fhir/consents/${randomUUID()}`, { headers: { authorization: `Bearer ${token}` } })).status;
    expect(await partnerRead()).toBe(404);
    await page.reload();
    await row.waitFor();
    expect(await page.getByTestId('integration-token').count()).toBe(0);
    expect(await page.content()).not.toContain(token);

    // Disconnect: the list says so, and the token is refused on its next request.
    await row.getByRole('button', { name: 'Disconnect: Riverside Health EHR' }).click();
    await row.getByText('Disconnected. Its token stops working now.').waitFor();
    await expect.poll(async () => await row.textContent()).toContain('Disconnected');
    expect(await row.getByRole('button', { name: /^Disconnect/ }).count()).toBe(0);
    expect(await partnerRead()).toBe(401);
    await checkAndShoot(page, 'integrations-02-disconnected');
  });
});
