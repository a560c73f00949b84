import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, phone, screenshot, seriousA11yViolations, signInAs, startE2E, type E2E } from './harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const desktop = { width: 1280, height: 1000 };
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The CSV the server wrote, as rows of cells (the measures table has quoted definitions with commas). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  return rows;
}

describe('outcomes dashboard', () => {
  it('a supervisor opens reports, changes the period, sees a chart and downloads a CSV whose rows match the screen', async () => {
    const context = await e2e.newContext(desktop);
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'supervisor@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-reports').getByRole('link', { name: /open reports/i }).click();
    await page.getByRole('heading', { level: 1, name: /outcomes and equity/i }).waitFor();
    await page.getByTestId('report-scope').waitFor();

    // The last 60 days: the demo's check-in history falls inside it.
    const from = isoDay(new Date(Date.now() - 60 * 86_400_000));
    const answered = page.waitForResponse((r) => r.url().includes('/api/reports/outcomes?') && r.url().includes(`from=${from}`) && r.status() === 200);
    await page.getByLabel('From').fill(from);
    await answered;
    await page.getByTestId('report-scope').getByText(/days counted in/).waitFor();
    const fromShown = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${from}T00:00:00Z`));
    await page.getByTestId('report-scope').getByText(fromShown, { exact: false }).waitFor();

    // A chart is drawn (an SVG with lines), with its table beside it.
    const chart = page.getByTestId('trend-chart');
    await chart.locator('svg .recharts-line').first().waitFor();
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBeGreaterThanOrEqual(2);

    // Download the measures table and compare it with what the screen shows, row by row.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-measures').getByRole('link', { name: /download csv/i }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^outcomes-measures-${from}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const [header, ...rows] = parseCsv(await readFile((await download.path())!, 'utf8'));
    expect(header!.slice(0, 5)).toEqual(['measure_id', 'domain', 'label', 'value', 'denominator']);
    const screen = await page.locator('[data-testid="report-measures"] tr[data-measure-id]').evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-measure-id'), tr.getAttribute('data-value')]),
    );
    expect(rows.map((r) => [r[0], r[3]])).toEqual(screen);
    expect(rows.length).toBeGreaterThan(20);

    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'outcomes-dashboard-desktop');
    // The printable period report: the browser's print dialog saves it as PDF. Printed, the filters,
    // downloads and app header are gone; every measure keeps its definition.
    await page.getByRole('button', { name: 'Print / save as PDF' }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('report-filters').isVisible()).toBe(false);
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await page.getByTestId('report-measures').getByRole('link', { name: /download csv/i }).isVisible()).toBe(false);
    expect(await page.locator('[data-testid="report-measures"] .outcomes-definition').first().isVisible()).toBe(true);
    await screenshot(page, 'outcomes-dashboard-print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(phone);
    await screenshot(page, 'outcomes-dashboard-phone');
    await context.close();
  });

  it('a peer worker has no way in: no link on the home, and the page says there is nothing to report on', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('caseload-card').first().waitFor();
    expect(await page.getByTestId('home-reports').count()).toBe(0);
    await page.goto(`${e2e.url}/reports`);
    await page.getByText(/your role does not allow this|could not|not allowed/i).first().waitFor();
    await context.close();
  });
});
