import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config/index.js';
import { fixedClock } from '../../src/core/clock.js';
import type { Database } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import type { App } from '../../src/http/types.js';
import { createTestDb } from './db.js';
import { createUser, type Role } from '../../src/auth/index.js';
import { systemActor } from '../../src/auth/actor.js';

export const TEST_PASSWORD = 'korrekt-häst-batteri-häftklammer';

export interface TestApp {
  app: App;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  close(): Promise<void>;
}

/** A fresh database and app for one test file; time is pinned and movable. */
export async function buildTestApp(opts: { env?: Record<string, string>; now?: string } = {}): Promise<TestApp> {
  const database = await createTestDb();
  const clock = fixedClock(opts.now ?? '2026-11-23T09:00:00Z');
  const config = loadConfig({ STADSNAV_LOG_LEVEL: 'silent', STADSNAV_LOGIN_RATE_LIMIT: '1000', MAIL_FLUSH_INTERVAL_MS: '0', ...opts.env });
  const app = await buildApp({ database, config, clock, logger: false });
  await app.ready();
  return {
    app,
    database,
    clock,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** Create a user directly (as the system) with the given roles; returns its id. */
export async function addUser(t: TestApp, username: string, roles: Array<{ role: Role; bodyId?: string | null }> = []): Promise<string> {
  const user = await createUser(
    { db: t.database.db, clock: t.clock, actor: systemActor('test') },
    {
      username,
      displayName: username,
      password: TEST_PASSWORD,
      roles: roles.map((r) => ({ role: r.role, bodyId: r.bodyId ?? null })),
    },
  );
  return user.id;
}

/**
 * A cookie-keeping client over app.inject: sends the CSRF token on writes like a browser form
 * or API program would.
 */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(private readonly app: App) {}

  async request(opts: InjectOptions & { csrf?: boolean }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const method = (opts.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD' && opts.csrf !== false) {
      if (!this.csrf) await this.refreshCsrf();
      headers['x-csrf-token'] = this.csrf;
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    }
    const res = await this.app.inject({ ...opts, headers });
    this.keepCookies(res);
    return res;
  }

  private keepCookies(res: LightMyRequestResponse) {
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async refreshCsrf(): Promise<string> {
    const res = await this.request({ method: 'GET', url: '/api/auth/session' });
    this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    return this.csrf;
  }

  async login(username: string, password = TEST_PASSWORD): Promise<LightMyRequestResponse> {
    await this.refreshCsrf();
    const res = await this.request({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode === 200) this.csrf = (res.json() as { csrfToken: string }).csrfToken;
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }
  post(url: string, payload?: unknown, headers: Record<string, string> = {}) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }
  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }
  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
  /** Submit a urlencoded form like a browser (CSRF token in the `_csrf` field). */
  async form(url: string, fields: Record<string, string | string[]>) {
    if (!this.csrf) await this.refreshCsrf();
    const params = new URLSearchParams();
    params.append('_csrf', this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
    return this.request({
      method: 'POST',
      url,
      payload: params.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      csrf: false,
    });
  }
}
