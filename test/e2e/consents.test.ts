import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * Sharing on the participant's terms: Alex signs a consent for Priya Shah (clinician) to see
 * assessment scores only; Priya sees the PHQ-9 and BARC-10 trends and nothing else; Alex takes the
 * consent back in one tap and Priya's next request gets nothing; Alex's accounting lists Priya's views.
 * Every page is checked with axe-core and photographed as `consents-<nn>-<step>`.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('consent to share with a clinician', () => {
  it('Alex signs for assessments only, Priya sees just those, Alex revokes, Priya gets nothing, the accounting shows her views', { timeout: 600_000 }, async () => {
    const alexContext = await e2e.newContext();
    const alex = await alexContext.newPage();
    alex.setDefaultTimeout(60_000);
    await signInAs(alex, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    await alex.getByTestId('home-privacy').getByRole('link', { name: 'Open my privacy page' }).click();
    await alex.getByRole('heading', { level: 1, name: 'My privacy and sharing' }).waitFor();

    // Alex takes back what the demo had (so only what Alex signs now counts), then prepares a new one.
    // The list loads after the heading: wait for the demo's consent before counting the buttons.
    await alex.getByRole('button', { name: /^Take back/ }).first().waitFor();
    for (const button of await alex.getByRole('button', { name: /^Take back/ }).all()) await button.click();
    await alex.getByText('Taken back. It stops working now.').waitFor();
    const form = alex.getByTestId('new-consent');
    await form.getByRole('radio', { name: 'A clinician here' }).check();
    await form.getByRole('textbox', { name: 'Clinician' }).click();
    await alex.getByRole('option', { name: 'Priya Shah' }).click();
    await form.getByRole('checkbox', { name: /Assessment scores/ }).check();
    await form.getByRole('radio', { name: /Until I take it back/ }).check();
    await checkAndShoot(alex, 'consents-01-privacy');
    await form.getByRole('button', { name: 'Prepare to sign' }).click();

    // The consent in plain language; Alex signs with a typed name and a tick.
    await alex.getByRole('heading', { level: 1, name: 'Consent to share' }).waitFor();
    expect(await alex.getByTestId('consent-categories').innerText()).toContain('Assessment scores');
    await alex.getByText(/protected by federal law \(42 CFR Part 2\)/).waitFor();
    await alex.getByLabel('Type your full name to sign').fill('Alex Moreno');
    await alex.getByRole('checkbox', { name: 'I have read this and I agree' }).check();
    await alex.getByRole('button', { name: 'Sign' }).click();
    await alex.getByTestId('consent-signed').waitFor();
    expect(await alex.getByTestId('consent-status').textContent()).toBe('Active');
    await checkAndShoot(alex, 'consents-02-signed');

    // Priya sees Alex's assessment trends, the scope, the federal notice; no goals, no check-ins.
    const priyaContext = await e2e.newContext();
    const priya = await priyaContext.newPage();
    priya.setDefaultTimeout(60_000);
    await signInAs(priya, e2e.url, 'clinician@riverbend.example', DEMO_PASSWORD);
    await priya.getByTestId('home-clinician').getByRole('link', { name: 'Open shared summary: Alex Moreno' }).click();
    await priya.getByRole('heading', { level: 1, name: 'Shared by Alex Moreno' }).waitFor();
    await priya.getByTestId('shared-phq9').waitFor();
    await priya.getByTestId('shared-barc10').waitFor();
    expect(await priya.getByTestId('redisclosure-notice').innerText()).toContain('42 CFR Part 2');
    expect(await priya.getByTestId('consent-scope').innerText()).toContain('Assessment scores');
    for (const absent of ['shared-goals', 'shared-checkins', 'shared-safety-plan', 'shared-referrals']) {
      expect(await priya.getByTestId(absent).count(), absent).toBe(0);
    }
    await checkAndShoot(priya, 'consents-03-clinician-view');

    // Alex takes it back in one tap; Priya's next request gets nothing.
    await alex.goto(`${e2e.url}/`);
    await alex.getByTestId('home-privacy').getByRole('link', { name: 'Open my privacy page' }).click();
    await alex.getByRole('button', { name: 'Take back: Priya Shah' }).click();
    await alex.getByText('Taken back. It stops working now.').waitFor();
    await priya.reload();
    await priya.getByRole('heading', { level: 1 }).waitFor();
    expect(await priya.getByTestId('shared-phq9').count()).toBe(0);
    expect(await priya.getByRole('heading', { level: 1 }).innerText()).not.toContain('Alex');
    await checkAndShoot(priya, 'consents-04-after-revoke');

    // Alex's accounting lists Priya's views under the consent.
    await alex.reload();
    const accounting = alex.getByTestId('accounting');
    await accounting.getByTestId('disclosure').first().waitFor();
    const rows = await accounting.getByTestId('disclosure').allInnerTexts();
    expect(rows.some((r) => r.includes('Priya Shah') && r.includes('Assessment scores'))).toBe(true);
    await checkAndShoot(alex, 'consents-05-accounting');

    // A second consent, for attendance and contact-note summaries: Priya sees when and how Alex met
    // their peer worker and what was done, never what the notes say.
    await form.getByRole('radio', { name: 'A clinician here' }).check();
    await form.getByRole('textbox', { name: 'Clinician' }).click();
    await alex.getByRole('option', { name: 'Priya Shah' }).click();
    await form.getByRole('checkbox', { name: /Attendance/ }).check();
    await form.getByRole('checkbox', { name: /Contact-note summaries|Summaries of contacts/ }).check();
    await form.getByRole('radio', { name: /Until I take it back/ }).check();
    await form.getByRole('button', { name: 'Prepare to sign' }).click();
    await alex.getByRole('heading', { level: 1, name: 'Consent to share' }).waitFor();
    await alex.getByLabel('Type your full name to sign').fill('Alex Moreno');
    await alex.getByRole('checkbox', { name: 'I have read this and I agree' }).check();
    await alex.getByRole('button', { name: 'Sign' }).click();
    await alex.getByTestId('consent-signed').waitFor();

    await priya.goto(`${e2e.url}/`);
    await priya.getByTestId('home-clinician').getByRole('link', { name: 'Open shared summary: Alex Moreno' }).click();
    await priya.getByRole('heading', { level: 1, name: 'Shared by Alex Moreno' }).waitFor();
    await priya.getByTestId('shared-attendance').waitFor();
    await priya.getByTestId('shared-contact').first().waitFor();
    const contacts = await priya.getByTestId('shared-contacts').innerText();
    expect(contacts).toMatch(/minutes/);
    const page = await priya.locator('main').innerText();
    for (const noteText of ['county housing list', 'interview', 'Coffee at the library']) expect(page, noteText).not.toContain(noteText);
    for (const absent of ['shared-phq9', 'shared-goals', 'shared-checkins']) expect(await priya.getByTestId(absent).count(), absent).toBe(0);
    await checkAndShoot(priya, 'consents-06-attendance-and-contacts');
  });
});
