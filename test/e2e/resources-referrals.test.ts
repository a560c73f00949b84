import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * Closing the loop on a phone: Jordan (peer worker) finds a housing service open now within 10 km
 * of the Riverbend Community Center, refers Alex Moreno to it, and the follow-up lands on Jordan's
 * task list; Alex says "I went, it helped", which completes the referral and ticks the follow-up off.
 * Every page visited is checked with axe-core and photographed as `resources-<nn>-<step>`.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const todayInChicago = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(new Date());
const SHELTER = 'Riverbend Emergency Shelter';
const FOLLOW_UP = `Follow up on Alex Moreno's referral to ${SHELTER}`;

describe('community resources and a closed-loop referral', () => {
  it('a peer worker finds housing open now within 10 km, refers Alex, the follow-up is on their list, and Alex says "I went"', { timeout: 600_000 }, async () => {
    const jordanContext = await e2e.newContext();
    const jordan = await jordanContext.newPage();
    jordan.setDefaultTimeout(60_000);
    await signInAs(jordan, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await jordan.getByTestId('home-resources').getByRole('link', { name: 'Find resources' }).click();

    // Housing, open now, within 10 km of the program's center.
    await jordan.getByLabel('Kind of help').selectOption('housing');
    await jordan.getByLabel('Near').selectOption({ label: 'Riverbend Community Center' });
    await jordan.getByLabel('Within').selectOption('10');
    await jordan.getByLabel('Open now').check();
    await jordan.getByRole('button', { name: 'Search', exact: true }).click();
    // The list says which search it shows: wait for this one, not the one before.
    await jordan.locator('[data-testid="resource-results"][data-for*="openNow=true"]').waitFor();
    const shelterCard = jordan.getByTestId('resource-card').filter({ hasText: SHELTER });
    await shelterCard.waitFor();
    // textContent: badges are upper-cased by CSS, which innerText would report.
    const cards = await jordan.getByTestId('resource-card').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      expect(card).toContain('Open now');
      expect(card).toMatch(/Housing/);
      const km = Number(/([\d.]+) km away/.exec(card)?.[1]);
      expect(km).toBeLessThanOrEqual(10);
    }
    await checkAndShoot(jordan, 'resources-01-search');

    // The service page: open now, the hours, and the team's tips.
    await shelterCard.getByRole('link', { name: SHELTER }).click();
    await jordan.getByRole('heading', { level: 1, name: SHELTER }).waitFor();
    expect(await jordan.getByTestId('service-hours').textContent()).toContain('Open now');
    expect(await jordan.getByTestId('resource-tips').innerText()).toContain('Bring any ID you have');
    await checkAndShoot(jordan, 'resources-02-service');

    // Jordan refers Alex, with what Alex agreed to share and a follow-up today.
    await jordan.getByRole('button', { name: `Refer to ${SHELTER}` }).click();
    const dialog = jordan.getByRole('dialog');
    await dialog.getByLabel('Who is this for?').selectOption({ label: 'Alex Moreno' });
    await dialog.getByRole('textbox', { name: 'What they need' }).fill('A bed tonight; the couch at his cousin’s fell through.');
    await dialog.getByRole('checkbox', { name: 'Phone number' }).check();
    await dialog.getByLabel('Follow up on').fill(todayInChicago());
    await dialog.getByRole('button', { name: 'Send referral' }).click();
    // Sending without Alex's agreement is refused in place; with it, it goes.
    await dialog.getByText('Tick this once they have agreed to share what is listed.').waitFor();
    await dialog.getByLabel('Alex Moreno agreed to share what is ticked above').check();
    await dialog.getByRole('button', { name: 'Send referral' }).click();
    await jordan.getByTestId('referral-detail').waitFor();
    expect(await jordan.getByTestId('referral-status').textContent()).toBe('Sent');
    await jordan.getByText('Referral sent. The follow-up is on your task list.').waitFor();
    expect(await jordan.getByTestId('referral-detail').innerText()).toMatch(/Name, Phone number,? and What they need/);
    await checkAndShoot(jordan, 'resources-03-referral');

    // The follow-up is on Jordan's task list for today.
    await jordan.goto(`${e2e.url}/`);
    const task = jordan.getByTestId('tasks').getByTestId('task').filter({ hasText: FOLLOW_UP });
    await task.waitFor();
    await checkAndShoot(jordan, 'resources-04-task-list');

    // Alex, on their own phone, sees the referral and says they went and it helped.
    const alexContext = await e2e.newContext();
    const alex = await alexContext.newPage();
    alex.setDefaultTimeout(60_000);
    await signInAs(alex, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    const tile = alex.getByTestId('home-referrals');
    await tile.waitFor();
    await tile.getByRole('link', { name: 'See my referrals' }).click();
    await alex.getByTestId('referral-list').waitFor();
    await alex.getByRole('link', { name: `To ${SHELTER}` }).click();
    await alex.getByRole('radio', { name: 'I went' }).check();
    await alex.getByRole('radio', { name: 'Yes' }).check();
    await checkAndShoot(alex, 'resources-05-did-you-go');
    await alex.getByRole('button', { name: 'Tell my peer worker' }).click();
    await alex.getByText('You said it helped. This need is met.').waitFor();
    expect(await alex.getByTestId('referral-status').textContent()).toBe('Need met');
    await checkAndShoot(alex, 'resources-06-need-met');

    // The loop is closed on Jordan's side: the referral is finished and its follow-up is done.
    await jordan.reload();
    await jordan.getByTestId('tasks').waitFor();
    await expect.poll(() => jordan.getByTestId('tasks').getByTestId('task').filter({ hasText: FOLLOW_UP }).count()).toBe(0);
    const done = (await (await jordan.request.get(`${e2e.url}/api/tasks?view=done`)).json()) as { tasks: Array<{ title: string; doneAt: string | null }> };
    expect(done.tasks.find((t) => t.title === FOLLOW_UP)?.doneAt).toEqual(expect.any(String));

    await jordanContext.close();
    await alexContext.close();
  });
});
