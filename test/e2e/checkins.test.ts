import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, seriousA11yViolations, signInAs, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('check-ins', () => {
  it('the participant checks in twice, once privately with reported use, and sees a kind thank-you and their history', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);

    // A shared check-in: a few taps.
    await page.getByTestId('check-in-action').click();
    await page.getByTestId('checkin-form').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: 'Good', exact: true }).check();
    await page.getByRole('radio', { name: 'No', exact: true }).first().check();
    await page.getByRole('button', { name: /send my check-in/i }).click();
    await page.getByTestId('checkin-thanks').waitFor();
    expect(await page.getByTestId('checkin-thanks').textContent()).toMatch(/thank you for checking in/i);

    // A private one with reported use: the form says, before sending, that the peer worker is told of the use only.
    await page.goto(`${e2e.url}/check-in`);
    await page.getByTestId('checkin-form').waitFor();
    await page.getByRole('radio', { name: 'Low', exact: true }).check();
    await page.getByRole('slider').focus();
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await page.getByRole('radio', { name: 'Yes', exact: true }).first().check();
    await page.getByText('Stress', { exact: true }).click();
    await page.getByLabel(/keep this check-in private/i).check();
    await expect.poll(() => page.getByTestId('reported-use-note').textContent()).toMatch(/even though this check-in is private.*nothing else/i);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'checkins-form-private-use');
    await page.getByRole('button', { name: /send my check-in/i }).click();
    await page.getByTestId('checkin-thanks').waitFor();
    expect(await page.getByTestId('checkin-thanks').textContent()).toMatch(/thank you for being honest.*every day counts/i);
    await page.getByTestId('crisis-card').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'checkins-thanks-reported-use');

    await page.getByRole('link', { name: /see my check-ins/i }).click();
    await page.getByTestId('checkin-history').waitFor();
    // The demo participant has weeks of history; today's two are the newest, the private one first.
    await expect.poll(() => page.getByTestId('checkin-charts').locator('figcaption').textContent()).toMatch(/\d+ check-ins/);
    const entries = page.getByTestId('checkin-entry');
    await expect.poll(() => entries.nth(0).textContent()).toMatch(/Private/);
    expect(await entries.nth(0).textContent()).toMatch(/Low/);
    expect(await entries.nth(1).textContent()).toMatch(/Good/);
    expect(await entries.nth(1).textContent()).not.toMatch(/Private/);
    // The charts' words for screen readers: a table of the days.
    expect(await page.getByRole('table').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'checkins-history');
    await context.close();
  });

  it('the peer worker sees the shared check-in on the participant page, and nothing of the private one', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-peer_worker').waitFor();
    await page.getByRole('link', { name: /Alex Moreno/ }).first().click();
    const section = page.getByTestId('participant-checkins');
    await section.waitFor();
    // The newest the peer worker sees is today's shared check-in; the private one (and every private one) stays hidden.
    await expect.poll(() => section.getByTestId('checkin-entry').nth(0).textContent()).toMatch(/Good/);
    expect(await section.getByTestId('checkin-entry').nth(0).textContent()).not.toMatch(/Low/);
    expect(await section.getByText('Private', { exact: true }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'checkins-peer-participant-page');
    await context.close();
  });
});
