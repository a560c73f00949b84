import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, seriousA11yViolations, signInAs, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('messaging', () => {
  it('the participant and their peer worker write to each other live, with read receipts and crisis help at once', async () => {
    const alexContext = await e2e.newContext();
    const jordanContext = await e2e.newContext();
    const alex = await alexContext.newPage();
    const jordan = await jordanContext.newPage();
    await signInAs(jordan, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await signInAs(alex, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);

    // Jordan has Alex's two newest messages waiting: the header badge says so in words.
    await jordan.getByTestId('home-peer_worker').waitFor();
    await screenshot(jordan, 'messaging-peer-home');
    await expect.poll(() => jordan.getByTestId('messages-nav').getAttribute('aria-label')).toBe('Messages: 2 unread');
    await jordan.getByTestId('messages-nav').click();
    await jordan.getByTestId('thread-row').first().waitFor();
    expect(await jordan.getByTestId('thread-row').first().textContent()).toMatch(/Alex Moreno.*Also, could we meet for coffee.*2 unread/);
    expect(await seriousA11yViolations(jordan)).toEqual([]);
    await screenshot(jordan, 'messaging-peer-thread-list');

    // Opening the conversation reads it: the badge clears.
    await jordan.getByTestId('thread-row').first().click();
    await jordan.getByTestId('conversation').waitFor();
    await expect.poll(() => jordan.getByTestId('messages-nav').getAttribute('aria-label')).toBe('Messages');

    // Alex opens theirs from home and sees Jordan has read their messages.
    await alex.getByTestId('home-messages').waitFor();
    await screenshot(alex, 'messaging-participant-home');
    await alex.getByTestId('home-messages').getByRole('link', { name: /open messages/i }).click();
    await alex.getByTestId('conversation').waitFor();
    await expect.poll(() => alex.getByTestId('message').last().textContent()).toMatch(/housing list.*Read/);

    // Alex writes; Jordan sees it arrive without reloading; Alex sees it read.
    await alex.getByLabel('Your message').fill('Thursday at 10 works for coffee.');
    await alex.keyboard.press('Enter');
    await expect.poll(() => jordan.getByTestId('message').last().textContent()).toMatch(/Thursday at 10 works for coffee/);
    await expect.poll(() => alex.getByTestId('message').last().textContent()).toMatch(/Thursday at 10.*Read/);

    // Shift+Enter makes a new line instead of sending.
    await jordan.getByLabel('Your message').fill('Perfect.');
    await jordan.getByLabel('Your message').press('Shift+Enter');
    await jordan.keyboard.type('See you at the Riverside cafe.');
    await jordan.getByLabel('Your message').press('Enter');
    await expect.poll(() => alex.getByTestId('message').last().textContent()).toMatch(/Perfect\.\s*See you at the Riverside cafe\./);
    expect(await seriousA11yViolations(alex)).toEqual([]);
    expect(await seriousA11yViolations(jordan)).toEqual([]);
    await screenshot(alex, 'messaging-participant-conversation');
    await screenshot(jordan, 'messaging-peer-conversation');

    // Crisis language: help shows at once, with the crisis line and the safety plan.
    await alex.getByLabel('Your message').fill('Honestly I want to die some nights.');
    await alex.getByRole('button', { name: 'Send' }).click();
    const panel = alex.getByTestId('message-crisis');
    await panel.waitFor();
    expect(await panel.textContent()).toMatch(/Jordan Ellis.*call or text 988/);
    expect(await panel.getByRole('link', { name: 'Open my safety plan' }).getAttribute('href')).toMatch(/\/safety-plan$/);
    expect(await seriousA11yViolations(alex)).toEqual([]);
    await screenshot(alex, 'messaging-participant-crisis');
    // Jordan sees the message marked, in words.
    await expect.poll(() => jordan.getByTestId('crisis-flag').count()).toBe(1);

    await alexContext.close();
    await jordanContext.close();
  });

  it('a supervisor joins a conversation for a handover before reading it', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'supervisor@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-supervisor').waitFor();
    await page.getByRole('link', { name: /Alex Moreno/ }).first().click();
    await page.getByTestId('message-participant').click();
    await page.getByTestId('join-thread').waitFor();
    expect(await page.getByTestId('conversation').count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Join the conversation' }).click();
    await page.getByTestId('conversation').waitFor();
    await expect.poll(() => page.getByTestId('member-line').last().textContent()).toMatch(/Sam Rivera \(supervisor\) joined/);
    await screenshot(page, 'messaging-supervisor-joined');
    await context.close();
  });
});
