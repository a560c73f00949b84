import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, seriousA11yViolations, signInAs, startE2E, type E2E } from './harness.js';

/**
 * The peer worker's day, end to end: who needs me and why, a note with a follow-up, a message that
 * arrives live in the participant's browser, and a crisis phrase that reaches the peer worker's
 * screen without a reload.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const desktop = { width: 1280, height: 900 };

/** Today's date where the community program is. */
const todayInChicago = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());

/** Overnight, Alex answers a PHQ-9 on their phone with a safety answer above 0 (through the API, as their browser would). */
async function alexAnswersPhq9Overnight(): Promise<string> {
  const signIn = await fetch(`${e2e.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'participant@riverbend.example', password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('peerpath_session='))!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const session = (await (await fetch(`${e2e.url}/api/auth/session`, { headers: { cookie } })).json()) as { user: { participantId: string } };
  const res = await fetch(`${e2e.url}/api/participants/${session.user.participantId}/assessments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ instrumentId: 'phq9', answers: { 1: 1, 2: 2, 3: 1, 4: 1, 5: 0, 6: 1, 7: 1, 8: 0, 9: 1 }, mode: 'self' }),
  });
  expect(res.status).toBe(201);
  return session.user.participantId;
}

describe('the peer worker’s workspace', () => {
  it('flagged first with the reason, a note with a follow-up, live messages both ways, and a crisis phrase raising an urgent alert without a reload', async () => {
    const alexId = await alexAnswersPhq9Overnight();

    const jordanContext = await e2e.newContext(desktop);
    const alexContext = await e2e.newContext();
    const jordan = await jordanContext.newPage();
    const alex = await alexContext.newPage();

    // Jordan starts the day: Alex is first, and the card says why in words.
    await signInAs(jordan, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    const first = jordan.getByTestId('caseload-card').first();
    await first.waitFor();
    expect(await first.getAttribute('data-attention')).toBe('urgent');
    expect(await first.textContent()).toMatch(/Alex Moreno.*safety answer on a measure/is);
    await screenshot(jordan, 'workspace-01-flagged-first');

    // Jordan opens Alex and writes a note with a follow-up for today.
    await first.getByRole('link', { name: 'Alex Moreno' }).click();
    await jordan.getByTestId('participant-record').waitFor();
    await jordan.getByRole('link', { name: 'Add a note' }).click();
    await jordan.getByTestId('quick-note-form').waitFor();
    await jordan.getByRole('radio', { name: 'Phone' }).check();
    for (const chip of ['15 min', 'Crisis support']) await jordan.getByText(chip, { exact: true }).click();
    await jordan.getByLabel('What happened').fill('Called Alex about last night’s answers; went through the safety plan together. Alex is safe and has plans with their sister.');
    await jordan.getByLabel('Next steps').fill('Check in again this evening.');
    await jordan.getByLabel('Follow up on').fill(todayInChicago());
    await jordan.getByRole('button', { name: 'Save note' }).click();
    await jordan.getByText('Note saved.').waitFor();

    // The follow-up is on Jordan's list for today.
    await jordan.getByRole('link', { name: /^Riverbend/ }).first().click();
    await expect.poll(() => jordan.getByTestId('tasks').textContent()).toMatch(/Alex Moreno/);
    // No page load from here on: everything below arrives over the socket.
    await jordan.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    // Alex is signed in on their phone, in their conversation.
    await signInAs(alex, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    await alex.getByTestId('home-messages').getByRole('link', { name: /open messages/i }).click();
    await alex.getByTestId('conversation').waitFor();

    // Jordan sends a message from Alex's page; it arrives in Alex's browser live.
    await jordan.getByTestId('caseload-card').first().getByRole('link', { name: 'Alex Moreno' }).click();
    await jordan.getByTestId('message-participant').click();
    await jordan.getByTestId('conversation').waitFor();
    await jordan.getByLabel('Your message').fill('Thinking of you today, Alex. I am here if the evening gets hard.');
    await jordan.getByLabel('Your message').press('Enter');
    await expect.poll(() => alex.getByTestId('message').last().textContent()).toMatch(/Thinking of you today, Alex/);

    // Alex replies; Jordan sees it without reloading.
    await alex.getByLabel('Your message').fill('Thank you. Talking earlier helped.');
    await alex.getByLabel('Your message').press('Enter');
    await expect.poll(() => jordan.getByTestId('message').last().textContent()).toMatch(/Talking earlier helped/);

    // Jordan goes back to the caseload; later Alex writes words of crisis.
    await jordan.getByRole('link', { name: /^Riverbend/ }).first().click();
    await jordan.getByTestId('caseload-card').first().waitFor();
    await alex.getByLabel('Your message').fill('Tonight I feel like I want to end my life.');
    await alex.getByRole('button', { name: 'Send' }).click();

    // Alex sees crisis help at once.
    await alex.getByTestId('message-crisis').waitFor();
    expect(await alex.getByTestId('message-crisis').textContent()).toMatch(/988/);

    // Jordan's screen shows an urgent alert naming Alex, without a reload.
    const banner = jordan.getByTestId('urgent-banner');
    await banner.first().waitFor();
    expect(await banner.first().getAttribute('role')).toBe('alert');
    await expect.poll(() => banner.first().textContent()).toMatch(/Alex Moreno/);
    expect(await banner.first().getByRole('link', { name: /Alex Moreno/ }).getAttribute('href')).toBe(`/participants/${alexId}`);
    await expect.poll(() => jordan.getByTestId('alerts-inbox').textContent()).toMatch(/crisis words in a message/i);
    expect(await jordan.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await seriousA11yViolations(jordan)).toEqual([]);
    await screenshot(jordan, 'workspace-02-crisis-alert-live');
    await screenshot(alex, 'workspace-03-participant-crisis-help');

    await jordanContext.close();
    await alexContext.close();
  });
});
