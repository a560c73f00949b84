import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, seriousA11yViolations, signInAs, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const desktop = { width: 1280, height: 900 };

/** Alex Moreno answering a PHQ-9 on their own phone, through the API as their browser would. */
async function alexAnswersPhq9WithItem9() {
  const signIn = await fetch(`${e2e.url}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'participant@riverbend.example', password: DEMO_PASSWORD }),
  });
  const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('peerpath_session='))!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const session = (await (await fetch(`${e2e.url}/api/auth/session`, { headers: { cookie } })).json()) as { user: { participantId: string } };
  const answers = { 1: 2, 2: 2, 3: 1, 4: 2, 5: 1, 6: 2, 7: 1, 8: 0, 9: 1 };
  const res = await fetch(`${e2e.url}/api/participants/${session.user.participantId}/assessments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ instrumentId: 'phq9', answers, mode: 'self' }),
  });
  expect(res.status).toBe(201);
  return session.user.participantId;
}

describe('the peer worker’s caseload', () => {
  it('Jordan sees who needs them first and why, on a phone', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    const first = page.getByTestId('caseload-card').first();
    await first.waitFor();
    expect(await first.getAttribute('data-attention')).toBe('high');
    const text = await first.textContent();
    expect(text).toMatch(/Chris Palmer/);
    expect(text).toMatch(/Reported use, today/);
    expect(text).toMatch(/Craving 8 of 10 at the last check-in/);
    expect(text).toMatch(/Craving rising: 8 now/);
    // Alex is doing well: listed, not flagged.
    expect(await page.getByTestId('caseload-card').nth(1).getAttribute('data-attention')).toBe('none');
    await page.getByTestId('task').first().waitFor();
    expect(await page.getByTestId('tasks').textContent()).toMatch(/birth certificate/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'caseload-peer-home-phone');
    await context.close();
  });

  it('an urgent alert arrives live: a banner names the person and links to them; acknowledging adds a follow-up, resolving needs a note', async () => {
    const context = await e2e.newContext(desktop);
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('caseload-card').first().waitFor();
    await screenshot(page, 'caseload-peer-home-desktop');
    // Live events flow once the tab's socket is open.
    await expect.poll(() => page.getByTestId('caseload-list').getAttribute('data-live')).toBe('true');

    const alexId = await alexAnswersPhq9WithItem9();
    const banner = page.getByTestId('urgent-banner');
    await banner.waitFor();
    expect(await banner.getAttribute('role')).toBe('alert');
    await expect.poll(() => banner.textContent()).toMatch(/Alex Moreno needs you now/);
    expect(await banner.getByRole('link', { name: /Go to Alex Moreno/ }).getAttribute('href')).toBe(`/participants/${alexId}`);
    // The caseload re-sorted without a reload: Alex is first, with the reason in words.
    await expect.poll(() => page.getByTestId('caseload-card').first().textContent()).toMatch(/Alex Moreno.*safety answer on a measure/s);
    expect(await page.getByTestId('caseload-card').first().getAttribute('data-attention')).toBe('urgent');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'caseload-urgent-banner');

    await page.getByRole('button', { name: 'Acknowledge the alert about Alex Moreno' }).click();
    await page.getByText(/A follow-up for today is on your task list/).waitFor();
    await expect.poll(() => banner.count()).toBe(0);
    await expect.poll(() => page.getByTestId('tasks').textContent()).toMatch(/Follow up with Alex Moreno/);

    await page.getByRole('button', { name: 'Resolve the alert about Alex Moreno' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Resolve alert' }).click();
    await expect.poll(() => dialog.getByLabel('What was done').getAttribute('aria-invalid')).toBe('true');
    await dialog.getByLabel('What was done').fill('Called Alex; we went through the safety plan together and they are safe tonight.');
    await dialog.getByRole('button', { name: 'Resolve alert' }).click();
    await expect.poll(() => page.getByTestId('alerts-inbox').textContent()).not.toMatch(/Safety answer on a measure/);
    // Resolving ticked the follow-up off.
    await expect.poll(() => page.getByTestId('tasks').textContent()).not.toMatch(/Follow up with Alex Moreno/);
    await context.close();
  });

  it('the participant page shows their open alerts to their peer worker', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('caseload-card').first().getByRole('link', { name: 'Chris Palmer' }).click();
    const alerts = page.getByTestId('participant-alerts');
    await alerts.waitFor();
    await expect.poll(() => alerts.textContent()).toMatch(/Reported use/);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await context.close();
  });

  it('a supervisor tunes the program’s flags, and the caseload follows', async () => {
    const context = await e2e.newContext(desktop);
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'supervisor@riverbend.example', DEMO_PASSWORD);
    const panel = page.getByTestId('flag-rules');
    await panel.getByLabel('Craving at or above (0–10)').waitFor();
    expect(await panel.textContent()).toMatch(/Always on: safety signals always reach a person/);
    await page.getByTestId('alerts-escalated').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'caseload-supervisor-home');

    await panel.getByLabel('Craving at or above (0–10)').fill('9');
    await panel.getByRole('button', { name: 'Save flag settings' }).click();
    await panel.getByText(/Saved\. Caseloads in Community Recovery Support use these settings now/).waitFor();

    const peer = await (await e2e.newContext()).newPage();
    await signInAs(peer, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    const first = peer.getByTestId('caseload-card').first();
    await first.waitFor();
    const text = await first.textContent();
    expect(text).toMatch(/Chris Palmer/);
    expect(text).not.toMatch(/Craving 8 of 10 at the last check-in/);
    expect(text).toMatch(/Craving rising/);
    await context.close();
  });
});
