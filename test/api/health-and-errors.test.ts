import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../helpers/app.js';
import { makeWorld, type World } from '../helpers/factories.js';

let t: TestApp;
let world: World;
beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
});
afterAll(() => t.close());

describe('health, OpenAPI and errors', () => {
  it('answers /healthz after asking the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: t.database.kind });
  });

  it('publishes an OpenAPI document with every API route and its error codes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/sign-in', '/api/participants/{id}', '/api/participants/{id}/audit-trail', '/api/admin/invitations']),
    );
    const getParticipant = doc.paths['/api/participants/{id}'].get;
    expect(getParticipant.responses['404'].description).toContain('participant.not_found');
    expect(getParticipant.responses['400'].description).toContain('validation.failed');
  });

  it('serves browsable API docs', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/no-such-thing', payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route.not_found');
  });

  it('names each bad field in a 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'not-an-email' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation.failed');
    expect(body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.email', 'body.password']);
  });

  it('rejects a malformed id in the path with a 400, not a 500', async () => {
    const s = await signIn(t.app, world.users.orgAdmin.email);
    const res = await s.get('/api/participants/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('params.id');
  });

  it('answers malformed JSON with a 400 and a wrong content type with a 415', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('request.malformed');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'email=a%40b.c&password=x',
    });
    expect(form.statusCode).toBe(415);
    expect(form.json().error.code).toBe('request.unsupported_media_type');
  });

  it('refuses an oversized body with a 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'a@b.c', password: 'x'.repeat(2_000_000) },
    });
    expect(res.statusCode).toBe(413);
  });

  it('sends security headers: CSP without inline scripts, no framing, no sniffing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });
});
