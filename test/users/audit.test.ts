import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema.js';
import { addUser, buildTestApp, Client, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { addBody, html, loggedIn, OTHER_PASSPHRASE, PASSPHRASE } from './helpers.js';

let t: TestApp;
let admin: Client;
let culture: string;

interface Entry {
  seq: number;
  action: string;
  actorLabel: string;
  subjectType: string;
  subjectId: string | null;
  summary: Record<string, unknown>;
  hash: string;
}

async function allEntries(): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let page = 1; ; page++) {
    const res = await admin.get(`/api/audit?page=${page}&pageSize=100`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    out.push(...body.items);
    if (out.length >= body.total) return out;
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  culture = await addBody(t, 'Kulturnämnden');
  admin = await loggedIn(t, 'admin');
});
afterAll(() => t.close());

describe('every write leaves an audit entry without secrets', () => {
  let apiUser: string;
  let formUser: string;

  it('records create, update, password reset, deactivation and own-account changes', async () => {
    const created = await admin.post('/api/users', { username: 'eva', displayName: 'Eva', password: PASSPHRASE, roles: [{ role: 'registrar', bodyId: culture }] });
    expect(created.statusCode).toBe(201);
    apiUser = created.json().id;
    const form = await admin.form('/admin/users', { username: 'olle', displayName: 'Olle', password: PASSPHRASE, city_caseOfficer: '1' });
    expect(form.statusCode).toBe(303);
    formUser = String(form.headers.location).split('/').pop()!;

    expect((await admin.patch(`/api/users/${apiUser}`, { displayName: 'Eva Ek', roles: [{ role: 'registrar', bodyId: null }] })).statusCode).toBe(200);
    expect((await admin.patch(`/api/users/${apiUser}`, { password: OTHER_PASSPHRASE })).statusCode).toBe(200);
    expect((await admin.form(`/admin/users/${formUser}/active`, { active: 'false' })).statusCode).toBe(303);

    const eva = await loggedIn(t, 'eva', OTHER_PASSPHRASE);
    expect((await eva.form('/account', { displayName: 'Eva E.', locale: 'sv' })).statusCode).toBe(303);
    expect((await eva.form('/account/password', { currentPassword: OTHER_PASSPHRASE, newPassword: PASSPHRASE })).statusCode).toBe(303);

    const evaEntries = (await admin.get(`/api/audit?subjectType=user&subjectId=${apiUser}&pageSize=100`)).json().items as Entry[];
    expect(evaEntries.map((e) => e.action).reverse()).toEqual([
      'user.create',
      'user.update',
      'user.update',
      'auth.login',
      'account.update',
      'account.passwordChange',
    ]);
    const [ownPassword, ownProfile, , reset, rename, create] = evaEntries;
    expect(create!.summary.after).toEqual({ username: 'eva', displayName: 'Eva', roles: [{ role: 'registrar', bodyId: culture }] });
    expect(rename!.summary.before).toMatchObject({ displayName: 'Eva', roles: [{ role: 'registrar', bodyId: culture }] });
    expect(rename!.summary.after).toMatchObject({ displayName: 'Eva Ek', roles: [{ role: 'registrar', bodyId: null }], passwordChanged: false });
    expect(reset!.summary.after).toMatchObject({ passwordChanged: true });
    expect(reset!.actorLabel).toBe('admin');
    expect(ownProfile!.summary).toEqual({ before: { displayName: 'Eva Ek', locale: 'sv' }, after: { displayName: 'Eva E.', locale: 'sv' } });
    expect(ownPassword!.summary).toEqual({ passwordChanged: true, otherSessionsEnded: 0 });
    expect(ownPassword!.actorLabel).toBe('eva');

    const olle = (await admin.get(`/api/audit?subjectId=${formUser}`)).json().items as Entry[];
    expect(olle.map((e) => e.action)).toEqual(['user.update', 'user.create']);
    expect(olle[0]!.summary.after).toMatchObject({ active: false });
  });

  it('never stores a password hash or a password in any summary', async () => {
    const hashes = (await t.database.db.select({ h: users.passwordHash }).from(users)).map((r) => r.h);
    expect(hashes.length).toBeGreaterThan(2);
    const entries = await allEntries();
    expect(entries.length).toBeGreaterThan(8);
    for (const e of entries) {
      const text = JSON.stringify(e.summary);
      for (const h of hashes) expect(text).not.toContain(h);
      expect(text).not.toContain('$argon2');
      for (const p of [PASSPHRASE, OTHER_PASSPHRASE, TEST_PASSWORD]) expect(text).not.toContain(p);
    }
  });

  it('filters by action and pages newest first', async () => {
    const res = (await admin.get('/api/audit?action=user.create&pageSize=2')).json();
    expect(res.total).toBe(3);
    expect(res.items).toHaveLength(2);
    expect(res.items[0].seq).toBeGreaterThan(res.items[1].seq);
    expect(res.items.every((e: Entry) => e.action === 'user.create')).toBe(true);
    const page2 = (await admin.get('/api/audit?action=user.create&pageSize=2&page=2')).json();
    expect(page2.items).toHaveLength(1);
  });

  it('shows the log as a page with a readable before/after summary', async () => {
    const res = await admin.get(`/admin/audit?subjectId=${apiUser}`, html);
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/<h1[ >]/g)).toHaveLength(1);
    expect(res.body).toContain('<caption>Loggposter, senaste först</caption>');
    expect(res.body).toContain('<th scope="col">Tid</th>');
    expect(res.body).toContain('Användare ändrad');
    expect(res.body).toMatch(/<strong>Namn: <\/strong>.*<del>Eva<\/del>.*<ins>Eva Ek<\/ins>/s);
    expect(res.body).toContain('Registrator (Kulturnämnden)');
    expect(res.body).toContain('Registrator (hela staden)');
    expect(res.body).toContain('<strong>Lösenordet byttes: </strong>');
    const en = await admin.get(`/admin/audit?subjectId=${apiUser}&lang=en`, html);
    expect(en.body).toContain('<caption>Log entries, newest first</caption>');
    expect(en.body).toContain('User changed');
    await admin.get('/admin/audit?lang=sv', html);
  });
});

describe('verifying the chain', () => {
  it('reports ok through the API and the page', async () => {
    const res = await admin.post('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: true });
    expect(res.json().entries).toBeGreaterThan(8);
    const page = await admin.form('/admin/audit/verify', {});
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Loggen är hel:');
  });

  it('reports the seq of an entry altered behind its back', async () => {
    const before = await allEntries();
    const victim = before.find((e) => e.action === 'user.update')!;
    const db = t.database.db;
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
    try {
      await db.execute(sql`UPDATE audit_log SET summary = ${JSON.stringify({ after: { displayName: 'Someone else' } })}::jsonb WHERE seq = ${victim.seq}`);
    } finally {
      await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
    }
    // The trigger is back: the log refuses changes again.
    await expect(db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow();

    const res = await admin.post('/api/audit/verify', {});
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ ok: false, brokenAt: victim.seq, entries: victim.seq - 1 });
    expect(res.json().reason).toContain(`entry ${victim.seq}`);

    const page = await admin.form('/admin/audit/verify', {});
    expect(page.body).toContain(`Loggen är bruten vid post ${victim.seq}.`);
    expect(page.body).toContain('role="alert"');
  });
});

describe('who may read the log', () => {
  it('sends anonymous visitors of the pages to the login link, and refuses non-administrators', async () => {
    const anon = new Client(t.app);
    const res = await anon.get('/admin/audit', html);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('href="/login?next=%2Fadmin%2Faudit"');
    await addUser(t, 'clerk', [{ role: 'registrar' }]);
    const clerk = await loggedIn(t, 'clerk');
    expect((await clerk.get('/admin/audit', html)).statusCode).toBe(403);
    expect((await clerk.form('/admin/audit/verify', {})).statusCode).toBe(403);
  });
});
