import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAndShoot, DEMO_PASSWORD, type E2E, signInAs, startE2E } from './harness.js';

/**
 * The organization admin's import tools in the browser: a Meeting Guide feed file loaded twice
 * (the second time changes nothing), and the upstream HSDS CSV package, whose report names its
 * broken references. Pages are checked with axe-core and photographed as `imports-<nn>-<step>`.
 */
const meetingGuide = path.resolve('../shared/data/meeting-guide');
const hsdsCsv = path.resolve('../shared/data/hsds/examples/csv');

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

describe('directory imports in the admin screens', () => {
  it('imports a Meeting Guide feed file twice and an HSDS CSV package, each with its report', { timeout: 300_000 }, async () => {
    const context = await e2e.newContext({ width: 1280, height: 900 });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    try {
      await signInAs(page, e2e.url, 'admin@riverbend.example', DEMO_PASSWORD);
      await page.getByTestId('home-org_admin').waitFor();

      // Meetings: the demo already holds the main Code for Recovery fixture, so this loads the
      // multi-region one, which has no time zones: the import names one.
      await page.goto(`${e2e.url}/admin/meetings`);
      await page.getByRole('heading', { level: 1, name: 'Meeting directory' }).waitFor();
      const feedFile = path.join(meetingGuide, 'c4r-pdf-fixture-meetings-multi-region.json');
      const importOnce = async () => {
        await page.getByLabel('Feed file (.json)').setInputFiles(feedFile);
        await page.getByLabel(/^Time zone for meetings/).fill('America/Chicago');
        await page.getByRole('button', { name: 'Import meetings' }).click();
      };
      await importOnce();
      await page.getByTestId('import-report').getByText('Imported 12, updated 0, unchanged 0, rejected 0.').waitFor();
      await checkAndShoot(page, 'imports-01-meetings-first');
      await importOnce();
      await page.getByTestId('import-report').getByText('Imported 0, updated 0, unchanged 12, rejected 0.').waitFor();
      expect(await page.getByRole('link', { name: /\/feeds\/riverbend\/meetings\.json$/ }).count()).toBe(1);

      // Resources: the upstream one-row CSV package, with datapackage.json.
      await page.goto(`${e2e.url}/`);
      await page.getByTestId('home-org_admin').waitFor();
      const files = readdirSync(hsdsCsv)
        .sort()
        .map((name) => path.join(hsdsCsv, name));
      await page.locator('input[type="file"]').setInputFiles(files);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      const report = page.getByTestId('import-report');
      await report.getByText('Rejected records').waitFor();
      const text = await report.innerText();
      for (const missing of [
        'organization_id → organization ae67a707-5893-4225-b0b1-320ab9cb596b',
        'organization_id → organization 985e4a42-bd9f-4edc-911d-0243a4640aca',
        'taxonomy_id → taxonomy 07ff6aee-a219-438c-b694-d2fcb6c5373b',
      ]) {
        expect(text).toContain(`broken reference: ${missing}`);
      }
      await checkAndShoot(page, 'imports-02-hsds-report');
    } finally {
      await context.close();
    }
  });
});
