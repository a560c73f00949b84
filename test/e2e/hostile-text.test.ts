import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, screenshot, signInAs, startE2E, type E2E } from './harness.js';

/**
 * Text people type comes back to other people's browsers: it must be shown, never run. The demo
 * participant's name, a goal, a check-in note and a message carry script and markup; a resource
 * link and an appointment video link are javascript: URLs. The pages that show them are opened as
 * the participant and as their peer worker, links are clicked, and nothing may have run.
 * The harness bypasses the Content-Security-Policy (to load axe), so this checks the rendering
 * itself, not only the CSP behind it.
 */

const PWN = 'window.__pwned=(window.__pwned||0)+1';
const NAME = `Alex <img src=x onerror="${PWN}">`;
const GOAL = `<script>${PWN}</script> Walk daily`;
const NOTE = `"><svg onload="${PWN}"> slept ok`;
const MESSAGE = `<iframe src="javascript:${PWN}"></iframe> hello`;
const JS_URL = `javascript:${PWN}`;

let e2e: E2E;
let participantId = '';
let serviceId: string | null = null;

async function apiSession(email: string) {
  const res = await e2e.server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: DEMO_PASSWORD } });
  expect(res.statusCode).toBe(200);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  const csrf = res.json().csrfToken as string;
  return (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    e2e.server.app.inject({ method, url, payload, headers: { cookie, 'x-csrf-token': csrf } });
}

beforeAll(async () => {
  e2e = await startE2E();
  const me = await apiSession('participant@riverbend.example');
  participantId = (await me('GET', '/api/auth/session')).json().user.participantId;
  expect(participantId).toBeTruthy();
  const P = `/api/participants/${participantId}`;
  expect((await me('PATCH', `${P}/profile`, { preferredName: NAME })).statusCode).toBe(200);
  expect((await me('POST', `${P}/goals`, { domain: 'health', title: GOAL })).statusCode).toBe(201);
  expect((await me('POST', `${P}/check-ins`, { mood: 3, craving: 2, usedSinceLast: 'no', note: NOTE })).statusCode).toBe(201);
  const thread = (await me('GET', `${P}/thread`)).json();
  expect((await me('POST', `/api/threads/${thread.id}/messages`, { body: MESSAGE, clientId: crypto.randomUUID() })).statusCode).toBe(201);

  // A javascript: link is refused, or (if stored) must never run when clicked.
  const peer = await apiSession('peer@riverbend.example');
  const service = await peer('POST', '/api/resources/services', { name: 'Hostile Link Pantry', categories: ['food'], url: JS_URL, latitude: 41.88, longitude: -87.63 });
  expect([201, 400]).toContain(service.statusCode);
  if (service.statusCode === 201) serviceId = service.json().id;
}, 180_000);
afterAll(() => e2e?.close());

async function watched(page: Page) {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return {
    dialogs,
    pwned: () => page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0),
  };
}

describe('hostile text', () => {
  it('shows the participant their own hostile text as text', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const w = await watched(page);
    await signInAs(page, e2e.url, 'participant@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-participant').waitFor();
    for (const path of [`/participants/${participantId}/goals`, `/participants/${participantId}/check-ins`, `/participants/${participantId}/messages`, `/participants/${participantId}/profile`]) {
      await page.goto(`${e2e.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${e2e.url}/participants/${participantId}/goals`);
    await expect.poll(() => page.getByText('Walk daily', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toContain(`<script>${PWN}</script>`);
    await screenshot(page, 'hostile-text-participant-goals');
    expect(await w.pwned()).toBe(0);
    expect(w.dialogs).toEqual([]);
    await context.close();
  });

  it('shows the peer worker the name, note and message as text, and a javascript: link does nothing', async () => {
    const context = await e2e.newContext();
    const page = await context.newPage();
    const w = await watched(page);
    await signInAs(page, e2e.url, 'peer@riverbend.example', DEMO_PASSWORD);
    await page.getByTestId('home-peer_worker').waitFor();
    await expect.poll(() => page.locator('body').innerText()).toContain('<img src=x onerror=');
    await screenshot(page, 'hostile-text-peer-home');
    for (const path of [`/participants/${participantId}`, `/participants/${participantId}/check-ins`, `/participants/${participantId}/messages`, `/participants/${participantId}/goals`, '/messages']) {
      await page.goto(`${e2e.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await page.goto(`${e2e.url}/participants/${participantId}/messages`);
    await expect.poll(() => page.getByText('hello', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).toContain('<iframe src="javascript:');
    await screenshot(page, 'hostile-text-peer-conversation');
    if (serviceId) {
      await page.goto(`${e2e.url}/resources/${serviceId}`);
      await page.getByText('Hostile Link Pantry').first().waitFor();
      const links = page.locator('a[href^="javascript:"]');
      for (let i = 0; i < (await links.count()); i++) await links.nth(i).click({ noWaitAfter: true }).catch(() => undefined);
      await page.waitForTimeout(300);
      await screenshot(page, 'hostile-text-resource');
    }
    expect(await w.pwned()).toBe(0);
    expect(w.dialogs).toEqual([]);
    await context.close();
  });
});
