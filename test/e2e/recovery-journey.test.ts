import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * The participant's recovery journey, end to end on a phone: Alex Moreno (the demo participant,
 * with weeks of seeded history) checks in, is told of a 60-day milestone, sets a goal with two
 * steps and does one, works through a craving, edits the safety plan, and completes BARC-10 and
 * PHQ-9. Every page visited is checked with axe-core and photographed as `journey-<nn>-<step>`.
 */

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

// The answers picked, and what the published scoring makes of them.
const barc10Answers = [5, 4, 5, 6, 5, 4, 5, 6, 5, 5]; // 1 = strongly disagree … 6 = strongly agree
const barc10Total = barc10Answers.reduce((a, b) => a + b, 0); // 50: 47 or more is at or above the threshold
const barc10Baseline = 36; // the seeded baseline 55 days ago (4,3,4,3,4,3,4,4,3,4)
const barc10Labels = ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Somewhat agree', 'Agree', 'Strongly agree'];

const phq9Answers = [1, 1, 1, 1, 0, 1, 1, 0, 0]; // item 9 = 0, "Not at all": no safety flag
const phq9Total = phq9Answers.reduce((a, b) => a + b, 0); // 6: 5–9 is "Mild"
const phq2Total = phq9Answers[0]! + phq9Answers[1]!; // 2: 0–2 is a negative screen
const phq9Baseline = 9; // the seeded baseline (2,1,2,1,1,1,1,0,0)
const phq9Labels = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day'];

const checkInNote = 'Slept well and walked to the Tuesday group.';
const goalTitle = 'Walk 20 minutes every morning';
const goalSteps = ['Buy comfortable walking shoes', 'Walk around the block three mornings this week'];
const editedCoping = 'A walk by the river with my sister';
const addedWarningSign = 'Staying up past 2 a.m.';

const timings: Array<[string, number]> = [];
async function step(name: string, run: () => Promise<void>) {
  const started = Date.now();
  try {
    await run();
  } finally {
    timings.push([name, Date.now() - started]);
  }
}

/** The text a person sees, with whitespace between blocks (textContent runs blocks together). */
const seen = (locator: Locator) => locator.innerText();

/** Answers a one-question-at-a-time measure, waiting for each question to replace the last. */
async function answerMeasure(page: Page, answers: number[], labelOf: (value: number) => string, shootBefore?: { index: number; name: string }) {
  for (const [i, value] of answers.entries()) {
    await expect.poll(() => page.getByText(`Question ${i + 1} of ${answers.length}`, { exact: true }).count()).toBe(1);
    if (shootBefore?.index === i) await checkAndShoot(page, shootBefore.name);
    const choice = page.getByRole('radio', { name: labelOf(value), exact: true });
    await choice.check();
    await expect.poll(() => choice.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Next', exact: true }).click();
  }
  await page.getByText(`You answered ${answers.length} of ${answers.length} questions.`, { exact: true }).waitFor();
}

describe('the recovery journey on a phone', () => {
  it('Alex checks in, sees a milestone, sets and works a goal, rides out a craving, edits the safety plan, and completes BARC-10 and PHQ-9', { timeout: 900_000 }, async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    const started = Date.now();
    let participantId = '';

    try {
      await step('sign in', async () => {
        await signInAs(page, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
        await page.getByTestId('home-participant').waitFor();
        await page.getByTestId('crisis-card').waitFor();
        await page.getByTestId('home-milestones').waitFor();
        const historyHref = await page.getByRole('link', { name: 'See my check-ins' }).getAttribute('href');
        participantId = /\/participants\/([0-9a-f-]{36})\/check-ins/.exec(historyHref ?? '')![1]!;
        await checkAndShoot(page, 'journey-01-home');
      });

      // 1. A check-in: mood, craving, no use, and a note; then it is at the top of the history.
      await step('check-in', async () => {
        await page.getByTestId('check-in-action').click();
        await page.getByTestId('checkin-form').waitFor();
        await page.getByRole('group', { name: 'How are you feeling today?' }).getByRole('radio', { name: 'Good', exact: true }).check();
        const slider = page.getByRole('slider');
        await slider.focus();
        for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
        await expect.poll(() => slider.getAttribute('aria-valuenow')).toBe('3');
        await page.getByRole('group', { name: 'Have you used since your last check-in?' }).getByRole('radio', { name: 'No', exact: true }).check();
        await page.getByRole('button', { name: /add more \(optional\)/i }).click();
        await page.getByLabel('Hours of sleep last night').fill('7.5');
        await page.getByLabel(/a short note, or something you're grateful for/i).fill(checkInNote);
        await checkAndShoot(page, 'journey-02-checkin-form');

        await page.getByRole('button', { name: 'Send my check-in' }).click();
        await page.getByTestId('checkin-thanks').waitFor();
        expect(await seen(page.getByTestId('checkin-thanks'))).toMatch(/thank you for checking in/i);
        await checkAndShoot(page, 'journey-03-checkin-thanks');

        await page.getByRole('link', { name: 'See my check-ins' }).click();
        await page.getByTestId('checkin-history').waitFor();
        const newest = page.getByTestId('checkin-entry').first();
        await expect.poll(() => seen(newest)).toContain(checkInNote);
        const text = await seen(newest);
        expect(text).toMatch(/Mood:\s*Good/);
        expect(text).toMatch(/Craving:\s*3 of 10/);
        expect(text).toMatch(/Use since last check-in\s*No/);
        expect(text).toMatch(/Sleep\s*7\.5 hours/);
        await checkAndShoot(page, 'journey-04-checkin-history');
      });

      // 2. The 60-day milestone, reached since the last visit, is celebrated on the home page.
      await step('milestone', async () => {
        await page.getByRole('link', { name: /back to home/i }).first().click();
        const celebration = page.getByTestId('milestone-celebration');
        await celebration.waitFor();
        // The seed counts Alex's days from 62 days ago, so 60 days is the milestone just reached.
        const counting = await seen(page.getByTestId('day-counter'));
        expect(await celebration.getByRole('heading').innerText(), `celebration (day counter says: ${counting.replace(/\s+/g, ' ')})`).toBe('You reached 60 days!');
        await expect.poll(() => seen(page.getByTestId('day-counter'))).toMatch(/Next milestone: 90 days/);
        await checkAndShoot(page, 'journey-05-milestone-celebration');

        // Saying thank you celebrates it once: it does not come back.
        await celebration.getByRole('button', { name: 'Thank you' }).click();
        await expect.poll(() => page.getByTestId('milestone-celebration').count()).toBe(0);
        await page.getByTestId('home-milestones').getByRole('link', { name: 'My milestones' }).click();
        const reached = page.getByRole('list', { name: 'Milestones reached' });
        await reached.waitFor();
        expect(await seen(reached.getByRole('listitem').first())).toMatch(/60 days/);
        const counter = await seen(page.getByTestId('day-counter'));
        const days = Number(/(\d+)\s*days in recovery/.exec(counter)?.[1]);
        expect(days).toBeGreaterThanOrEqual(60);
        expect(days).toBeLessThan(90);
        expect(await page.getByTestId('milestone-celebration').count()).toBe(0);
        await checkAndShoot(page, 'journey-06-milestones');
      });

      // 3. A new goal with two steps; one step done shows as 1 of 2, and stays so after a reload.
      await step('goal', async () => {
        await page.getByRole('link', { name: /back to home/i }).first().click();
        await page.getByTestId('home-goals').getByRole('link', { name: 'See my goals' }).click();
        await page.getByRole('heading', { level: 1, name: 'My goals' }).waitFor();
        await page.getByRole('button', { name: 'New goal', exact: true }).click();
        const dialog = page.getByRole('dialog', { name: 'New goal' });
        await dialog.waitFor();
        await dialog.getByRole('textbox', { name: 'Goal' }).fill(goalTitle);
        await dialog.getByRole('combobox', { name: 'Part of life' }).selectOption('health');
        await dialog.getByRole('textbox', { name: 'Why it matters' }).fill('Moving my body helps with cravings and sleep.');
        for (const [i, title] of goalSteps.entries()) {
          await dialog.getByRole('button', { name: 'Add a step' }).click();
          await dialog.getByRole('textbox', { name: `Step ${i + 1}`, exact: true }).fill(title);
        }
        await checkAndShoot(page, 'journey-07-goal-form');
        await dialog.getByRole('button', { name: 'Save goal' }).click();
        await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
        await page.getByText(`“${goalTitle}” is saved.`, { exact: true }).waitFor();

        const card = () => page.getByTestId('goal-card').filter({ has: page.getByRole('heading', { name: goalTitle, exact: true }) });
        await card().waitFor();
        expect(await seen(card())).toMatch(/0 of 2 steps done/);
        const first = card().getByRole('checkbox', { name: goalSteps[0], exact: true });
        await first.check();
        await expect.poll(() => seen(card())).toMatch(/1 of 2 steps done/);

        await page.reload();
        await card().waitFor();
        await expect.poll(() => seen(card())).toMatch(/1 of 2 steps done/);
        expect(await card().getByRole('checkbox', { name: goalSteps[0], exact: true }).isChecked()).toBe(true);
        expect(await card().getByRole('checkbox', { name: goalSteps[1], exact: true }).isChecked()).toBe(false);
        expect(await card().getByRole('progressbar', { name: `Progress on ${goalTitle}` }).getAttribute('aria-valuenow')).toBe('50');
        await card().scrollIntoViewIfNeeded();
        await checkAndShoot(page, 'journey-08-goal-one-of-two');
      });

      // 4. The craving flow: rate 7, try the first strategy of the plan, tell the peer worker, rate 3.
      await step('craving flow', async () => {
        await page.getByRole('link', { name: /back to home/i }).first().click();
        await page.getByTestId('craving-button').click();
        const rate = page.getByTestId('craving-rate');
        await rate.waitFor();
        await rate.getByText('7', { exact: true }).click();
        await expect.poll(() => rate.getByRole('radio', { name: '7', exact: true }).isChecked()).toBe(true);
        await checkAndShoot(page, 'journey-09-craving-rate');
        await rate.getByRole('button', { name: 'Next' }).click();

        const plan = page.getByTestId('craving-plan');
        await plan.waitFor();
        expect(await plan.getByRole('heading', { level: 2 }).innerText()).toBe('Your plan');
        // The plan's first strategy is open; tick it as tried.
        await plan.getByRole('checkbox', { name: 'I tried this' }).check();
        await page.getByTestId('craving-tell').getByRole('button', { name: 'Tell Jordan Ellis now' }).click();
        await expect.poll(() => seen(page.getByTestId('craving-tell'))).toMatch(/Jordan Ellis knows/);
        await checkAndShoot(page, 'journey-10-craving-plan');
        await page.getByRole('button', { name: "I'm ready to rate it again" }).click();

        const after = page.getByTestId('craving-after');
        await after.waitFor();
        await after.getByText('3', { exact: true }).click();
        await expect.poll(() => after.getByRole('radio', { name: '3', exact: true }).isChecked()).toBe(true);
        await checkAndShoot(page, 'journey-11-craving-after');
        await after.getByRole('button', { name: 'Save', exact: true }).click();

        const done = page.getByTestId('craving-done');
        await done.waitFor();
        const result = await seen(done);
        expect(result).toMatch(/It came down from 7 to 3/);
        expect(result).toMatch(/Tried: Box breathing/);
        await checkAndShoot(page, 'journey-12-craving-done');

        // The after-rating is saved: the craving log (read from the server) shows 7 → 3.
        await done.getByRole('link', { name: 'See my craving log' }).click();
        const log = page.getByTestId('craving-log');
        await log.waitFor();
        const entries = log.getByRole('listitem');
        expect(await entries.count()).toBe(1);
        const entry = await entries.first().textContent();
        expect(entry).toContain('7 → 3');
        expect(entry).toContain('Strength 7 before, 3 after');
        expect(entry).toContain('Tried: Box breathing');
        expect(entry).toContain('Asked the peer worker to reach out');
        await log.scrollIntoViewIfNeeded();
        await checkAndShoot(page, 'journey-13-craving-log');
      });

      // 5. The safety plan: reword a line, add a warning sign, save; a reload shows the new words.
      await step('safety plan', async () => {
        await page.getByTestId('my-safety-plan').click();
        await page.getByRole('heading', { level: 1, name: 'My safety plan' }).waitFor();
        await page.getByRole('button', { name: 'Edit the plan' }).click();
        const form = page.getByRole('form', { name: 'Safety plan' });
        await form.waitFor();
        const coping = form.getByRole('textbox', { name: 'Things I can do on my own, line 2' });
        expect(await coping.inputValue()).toBe('A walk by the river');
        await coping.fill(editedCoping);
        await form.getByRole('button', { name: 'Add a warning sign' }).click();
        await form.getByRole('textbox', { name: 'Warning signs, line 4' }).fill(addedWarningSign);
        await checkAndShoot(page, 'journey-14-safety-plan-edit');
        await form.getByRole('button', { name: 'Save the plan' }).click();
        await expect.poll(() => page.getByText('Your safety plan is saved.').count()).toBe(1);

        await page.reload();
        await page.getByRole('heading', { level: 1, name: 'My safety plan' }).waitFor();
        await expect.poll(() => seen(page.getByTestId('safety-plan-changed'))).toMatch(/Last changed by Alex Moreno/);
        const lines = await page.locator('.safety-plan-lines li').allInnerTexts();
        expect(lines).toContain(editedCoping);
        expect(lines).toContain(addedWarningSign);
        expect(lines).not.toContain('A walk by the river');
        expect(lines).toContain('Not sleeping'); // what was not touched is still there
        await checkAndShoot(page, 'journey-15-safety-plan-saved');
      });

      // 6. BARC-10 and PHQ-9, one question at a time; the results show the totals and their bands in words.
      await step('BARC-10', async () => {
        await page.getByRole('link', { name: /back to home/i }).first().click();
        await page.getByTestId('home-measures').getByRole('link', { name: 'See my measures' }).click();
        await page.getByRole('heading', { level: 1, name: 'My measures' }).waitFor();
        await checkAndShoot(page, 'journey-16-measures');
        await page.getByRole('link', { name: /^Take the BARC-10/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Brief Assessment of Recovery Capital' }).waitFor();
        await answerMeasure(page, barc10Answers, (v) => barc10Labels[v - 1]!, { index: 0, name: 'journey-17-barc10-question' });
        await page.getByTestId('measure-save').click();

        await page.getByRole('heading', { level: 1, name: 'Answers saved' }).waitFor();
        const score = await seen(page.getByTestId('measure-scores'));
        expect(score).toMatch(new RegExp(`Recovery capital\\s*${barc10Total}\\s*Possible scores: 10 to 60\\s*At or above the recovery capital threshold`));
        expect(score).toContain(`${barc10Total - barc10Baseline} points higher than the first time (${barc10Baseline} on`);
        expect(score).toContain('That is a move in a good direction.');
        await checkAndShoot(page, 'journey-18-barc10-result');
      });

      await step('PHQ-9', async () => {
        await page.getByRole('link', { name: 'All my measures' }).click();
        await page.getByRole('heading', { level: 1, name: 'My measures' }).waitFor();
        await page.getByRole('link', { name: /^Take the PHQ-9/ }).click();
        await page.getByRole('heading', { level: 1, name: 'Patient Health Questionnaire-9 (depression)' }).waitFor();
        await answerMeasure(page, phq9Answers, (v) => phq9Labels[v]!, { index: 8, name: 'journey-19-phq9-item9' });
        await page.getByTestId('measure-save').click();

        // Item 9 answered "Not at all": the plain saved page, with no crisis support before the scores.
        await page.getByRole('heading', { level: 1, name: 'Answers saved' }).waitFor();
        const scores = page.getByTestId('measure-scores');
        const text = await seen(scores);
        expect(text).toMatch(new RegExp(`Depression symptoms\\s*${phq9Total}\\s*Possible scores: 0 to 27\\s*Mild`));
        expect(text).toMatch(new RegExp(`PHQ-2 \\(first two items\\)\\s*${phq2Total}\\s*Possible scores: 0 to 6\\s*Negative screen`));
        expect(text).toContain(`${phq9Baseline - phq9Total} points lower than the first time (${phq9Baseline} on`);
        expect(await page.getByText('Help is here, right now').count()).toBe(0);
        await checkAndShoot(page, 'journey-20-phq9-result');

        // Both new results are the latest on the measures list.
        await page.getByRole('link', { name: 'All my measures' }).click();
        await page.getByRole('heading', { level: 1, name: 'My measures' }).waitFor();
        const list = await seen(page.getByRole('main'));
        expect(list).toContain(`Latest result: Recovery capital ${barc10Total} (At or above the recovery capital threshold)`);
        expect(list).toContain(`Latest result: Depression symptoms ${phq9Total} (Mild)`);
        await checkAndShoot(page, 'journey-21-measures-latest');
      });
    } finally {
      timings.push(['whole journey', Date.now() - started]);
      console.log(`recovery journey (participant ${participantId || 'unknown'}):\n${timings.map(([n, ms]) => `  ${n}: ${(ms / 1000).toFixed(1)} s`).join('\n')}`);
      await context.close();
    }
  });
});
