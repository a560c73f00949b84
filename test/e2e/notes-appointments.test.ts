import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { checkAndShoot, DEMO_PASSWORD, type E2E, screenshot, screenshotDir, seriousA11yViolations, signInAs, startE2E } from './harness.js';

/**
 * On a phone: Jordan Ellis (peer worker) writes a quick note about Alex Moreno, edits it and reads
 * its history, sees tomorrow's session on the home page and schedules another, and makes a
 * calendar link. Alex sees the sessions on their home page. Pages are checked with axe-core and
 * photographed as `notes-<nn>-<step>`.
 */

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** One section of a long page, photographed alone so it can be read at phone size. */
async function shootPart(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** An open dialog (full screen on a phone), checked with axe and photographed alone. */
async function checkAndShootDialog(page: Page, name: string) {
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  await page.getByRole('dialog').screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

const summary = 'Met at the café. Alex heard back from the warehouse: second interview on Friday.';

describe('contact notes and sessions on a phone', () => {
  it('the peer worker writes, edits and reviews a note, and schedules a session', { timeout: 300_000 }, async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('upcoming-appointments').getByTestId('appointment-card').first().waitFor();
    expect(await page.getByTestId('upcoming-appointments').innerText()).toContain('Alex Moreno');
    // The home page holds other features' panels, checked by their own tests: photographed here, and the sessions panel alone.
    await screenshot(page, 'notes-01-peer-home');
    await shootPart(page, 'upcoming-appointments', 'notes-01a-peer-upcoming');

    await page.getByRole('link', { name: 'Alex Moreno' }).first().click();
    await page.getByTestId('notes-overview').getByTestId('note-card').first().waitFor();
    await page.getByTestId('participant-appointments').getByTestId('appointment-card').first().waitFor();
    await checkAndShoot(page, 'notes-02-participant-page');
    await shootPart(page, 'notes-overview', 'notes-02a-notes-overview');
    await shootPart(page, 'participant-appointments', 'notes-02b-participant-sessions');

    await page.getByRole('link', { name: 'Add a note' }).click();
    await page.getByTestId('quick-note-form').waitFor();
    await checkAndShoot(page, 'notes-03-quick-note-empty');
    // Save at once: every missing answer is named, and nothing is sent.
    await page.getByRole('button', { name: 'Save note' }).click();
    await expect.poll(() => page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await page.getByRole('radio', { name: 'In person' }).check();
    // A chip is a label drawn over a visually hidden input: a tap lands on the label.
    for (const chip of ['30 min', 'Emotional support', 'Mentoring']) await page.getByText(chip, { exact: true }).click();
    expect(await page.getByRole('radio', { name: '30 min' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Mentoring' }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: 'Topics' }).fill('employment');
    await page.keyboard.press('Enter');
    await page.getByLabel('What happened').fill(summary);
    await page.getByLabel('Next steps').fill('Practise the second interview on Thursday');
    await checkAndShoot(page, 'notes-04-quick-note-filled');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Note saved.').waitFor();
    // The list refreshes after the save: wait for the new note at its top rather than read it mid-refresh.
    await expect.poll(() => page.getByTestId('notes-overview').getByTestId('note-card').first().innerText()).toContain('second interview');

    await page.getByRole('link', { name: 'All notes' }).click();
    await page.getByTestId('notes-list').waitFor();
    await checkAndShoot(page, 'notes-05-notes-list');
    const latest = page.getByTestId('note-card').first();
    await latest.getByRole('button', { name: /^Edit the note of/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('What happened').fill(`${summary} They feel ready.`);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => latest.getByTestId('note-edited').count()).toBe(1);
    await latest.getByRole('button', { name: /^History of the note of/ }).click();
    await page.getByTestId('note-history').waitFor();
    expect(await page.getByTestId('note-history').getByRole('listitem').count()).toBe(2);
    await checkAndShootDialog(page, 'notes-06-note-history');
    await page.keyboard.press('Escape');

    await page.getByRole('link', { name: /Back to Alex Moreno/ }).click();
    await page.getByRole('button', { name: 'Schedule a session' }).click();
    const form = page.getByTestId('appointment-form');
    await form.waitFor();
    const nextWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    await form.getByLabel('Date').fill(nextWeek);
    await form.getByLabel('Time').fill('10:30');
    await form.getByRole('radio', { name: 'Video' }).check();
    await form.getByLabel('Video link').fill('javascript:alert(1)');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await expect.poll(() => form.getByLabel('Video link').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Video link').fill('https://meet.example.org/riverbend-alex');
    await checkAndShootDialog(page, 'notes-07-schedule-form');
    await form.getByRole('button', { name: 'Schedule' }).click();
    await page.getByText('Session scheduled. Alex Moreno will see it too.').waitFor();
    await shootPart(page, 'participant-appointments', 'notes-08-participant-sessions');

    await page.goto(`${e2e.url}/account/calendar`);
    await page.getByRole('button', { name: 'Make a calendar link' }).click();
    const link = await page.getByTestId('new-calendar-link').getByRole('textbox').inputValue();
    expect(link).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    await checkAndShoot(page, 'notes-09-calendar-subscription');
    const ics = await page.request.get(link.replace(/^https?:\/\/[^/]+/, e2e.url));
    expect(ics.status()).toBe(200);
    expect(await ics.text()).toContain('SUMMARY:Peer support session (A. M.)');
    await context.close();
  });

  it('the participant sees their sessions on their home page', { timeout: 120_000 }, async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await signInAs(page, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    const upcoming = page.getByTestId('upcoming-appointments');
    await upcoming.getByTestId('appointment-card').first().waitFor();
    expect(await upcoming.innerText()).toContain('Jordan Ellis');
    expect(await upcoming.innerText()).toContain('Riverside Café');
    await upcoming.scrollIntoViewIfNeeded();
    await checkAndShoot(page, 'notes-10-participant-home');
    await context.close();
  });
});
