import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { testDriver } from '../helpers/db.js';
import { verifyAuditChain } from '../../src/audit/index.js';
import { SESSION_IDLE_MS, SESSION_ABSOLUTE_MS } from '../../src/auth/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  await addUser(t, 'admin', [{ role: 'administrator' }]);
});
afterAll(() => t.close());

describe('health and API description', () => {
  it('reports ok and the driver in use', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testDriver() });
  });

  it('serves an OpenAPI 3 document that lists the API routes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/auth/session', '/api/auth/login']));
  });

  it('describes every API route, and every route declares a known permission', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const api = t.app.routeCatalog.filter((r) => r.url.startsWith('/api/') && r.url !== '/api/openapi.json');
    expect(api.length).toBeGreaterThan(30);
    const missing = api
      .map((r) => ({ method: r.method.toLowerCase(), path: r.url.replace(/:(\w+)/g, '{$1}') }))
      .filter(({ method, path }) => !doc.paths[path]?.[method])
      .map(({ method, path }) => `${method} ${path}`);
    expect(missing).toEqual([]);
    expect(api.every((r) => !r.hidden)).toBe(true);
    expect(t.app.routeCatalog.every((r) => typeof r.permission === 'string' && r.permission.length > 0)).toBe(true);
  });
});

describe('unknown routes', () => {
  it('answer 404 in JSON for API clients', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.json().error).toBe('not_found');
  });
  it('answer 404 as an HTML page for browsers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nothing-here', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/html/);
    expect(res.body).toContain('<html lang="sv">');
    expect(res.body).toContain('Sidan eller posten finns inte.');
  });
});

describe('login, sessions and CSRF', () => {
  it('refuses a write without a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('csrf');
  });

  it('logs in with a token and reports who is logged in', async () => {
    const c = new Client(t.app);
    const res = await c.login('admin');
    expect(res.statusCode).toBe(200);
    expect(res.json().user.username).toBe('admin');
    const me = await c.get('/api/auth/session');
    expect(me.json().authenticated).toBe(true);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const c = new Client(t.app);
    const a = await c.login('nobody', 'whatever-password-1');
    const b = await c.login('admin', 'wrong-password-12345');
    expect(a.statusCode).toBe(422);
    expect(b.statusCode).toBe(422);
    expect(a.json().fields).toEqual(b.json().fields);
  });

  it('expires a session after 30 idle minutes', async () => {
    const c = new Client(t.app);
    await c.login('admin');
    t.clock.advance(SESSION_IDLE_MS + 1000);
    const me = await c.get('/api/auth/session');
    expect(me.json().authenticated).toBe(false);
  });

  it('expires a session 12 hours after login even when active', async () => {
    const c = new Client(t.app);
    await c.login('admin');
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS; elapsed += 20 * 60 * 1000) {
      t.clock.advance(20 * 60 * 1000);
      await c.get('/api/auth/session');
    }
    t.clock.advance(60_000);
    expect((await c.get('/api/auth/session')).json().authenticated).toBe(false);
  });

  it('logs out through the form', async () => {
    const c = new Client(t.app);
    await c.login('admin');
    const res = await c.form('/logout', {});
    expect(res.statusCode).toBe(303);
    expect((await c.get('/api/auth/session')).json().authenticated).toBe(false);
  });
});

describe('audit', () => {
  it('has a verifiable chain after the writes above', async () => {
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBeGreaterThan(3);
  });
});
