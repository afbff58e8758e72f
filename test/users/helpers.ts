import { bodies } from '../../src/db/schema.js';
import type { TestApp } from '../helpers/app.js';
import { Client } from '../helpers/app.js';

/** A body to scope roles to (inserted directly: the organisation module owns its commands). */
export async function addBody(t: TestApp, name: string): Promise<string> {
  const now = t.clock.now();
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const [row] = await t.database.db.insert(bodies).values({ slug, name, kind: 'specialistBoard', createdAt: now, updatedAt: now }).returning({ id: bodies.id });
  return row!.id;
}

export async function loggedIn(t: TestApp, username: string, password?: string): Promise<Client> {
  const c = new Client(t.app);
  const res = await c.login(username, password);
  if (res.statusCode !== 200) throw new Error(`login as ${username} failed: ${res.statusCode} ${res.body}`);
  return c;
}

/** An anonymous client that already holds a CSRF token, so writes reach the permission check. */
export async function anonymousClient(t: TestApp): Promise<Client> {
  const c = new Client(t.app);
  await c.refreshCsrf();
  return c;
}

export const html = { accept: 'text/html' };

/** A passphrase that passes the policy. */
export const PASSPHRASE = 'lila elefanter dansar i regnet';
export const OTHER_PASSPHRASE = 'gröna gurkor sjunger på taket';
