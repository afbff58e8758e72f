import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { addBody, anonymousClient, loggedIn, PASSPHRASE } from './helpers.js';

let t: TestApp;
let admin: Client;
let social: string;
let culture: string;
let plainId: string;

beforeAll(async () => {
  t = await buildTestApp();
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  plainId = await addUser(t, 'plain', [{ role: 'caseOfficer' }]);
  social = await addBody(t, 'Socialnämnden');
  culture = await addBody(t, 'Kulturnämnden');
  admin = await loggedIn(t, 'admin');
});
afterAll(() => t.close());

const sortRoles = (roles: Array<{ role: string; bodyId: string | null }>) =>
  [...roles].sort((a, b) => `${a.role}|${a.bodyId}`.localeCompare(`${b.role}|${b.bodyId}`));

describe('creating users through the API', () => {
  it('creates a user with roles and returns it without any password data', async () => {
    const res = await admin.post('/api/users', {
      username: 'Anna.Registrator',
      displayName: 'Anna Andersson',
      email: 'anna@example.se',
      password: PASSPHRASE,
      roles: [{ role: 'registrar', bodyId: culture }, { role: 'caseOfficer', bodyId: null }, { role: 'registrar', bodyId: social }],
    });
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({ username: 'anna.registrator', displayName: 'Anna Andersson', email: 'anna@example.se', active: true, locale: 'sv' });
    expect(Object.keys(user)).not.toContain('passwordHash');
    expect(res.body).not.toMatch(/argon2|password/i);
    expect(sortRoles(user.roles)).toEqual(
      sortRoles([
        { role: 'registrar', bodyId: culture },
        { role: 'registrar', bodyId: social },
        { role: 'caseOfficer', bodyId: null },
      ]),
    );
    // The new user can log in with the passphrase.
    const c = new Client(t.app);
    expect((await c.login('anna.registrator', PASSPHRASE)).statusCode).toBe(200);
  });

  it('refuses a taken username', async () => {
    const res = await admin.post('/api/users', { username: 'ADMIN', displayName: 'X', password: PASSPHRASE });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.username).toEqual(['Användarnamnet är upptaget.']);
  });

  it('refuses a role for a body that does not exist, on that field', async () => {
    const res = await admin.post('/api/users', {
      username: 'nobody.body',
      displayName: 'X',
      password: PASSPHRASE,
      roles: [{ role: 'registrar', bodyId: social }, { role: 'caseOfficer', bodyId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toEqual({ 'roles.1.bodyId': ['Nämnden finns inte.'] });
    expect((await admin.get('/api/users?q=nobody.body')).json().total).toBe(0);
  });
});

describe('the password policy', () => {
  const attempt = (password: string, lang = 'sv') =>
    admin.request({
      method: 'POST',
      url: `/api/users?lang=${lang}`,
      payload: { username: `pw.${Math.random().toString(36).slice(2, 8)}`, displayName: 'Policy Test', password },
    });

  it.each([
    ['password1234', 'Lösenordet finns i listor över vanliga eller läckta lösenord. Välj ett annat.', 'The password appears in lists of common or breached passwords. Choose another.'],
    ['abcdefghijk', 'Lösenordet måste ha minst 12 tecken.', 'The password must have at least 12 characters.'],
    ['qwertyuiop123', 'Lösenordet finns i listor över vanliga eller läckta lösenord. Välj ett annat.', 'The password appears in lists of common or breached passwords. Choose another.'],
  ])('refuses %j with a clear message in Swedish and English', async (password, sv, en) => {
    const a = await attempt(password, 'sv');
    expect(a.statusCode).toBe(422);
    expect(a.json().fields.password).toEqual([sv]);
    const b = await attempt(password, 'en');
    expect(b.statusCode).toBe(422);
    expect(b.json().fields.password).toEqual([en]);
    await admin.get('/api/users?lang=sv');
  });

  it('accepts a passphrase', async () => {
    const res = await attempt('korrekt häst batteri häftklammer');
    expect(res.statusCode).toBe(201);
  });
});

describe('reading and changing users', () => {
  it('lists users with paging and search', async () => {
    for (let i = 0; i < 4; i++) await addUser(t, `listed.${i}`);
    const page1 = await admin.get('/api/users?page=1&pageSize=2&q=listed');
    expect(page1.statusCode).toBe(200);
    expect(page1.json()).toMatchObject({ page: 1, pageSize: 2, total: 4 });
    expect(page1.json().items.map((u: { username: string }) => u.username)).toEqual(['listed.0', 'listed.1']);
    const page2 = await admin.get('/api/users?page=2&pageSize=2&q=listed');
    expect(page2.json().items.map((u: { username: string }) => u.username)).toEqual(['listed.2', 'listed.3']);
    // Wildcards typed by a user are literal.
    expect((await admin.get('/api/users?q=%25')).json().total).toBe(0);
  });

  it('reads one user and answers 404 for an unknown id', async () => {
    expect((await admin.get(`/api/users/${plainId}`)).json()).toMatchObject({ username: 'plain', roles: [{ role: 'caseOfficer', bodyId: null }] });
    const missing = await admin.get('/api/users/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
  });

  it('round-trips roles through PATCH', async () => {
    const roles = [
      { role: 'boardSecretary', bodyId: social },
      { role: 'boardSecretary', bodyId: culture },
      { role: 'registrar', bodyId: null },
    ];
    const res = await admin.patch(`/api/users/${plainId}`, { roles });
    expect(res.statusCode).toBe(200);
    expect(sortRoles(res.json().roles)).toEqual(sortRoles(roles));
    expect(sortRoles((await admin.get(`/api/users/${plainId}`)).json().roles)).toEqual(sortRoles(roles));
    // The user's own session sees the new grants.
    const c = await loggedIn(t, 'plain');
    expect(sortRoles((await c.get('/api/auth/session')).json().user.roles)).toEqual(sortRoles(roles));
    // Roles with an unknown body are refused on that field, and nothing changes.
    const bad = await admin.patch(`/api/users/${plainId}`, { displayName: 'Changed', roles: [{ role: 'registrar', bodyId: '00000000-0000-4000-8000-000000000001' }] });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().fields)).toEqual(['roles.0.bodyId']);
    const after = (await admin.get(`/api/users/${plainId}`)).json();
    expect(after.displayName).toBe('plain');
    expect(sortRoles(after.roles)).toEqual(sortRoles(roles));
  });

  it('changes name, e-mail, language, and resets the password', async () => {
    const id = await addUser(t, 'changeme');
    const res = await admin.patch(`/api/users/${id}`, { displayName: 'Changed Name', email: 'c@example.se', locale: 'en', password: PASSPHRASE });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Changed Name', email: 'c@example.se', locale: 'en' });
    expect((await new Client(t.app).login('changeme', PASSPHRASE)).statusCode).toBe(200);
    const cleared = await admin.patch(`/api/users/${id}`, { email: null });
    expect(cleared.json().email).toBeNull();
    const weak = await admin.patch(`/api/users/${id}`, { password: 'password1234' });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().fields.password).toHaveLength(1);
  });

  it('deactivating a user ends its sessions: its next request is anonymous', async () => {
    const id = await addUser(t, 'leaving', [{ role: 'registrar' }]);
    const c = await loggedIn(t, 'leaving');
    expect((await c.get('/api/auth/session')).json().authenticated).toBe(true);
    const res = await admin.patch(`/api/users/${id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    const me = await c.get('/api/auth/session');
    expect(me.json().authenticated).toBe(false);
    // It cannot log in again either, until reactivated.
    expect((await new Client(t.app).login('leaving')).statusCode).toBe(422);
    await admin.patch(`/api/users/${id}`, { active: true });
    expect((await new Client(t.app).login('leaving')).statusCode).toBe(200);
  });

  it('keeps administrators from locking themselves out', async () => {
    const me = (await admin.get('/api/auth/session')).json().user.id;
    const off = await admin.patch(`/api/users/${me}`, { active: false });
    expect(off.statusCode).toBe(422);
    expect(off.json().fields.active).toEqual(['Du kan inte inaktivera ditt eget konto.']);
    const demote = await admin.patch(`/api/users/${me}`, { roles: [{ role: 'registrar', bodyId: null }] });
    expect(demote.statusCode).toBe(422);
    expect((await admin.get(`/api/users/${me}`)).json().roles).toEqual([{ role: 'administrator', bodyId: null }]);
  });
});

describe('who may use the users and audit API', () => {
  const uuid = '00000000-0000-4000-8000-000000000000';
  const routes = () => [
    { method: 'GET', url: '/api/users' },
    { method: 'POST', url: '/api/users', payload: { username: 'intruder', displayName: 'I', password: PASSPHRASE } },
    { method: 'GET', url: `/api/users/${plainId}` },
    { method: 'PATCH', url: `/api/users/${plainId}`, payload: { displayName: 'Hacked' } },
    { method: 'GET', url: '/api/audit' },
    { method: 'POST', url: '/api/audit/verify', payload: {} },
    { method: 'GET', url: `/api/users/${uuid}` },
  ];

  it('answers 401 to anonymous callers on every route', async () => {
    const anon = await anonymousClient(t);
    for (const r of routes()) {
      const res = await anon.request({ method: r.method as 'GET', url: r.url, payload: r.payload });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error).toBe('unauthenticated');
    }
  });

  it('answers 403 to logged-in users who are not administrators', async () => {
    await addUser(t, 'registrar.only', [{ role: 'registrar' }, { role: 'boardSecretary' }]);
    const c = await loggedIn(t, 'registrar.only');
    for (const r of routes()) {
      const res = await c.request({ method: r.method as 'GET', url: r.url, payload: r.payload });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
      expect(res.json().error).toBe('forbidden');
    }
    expect((await admin.get(`/api/users/${plainId}`)).json().displayName).not.toBe('Hacked');
  });

  it('lists the routes in the OpenAPI document under users and audit', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/users', '/api/users/{id}', '/api/audit', '/api/audit/verify']));
    expect(doc.paths['/api/users'].post.tags).toEqual(['users']);
    expect(doc.paths['/api/audit'].get.tags).toEqual(['audit']);
    expect(JSON.stringify(doc.paths['/api/users'])).not.toContain('passwordHash');
  });
});

describe('bad input on every write route', () => {
  const long = 'x'.repeat(5000);
  const writes = () => [
    { method: 'POST', url: '/api/users' },
    { method: 'PATCH', url: `/api/users/${plainId}` },
    { method: 'POST', url: '/api/audit/verify' },
  ];
  const badBodies: Record<string, Array<{ name: string; body: unknown; field?: string }>> = {
    '/api/users': [
      { name: 'wrong types', body: { username: 42, displayName: ['x'], password: true, roles: 'admin' }, field: 'body.username' },
      { name: 'over-long strings', body: { username: 'u'.repeat(65), displayName: long, password: PASSPHRASE }, field: 'body.displayName' },
      { name: 'unknown fields', body: { username: 'someone', displayName: 'S', password: PASSPHRASE, isAdmin: true }, field: 'body.isAdmin' },
      { name: 'unknown role', body: { username: 'someone', displayName: 'S', password: PASSPHRASE, roles: [{ role: 'king' }] }, field: 'body.roles.0.role' },
      { name: 'bodyId not a uuid', body: { username: 'someone', displayName: 'S', password: PASSPHRASE, roles: [{ role: 'registrar', bodyId: 'x' }] }, field: 'body.roles.0.bodyId' },
      { name: 'password over 1024', body: { username: 'someone', displayName: 'S', password: long }, field: 'body.password' },
    ],
    '/api/users/:id': [
      { name: 'wrong types', body: { active: 'yes', displayName: 7 }, field: 'body.active' },
      { name: 'over-long strings', body: { displayName: long, email: `${long}@example.se` }, field: 'body.displayName' },
      { name: 'unknown fields', body: { username: 'renamed' }, field: 'body.username' },
      { name: 'not an object', body: [1, 2], field: 'body' },
    ],
    '/api/audit/verify': [
      { name: 'unknown fields', body: { repair: true }, field: 'body.repair' },
      { name: 'wrong types', body: [1], field: 'body' },
    ],
  };

  it('answers malformed JSON with 400 on every write route', async () => {
    for (const r of writes()) {
      const res = await admin.request({ method: r.method as 'POST', url: r.url, payload: '{"username": ', headers: { 'content-type': 'application/json' } });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(400);
      expect(res.json().error).toBe('bad_json');
    }
  });

  it('answers wrong types, over-long strings and unknown fields with 400 and the fields', async () => {
    for (const r of writes()) {
      const key = r.url.startsWith('/api/users/') ? '/api/users/:id' : r.url;
      for (const bad of badBodies[key]!) {
        const res = await admin.request({ method: r.method as 'POST', url: r.url, payload: bad.body as object });
        expect(res.statusCode, `${r.method} ${r.url} ${bad.name}`).toBe(400);
        const fields = res.json().fields;
        expect(fields, `${r.method} ${r.url} ${bad.name}`).toBeTypeOf('object');
        expect(Object.keys(fields), `${r.method} ${r.url} ${bad.name}`).toContain(bad.field);
      }
    }
  });

  it('answers a path id that is not a uuid, and bad paging, with 400 and the fields', async () => {
    const a = await admin.patch('/api/users/not-a-uuid', { displayName: 'X' });
    expect(a.statusCode).toBe(400);
    expect(a.json().fields).toEqual({ 'params.id': [expect.any(String)] });
    const b = await admin.get('/api/users?page=0&pageSize=1000');
    expect(b.statusCode).toBe(400);
    expect(Object.keys(b.json().fields).sort()).toEqual(['querystring.page', 'querystring.pageSize']);
    const c = await admin.get(`/api/users?q=${'q'.repeat(300)}`);
    expect(c.statusCode).toBe(400);
    const d = await admin.get('/api/audit?sort=seq');
    expect(d.statusCode).toBe(400);
    expect(Object.keys(d.json().fields)).toEqual(['querystring.sort']);
  });
});
