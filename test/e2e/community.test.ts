import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, seriousA11yViolations, signInAs, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('community', () => {
  it('posts and "me too", a held phone number edited out by the moderator, crisis help and a live alert, a peer-led room', async () => {
    const alexContext = await e2e.newContext();
    const staffContext = await e2e.newContext();
    const alex = await alexContext.newPage();
    const jordan = await staffContext.newPage();
    await signInAs(alex, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    await signInAs(jordan, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);

    // Alex's first visit: what the community is and is not, and where to get help now.
    await alex.goto(`${e2e.url}/community`);
    await alex.getByTestId('community-onboarding').waitFor();
    expect(await alex.getByTestId('community-onboarding').textContent()).toMatch(/not a crisis service.*988/);
    expect(await seriousA11yViolations(alex)).toEqual([]);
    await screenshot(alex, 'community-home');
    await alex.getByRole('button', { name: 'Got it' }).click();
    await alex.getByRole('link', { name: 'Everyone at Riverbend' }).click();
    await alex.getByLabel('What would you like to share?').fill('Forty days today. The mornings are getting easier.');
    await alex.getByLabel('Title (optional)').fill('Day 40');
    await alex.getByRole('button', { name: 'Post' }).click();
    await alex.getByRole('link', { name: 'Day 40' }).waitFor();
    expect(await seriousA11yViolations(alex)).toEqual([]);
    await screenshot(alex, 'community-space');

    // Jordan answers "me too".
    await jordan.goto(`${e2e.url}/community`);
    await jordan.getByRole('link', { name: 'Everyone at Riverbend' }).click();
    await jordan.getByRole('link', { name: 'Day 40' }).click();
    await jordan.getByTestId('community-thread-post').getByRole('button', { name: 'Me too' }).click();
    await jordan.getByLabel('Your reply').fill('Me too. So glad you are here.');
    await jordan.getByRole('button', { name: 'Post' }).click();
    await jordan.getByTestId('community-reply').first().waitFor();
    await expect.poll(() => jordan.getByTestId('community-thread-post').getByRole('button', { name: 'Me too' }).getAttribute('aria-pressed')).toBe('true');
    expect(await seriousA11yViolations(jordan)).toEqual([]);
    await screenshot(jordan, 'community-thread');

    // A new account's post with a phone number is held.
    await alex.getByLabel('What would you like to share?').fill('Anyone want to talk tonight? Call me at 555-010-0199');
    await alex.getByRole('button', { name: 'Post' }).click();
    await alex.getByTestId('community-held').waitFor();
    await screenshot(alex, 'community-held');

    // The moderator sees it in the queue, edits out the number and approves it.
    const lee = await (await e2e.newContext()).newPage();
    await signInAs(lee, e2e.url, 'moderator@riverbend.example', DEMO_PASSWORD);
    await lee.goto(`${e2e.url}/community/moderation`);
    const held = lee.getByTestId('community-queue-item').filter({ hasText: '555-010-0199' });
    await held.waitFor();
    expect(await held.textContent()).toMatch(/Held by a rule.*Phone number/);
    expect(await seriousA11yViolations(lee)).toEqual([]);
    await screenshot(lee, 'community-moderation-queue');
    await held.getByRole('button', { name: 'Edit out contact details' }).click();
    await expect.poll(() => lee.getByTestId('community-queue-item').filter({ hasText: '555-010-0199' }).count()).toBe(0);
    await alex.reload();
    await alex.getByText('Call me at [contact removed]').waitFor();

    // Crisis language: Alex sees help at once; the moderator's screen shows an urgent alert without a reload.
    await alex.getByLabel('What would you like to share?').fill('Some nights I want to die.');
    await alex.getByRole('button', { name: 'Post' }).click();
    await alex.getByTestId('community-crisis-support').waitFor();
    expect(await alex.getByTestId('community-crisis-support').textContent()).toMatch(/988/);
    await screenshot(alex, 'community-crisis-support');
    await lee.getByTestId('community-urgent-alert').waitFor();
    await screenshot(lee, 'community-moderation-urgent');

    // A peer-led room with Alex and Lee; Jordan hosts and mutes Alex.
    await jordan.goto(`${e2e.url}/community`);
    await jordan.getByLabel('Room topic').fill('Evening check-in');
    await jordan.getByLabel('Room rules').fill('What is said here stays here.');
    await jordan.getByRole('button', { name: 'Open a room' }).click();
    await jordan.getByTestId('room-rules').waitFor();
    const roomUrl = jordan.url();
    for (const page of [alex, lee]) {
      await page.goto(roomUrl);
      await page.getByTestId('room-rules').waitFor();
      await page.getByRole('button', { name: 'Join the room' }).click();
    }
    await alex.getByLabel('Say something').fill('Hi everyone, long day.');
    await alex.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => lee.getByTestId('room-messages').textContent()).toMatch(/RiverStone: Hi everyone, long day\./);
    await jordan.getByRole('button', { name: 'Mute RiverStone' }).click();
    await alex.getByTestId('room-muted-me').waitFor();
    expect(await seriousA11yViolations(jordan)).toEqual([]);
    await screenshot(jordan, 'community-room-host');
    await screenshot(alex, 'community-room-muted');
  });
});
