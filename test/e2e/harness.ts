import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { testConfig } from '../../src/server/config.js';
import { seedDemo } from '../../src/server/seed/demo.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { openTestDatabase } from '../helpers/database.js';

export { DEMO_PASSWORD, demoSignIns } from '../../src/server/seed/demo.js';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
export const screenshotDir = path.resolve('test-results/screenshots');

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const phone = { width: 390, height: 844 };

export interface E2E {
  url: string;
  server: RunningServer;
  browser: Browser;
  /** A fresh browser profile (cookies and storage of its own), phone-sized unless told otherwise. */
  newContext(viewport?: { width: number; height: number }): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The real server on a free port with the demo organization, and Debian's Chromium. */
export async function startE2E(): Promise<E2E> {
  const database = await openTestDatabase();
  await seedDemo(database.db);
  const server = await startServer(testConfig({ PORT: '0', HOST: '127.0.0.1' }), { database });
  const port = (server.app.server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  mkdirSync(screenshotDir, { recursive: true });
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    browser,
    // The app's CSP forbids injected scripts; the test bypasses it only to load axe-core.
    newContext: (viewport = phone) => browser.newContext({ viewport, bypassCSP: true, locale: 'en-US' }),
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

export async function signInAs(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/auth/sign-in') && r.request().method() === 'POST');
  await page.getByRole('button', { name: /sign in/i }).click();
  // Wait for the session: a test that navigates at once would otherwise cancel the sign-in.
  if ((await answered).ok()) await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** axe-core on the current page: the serious and critical violations (WCAG 2.1 A and AA rules). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // A dialog fading in is half transparent: judge colours once transitions have settled.
  // (Endless ones, such as a loader's spin, never settle and do not count.)
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
}

/** A page as it stands: no serious accessibility violations (axe-core), then a screenshot named for the step. */
export async function checkAndShoot(page: Page, name: string): Promise<void> {
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  await screenshot(page, name);
}
