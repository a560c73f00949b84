import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * The workforce forms: Sam Rivera (supervisor) edits the community program's workforce settings,
 * schedules supervision with Jordan every other week, logs a critical incident for Marcus and
 * schedules its debrief with time off. Jordan logs a critical incident of their own and adds a
 * training and a certification. Every step is checked with axe-core and photographed as
 * `workforce-forms-<nn>-<step>`.
 */
let e2e: E2E;
/** A calendar date `days` from today, as a date input takes it. */
const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA');
/** How the app writes that date ("Dec 15, 2026"). */
const shownDay = (days: number) =>
  new Date(`${dayFromToday(days)}T12:00:00`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric' });
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('workforce forms', () => {
  it('a supervisor edits program settings, schedules recurring supervision, and logs an incident with its debrief', { timeout: 600_000 }, async () => {
    const context = await e2e.newContext();
    const sam = await context.newPage();
    sam.setDefaultTimeout(60_000);
    await signInAs(sam, e2e.url, 'supervisor@riverbend.example', DEMO_PASSWORD);
    await sam.getByTestId('home-workforce-supervisor').getByRole('link', { name: 'Open my team' }).click();
    await sam.getByRole('heading', { level: 1, name: 'My team' }).waitFor();

    // Program settings: a bad service code is refused next to its input; a good one saves.
    await sam.getByRole('button', { name: 'Workforce settings for Community Recovery Support' }).click();
    let dialog = sam.getByRole('dialog');
    const cosign = dialog.getByLabel("Which contact notes need a supervisor's co-sign");
    await expect.poll(() => cosign.inputValue()).toBe('billable');
    await dialog.getByLabel('Billing service code').fill('peer');
    await dialog.getByLabel('Whole 15-minute units only').check();
    await dialog.getByLabel('Urgent alerts in a week').fill('2');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await dialog.getByText('Use a HCPCS code: a capital letter and four digits, such as H0038.').waitFor();
    await checkAndShoot(sam, 'workforce-forms-01-settings-error');
    await dialog.getByLabel('Billing service code').fill('H0038');
    await cosign.selectOption('all');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await sam.getByText('Saved the workforce settings for Community Recovery Support.').waitFor();
    await sam.getByRole('button', { name: 'Workforce settings for Community Recovery Support' }).click();
    dialog = sam.getByRole('dialog');
    await expect.poll(() => dialog.getByLabel("Which contact notes need a supervisor's co-sign").inputValue()).toBe('all');
    expect(await dialog.getByLabel('Whole 15-minute units only').isChecked()).toBe(true);
    expect(await dialog.getByLabel('Urgent alerts in a week').inputValue()).toBe('2');
    await checkAndShoot(sam, 'workforce-forms-02-settings-saved');
    await sam.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    // Supervision every other week with Jordan.
    await sam.getByRole('button', { name: 'Schedule supervision' }).click();
    dialog = sam.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await dialog.getByText('Choose at least one peer worker (of the same program).').waitFor();
    await dialog.getByRole('checkbox', { name: 'Jordan Ellis' }).check();
    await dialog.getByLabel('First session').fill(`${dayFromToday(5)}T10:00`);
    await dialog.getByLabel('Repeats').selectOption('biweekly');
    await checkAndShoot(sam, 'workforce-forms-03-schedule');
    await dialog.getByRole('button', { name: 'Schedule' }).click();
    await sam.getByText('Supervision scheduled.', { exact: true }).waitFor();
    const upcoming = sam.getByTestId('upcoming-session').filter({ hasText: 'Jordan Ellis' });
    await upcoming.first().waitFor();
    const text = await upcoming.first().innerText();
    expect(text).toMatch(/every other week/i);
    expect(text).toContain(`then ${shownDay(19)}`);

    // A critical incident Marcus lived through, then its debrief and time off.
    await sam.getByRole('button', { name: 'Log a critical incident' }).click();
    dialog = sam.getByRole('dialog');
    await dialog.getByLabel('Peer worker').selectOption({ label: 'Marcus Bell' });
    await dialog.getByLabel('What happened').selectOption('overdose');
    await dialog.getByLabel('A few words (optional)').fill('Dana’s cousin overdosed at the halfway house; Marcus gave naloxone.');
    await checkAndShoot(sam, 'workforce-forms-04-incident');
    await dialog.getByRole('button', { name: 'Log the incident' }).click();
    await sam.getByText('Critical incident logged.').waitFor();
    const incident = sam.getByTestId('incident').filter({ hasText: "Marcus Bell: A participant's overdose" });
    await incident.waitFor();
    expect(await incident.innerText()).toContain('Debrief not scheduled yet');
    await incident.getByLabel('Debrief with Marcus Bell', { exact: true }).fill(`${dayFromToday(1)}T15:00`);
    await incident.getByLabel('Time off for Marcus Bell').fill('Friday afternoon off');
    await incident.getByRole('button', { name: 'Save the debrief with Marcus Bell' }).click();
    await sam.getByText('Saved the debrief with Marcus Bell.').waitFor();
    await expect.poll(() => incident.innerText()).toMatch(new RegExp(`Debrief ${shownDay(1)}.*Time off: Friday afternoon off`, 's'));
    await checkAndShoot(sam, 'workforce-forms-05-team-after');
    await context.close();
  });

  it('a peer worker logs a critical incident and adds a training and a certification', { timeout: 600_000 }, async () => {
    const context = await e2e.newContext();
    const jordan = await context.newPage();
    jordan.setDefaultTimeout(60_000);
    await signInAs(jordan, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await jordan.getByTestId('home-workforce-peer').getByRole('link', { name: 'My wellbeing' }).click();
    await jordan.getByRole('heading', { level: 1, name: 'My wellbeing' }).waitFor();
    const mine = jordan.getByTestId('my-incidents');
    await mine.getByText('Nothing logged.').waitFor();
    await mine.getByRole('button', { name: 'Log a critical incident' }).click();
    const dialog = jordan.getByRole('dialog');
    await dialog.getByLabel('What happened').selectOption('crisis');
    await dialog.getByLabel('When').fill('2026-11-25T21:30');
    await checkAndShoot(jordan, 'workforce-forms-06-own-incident');
    await dialog.getByRole('button', { name: 'Log the incident' }).click();
    await jordan.getByText('Logged. Your supervisor has been told.').waitFor();
    const logged = mine.getByTestId('my-incident');
    await logged.first().waitFor();
    expect(await logged.first().innerText()).toMatch(/A crisis I handled.*Your supervisor will set up a debrief/s);
    await checkAndShoot(jordan, 'workforce-forms-07-wellbeing-incidents');

    // Training: nothing is sent until the course and hours are filled in.
    await jordan.goto(`${e2e.url}/me/training`);
    await jordan.getByRole('heading', { level: 1, name: 'My training' }).waitFor();
    await jordan.getByRole('button', { name: 'Add a training' }).click();
    let form = jordan.getByRole('dialog');
    await form.getByRole('button', { name: 'Add training' }).click();
    await form.getByLabel('Course').and(jordan.locator('[aria-invalid="true"]')).waitFor();
    await form.getByLabel('Course').fill('Trauma-informed peer support');
    await form.getByLabel('Provider').fill('Riverbend Training Institute');
    await form.getByLabel('Hours').fill('6');
    await form.getByLabel('Domain').selectOption('trauma_informed_care');
    await checkAndShoot(jordan, 'workforce-forms-08-training');
    await form.getByRole('button', { name: 'Add training' }).click();
    await jordan.getByText('Training added.').waitFor();
    await jordan.getByText('Trauma-informed peer support, Riverbend Training Institute').waitFor();

    // A certification that expires before it was issued is refused; fixed, it saves.
    await jordan.getByRole('button', { name: 'Add a certification' }).click();
    form = jordan.getByRole('dialog');
    await form.getByLabel(/^Certification/).fill('Naloxone Trainer');
    await form.getByLabel('Credential number').fill('NT-5521');
    await form.getByLabel('Issued by').fill('State Department of Health');
    await form.getByLabel('Issued on').fill(dayFromToday(-30));
    await form.getByLabel('Expires on').fill(dayFromToday(-60));
    await form.getByLabel('Continuing-education hours the renewal needs').fill('8');
    await form.getByRole('button', { name: 'Add certification' }).click();
    await form.getByText('The expiry date must come after the issue date.').waitFor();
    await checkAndShoot(jordan, 'workforce-forms-09-certification-error');
    await form.getByLabel('Expires on').fill(dayFromToday(700));
    await form.getByRole('button', { name: 'Add certification' }).click();
    await jordan.getByText(/^Certification added\./).waitFor();
    const certs = jordan.getByTestId('certifications');
    await certs.getByText('Naloxone Trainer').waitFor();
    await certs.getByText('Credential number NT-5521').waitFor();
    // The six hours of training added today count towards its renewal; older training does not.
    await certs.getByText('Continuing education: 6 of 8 hours').waitFor();
    await checkAndShoot(jordan, 'workforce-forms-10-training-after');
    await context.close();
  });
});
