import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * A supervisor records a legal representative on Alex's record from their privacy page (the papers
 * in hand), sees it stated, and ends it. Checked with axe-core, photographed as `representative-<nn>-<step>`.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('a legal representative on the record', () => {
  it('the supervisor records one, the page states it, and the supervisor ends it', { timeout: 600_000 }, async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await signInAs(page, e2e.url, 'supervisor@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-supervisor').waitFor();
    const list = await page.evaluate(async () => (await fetch('/api/participants')).json());
    const alex = (list.participants as Array<{ id: string; preferredName: string }>).find((p) => p.preferredName === 'Alex Moreno');
    expect(alex).toBeTruthy();
    await page.goto(`${e2e.url}/participants/${alex!.id}`);
    await page.getByRole('link', { name: "Alex Moreno's privacy and sharing" }).click();

    const section = page.getByTestId('legal-representative');
    await section.getByText('No legal representative is recorded.').waitFor();
    const form = section.getByTestId('representative-form');
    // Both fields are needed; nothing is recorded without them.
    await form.getByRole('button', { name: 'Record representative' }).click();
    await form.getByText('Give their full name and their role.').waitFor();
    await form.getByRole('textbox', { name: 'Their full name' }).fill('Jordan Moreno');
    await form.getByRole('textbox', { name: /^Their role/ }).fill('Court-appointed guardian');
    await form.getByRole('button', { name: 'Record representative' }).click();
    await section.getByText('Recorded.').waitFor();
    const current = section.getByTestId('representative-current');
    await current.waitFor();
    expect(await current.innerText()).toContain('Jordan Moreno · Court-appointed guardian');
    expect(await current.innerText()).toContain('Signs on paper only');
    await checkAndShoot(page, 'representative-01-recorded');

    await form.getByRole('button', { name: 'No longer a representative' }).click();
    await section.getByText('Ended. They can no longer sign for the participant.').waitFor();
    await section.getByText('No legal representative is recorded.').waitFor();
    expect(await section.getByTestId('representative-current').count()).toBe(0);
    await checkAndShoot(page, 'representative-02-ended');
  });
});
