import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * Caring for the peer workforce: Sam Rivera (supervisor) opens the team view and finds Marcus,
 * over capacity, first; co-signs one of Jordan's notes and returns the other with a comment; logs
 * a supervision session with two agreed actions. Jordan takes the ProQOL and sees three scores
 * with bands. Every page is checked with axe-core and photographed as `workforce-<nn>-<step>`.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('caring for the peer workforce', () => {
  it('a supervisor sees an over-capacity worker first, co-signs one note and returns another, and logs supervision with two actions', { timeout: 600_000 }, async () => {
    const context = await e2e.newContext();
    const sam = await context.newPage();
    sam.setDefaultTimeout(60_000);
    await signInAs(sam, e2e.url, 'supervisor@riverbend.example', DEMO_PASSWORD);
    await sam.getByTestId('home-workforce-supervisor').getByRole('link', { name: 'Open my team' }).click();
    await sam.getByRole('heading', { level: 1, name: 'My team' }).waitFor();
    const members = sam.getByTestId('team-member');
    await members.first().waitFor();
    const first = await members.first().innerText();
    expect(first).toContain('Marcus Bell');
    expect(first).toMatch(/over capacity/i);
    expect(first).toContain('Caseload 2 of 1');
    expect(first).toMatch(/1 certification expires within 90 days/);
    const jordanCard = await members.filter({ hasText: 'Jordan Ellis' }).innerText();
    expect(jordanCard).toContain('2 notes awaiting co-sign');
    await checkAndShoot(sam, 'workforce-01-team');

    // The co-sign queue: approve one, return the other with a comment.
    await sam.getByRole('link', { name: 'Co-sign queue' }).click();
    await sam.getByRole('heading', { level: 1, name: 'Notes waiting for your co-sign' }).waitFor();
    const items = sam.getByTestId('cosign-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(2);
    await checkAndShoot(sam, 'workforce-02-cosign-queue');
    await items.first().getByRole('button', { name: /^Co-sign: / }).click();
    await sam.getByText(/^Co-signed the note about/).waitFor();
    await expect.poll(() => items.count()).toBe(1);
    await items.first().getByRole('button', { name: /^Return with a comment: / }).click();
    await items.first().getByRole('button', { name: 'Send back' }).click();
    await items.first().getByText(/say what needs changing|Please check/).waitFor();
    await items.first().getByLabel('What needs changing?').fill('Please add the next step you agreed with Alex.');
    await checkAndShoot(sam, 'workforce-03-return');
    await items.first().getByRole('button', { name: 'Send back' }).click();
    await sam.getByText(/^Returned the note about/).waitFor();
    await sam.getByText('Nothing waiting for your co-sign.').waitFor();

    // A supervision session with Jordan, held today, with two agreed actions.
    await sam.goto(`${e2e.url}/team`);
    await sam.getByRole('button', { name: 'Log a supervision session' }).click();
    const dialog = sam.getByRole('dialog');
    await dialog.getByRole('checkbox', { name: 'Jordan Ellis' }).check();
    await dialog.getByLabel('Cases discussed').fill('Alex’s job start; Chris’s missed check-ins.');
    await dialog.getByLabel('Boundaries and dual relationships').fill('Texts after 9pm: use the on-call line.');
    await dialog.getByLabel('Action 1', { exact: true }).fill('Use the on-call line after 9pm');
    await dialog.getByRole('button', { name: 'Add another action' }).click();
    await dialog.getByLabel('Action 2', { exact: true }).fill('Read the dual-relationships guidance');
    await checkAndShoot(sam, 'workforce-04-supervision-form');
    await dialog.getByRole('button', { name: 'Save session' }).click();
    await sam.getByText('Supervision session saved.').waitFor();
    await expect.poll(async () => members.filter({ hasText: 'Jordan Ellis' }).innerText()).toMatch(/0 notes awaiting co-sign|1 note awaiting co-sign/);
    await checkAndShoot(sam, 'workforce-05-team-after');
    await context.close();
  });

  it('a peer worker takes the ProQOL and sees three scores with bands; the returned note and the session are in their record', { timeout: 600_000 }, async () => {
    const context = await e2e.newContext();
    const jordan = await context.newPage();
    jordan.setDefaultTimeout(60_000);
    await signInAs(jordan, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await jordan.getByTestId('home-workforce-peer').getByRole('link', { name: 'My wellbeing' }).click();
    await jordan.getByRole('heading', { level: 1, name: 'My wellbeing' }).waitFor();
    expect(await jordan.getByTestId('proqol-credit').innerText()).toMatch(/Stamm.*ProQOL/s);
    const form = jordan.getByTestId('proqol-form');
    const questions = form.locator('fieldset');
    expect(await questions.count()).toBe(30);
    await checkAndShoot(jordan, 'workforce-06-proqol-form');
    // "Often" to everything: 40, 30 (5 reversed items) and 40 — all moderate.
    for (let i = 0; i < 30; i++) await questions.nth(i).getByRole('radio', { name: 'Often', exact: true }).check();
    await form.getByRole('button', { name: 'See my results' }).click();
    const scores = jordan.getByTestId('proqol-scores');
    await scores.waitFor();
    expect(await jordan.getByTestId('score-compassion_satisfaction').innerText()).toMatch(/Compassion Satisfaction\s*40\s*Moderate/i);
    expect(await jordan.getByTestId('score-burnout').innerText()).toMatch(/Burnout\s*30\s*Moderate/i);
    expect(await jordan.getByTestId('score-secondary_traumatic_stress').innerText()).toMatch(/Secondary Traumatic Stress\s*40\s*Moderate/i);
    expect(await jordan.getByText('Only you can see these scores.').count()).toBe(1);
    await checkAndShoot(jordan, 'workforce-07-proqol-result');

    await jordan.goto(`${e2e.url}/me/supervision`);
    await jordan.getByRole('heading', { level: 1, name: 'My supervision' }).waitFor();
    await jordan.getByTestId('returned-notes').getByText('Please add the next step you agreed with Alex.').waitFor();
    await jordan.getByRole('checkbox', { name: 'Use the on-call line after 9pm', exact: true }).waitFor();
    await jordan.getByRole('checkbox', { name: 'Read the dual-relationships guidance', exact: true }).waitFor();
    await checkAndShoot(jordan, 'workforce-08-my-supervision');
    await context.close();
  });
});
