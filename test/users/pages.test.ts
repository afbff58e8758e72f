import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { addBody, html, loggedIn, OTHER_PASSPHRASE, PASSPHRASE } from './helpers.js';

let t: TestApp;
let admin: Client;
let adminId: string;
let social: string;
let culture: string;

beforeAll(async () => {
  t = await buildTestApp();
  adminId = await addUser(t, 'admin', [{ role: 'administrator' }]);
  social = await addBody(t, 'Socialnämnden');
  culture = await addBody(t, 'Kulturnämnden');
  admin = await loggedIn(t, 'admin');
});
afterAll(() => t.close());

/** Every visible form control has a <label for> (or is a hidden/submit control). */
function expectLabelled(body: string) {
  const controls = [...body.matchAll(/<(input|select|textarea)\b[^>]*>/g)].map((m) => m[0]);
  for (const c of controls) {
    if (/type="(hidden|submit)"/.test(c) || /\shidden(\s|\/?>|=)/.test(c)) continue;
    const id = /id="([^"]+)"/.exec(c)?.[1];
    expect(id, c).toBeTruthy();
    expect(body, `label for ${id}`).toContain(`for="${id}"`);
  }
  expect(body.match(/<h1[ >]/g), 'exactly one h1').toHaveLength(1);
}

const idFrom = (location: unknown) => String(location).split('/').pop()!;

describe('the user list', () => {
  it('shows a table with caption and header scopes, search and paging', async () => {
    for (let i = 0; i < 27; i++) await addUser(t, `bulk.${String(i).padStart(2, '0')}`);
    const res = await admin.get('/admin/users', html);
    expect(res.statusCode).toBe(200);
    expectLabelled(res.body);
    expect(res.body).toContain('<caption>Användarkonton, sorterade efter användarnamn</caption>');
    expect(res.body).toContain('<th scope="col">Användarnamn</th>');
    expect(res.body).toContain('<th scope="row"><a href="/admin/users/');
    expect(res.body).toContain('Sida 1 av 2 (28 poster)');
    expect(res.body).toContain('href="/admin/users?page=2"');
    const page2 = await admin.get('/admin/users?page=2', html);
    expect(page2.body).toContain('bulk.26');
    const search = await admin.get('/admin/users?q=bulk.1', html);
    expect(search.body).toContain('10 träffar för ”bulk.1”');
    expect(search.body).not.toContain('bulk.20');
    const en = await admin.get('/admin/users?lang=en', html);
    expect(en.body).toContain('<caption>User accounts, sorted by username</caption>');
    await admin.get('/admin/users?lang=sv', html);
  });

  it('escapes names typed by users', async () => {
    await admin.post('/api/users', { username: 'xss.test', displayName: '<script>alert(1)</script>', password: PASSPHRASE });
    const res = await admin.get('/admin/users?q=xss', html);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).toContain('<td>&lt;script>alert(1)&lt;/script></td>');
  });
});

describe('creating a user through the form', () => {
  it('shows labelled fields, the password policy and a roles fieldset', async () => {
    const res = await admin.get('/admin/users/new', html);
    expect(res.statusCode).toBe(200);
    expectLabelled(res.body);
    expect(res.body).toContain('Minst 12 tecken. Vanliga, läckta eller lättgissade lösenord godtas inte. Använd gärna en lösenfras');
    expect(res.body).toContain('<legend>Roller</legend>');
    expect(res.body).toContain('<legend>Registrator</legend>');
    expect(res.body).toContain('name="city_registrar"');
    expect(res.body).toContain('<select id="f-bodies_registrar" name="bodies_registrar" multiple="multiple"');
    expect(res.body).toContain('<option value="' + culture + '">Kulturnämnden</option>');
    const en = await admin.get('/admin/users/new?lang=en', html);
    expect(en.body).toContain('At least 12 characters. Common, breached or easily guessed passwords are refused. Passphrases are welcome');
    await admin.get('/admin/users?lang=sv', html);
  });

  it('creates the user with city-wide and per-body roles, then shows them on the edit page', async () => {
    const res = await admin.form('/admin/users', {
      username: 'Karin',
      displayName: 'Karin Karlsson',
      email: 'karin@example.se',
      locale: 'en',
      password: PASSPHRASE,
      city_caseOfficer: '1',
      bodies_registrar: [social, culture],
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/admin\/users\/[0-9a-f-]{36}$/);
    // The page first: the flash message is shown once, on the next request.
    const page = await admin.get(String(res.headers.location), html);
    expect(page.body).toContain('Användaren karin har skapats.');
    const id = idFrom(res.headers.location);
    const api = (await admin.get(`/api/users/${id}`)).json();
    expect(api).toMatchObject({ username: 'karin', displayName: 'Karin Karlsson', email: 'karin@example.se', locale: 'en' });
    expect(api.roles).toHaveLength(3);
    expect(api.roles).toEqual(
      expect.arrayContaining([
        { role: 'registrar', bodyId: social },
        { role: 'registrar', bodyId: culture },
        { role: 'caseOfficer', bodyId: null },
      ]),
    );
    expectLabelled(page.body);
    expect(page.body).toMatch(/id="f-city_caseOfficer" name="city_caseOfficer" value="1" checked/);
    expect(page.body).toContain(`<option value="${social}" selected>Socialnämnden</option>`);
    expect(page.body).toContain(`<option value="${culture}" selected>Kulturnämnden</option>`);
    expect((await new Client(t.app).login('karin', PASSPHRASE)).statusCode).toBe(200);
  });

  it.each([
    ['password1234', 'Lösenordet finns i listor över vanliga eller läckta lösenord. Välj ett annat.', 'The password appears in lists of common or breached passwords. Choose another.'],
    ['abcdefghijk', 'Lösenordet måste ha minst 12 tecken.', 'The password must have at least 12 characters.'],
    ['qwertyuiop123', 'Lösenordet finns i listor över vanliga eller läckta lösenord. Välj ett annat.', 'The password appears in lists of common or breached passwords. Choose another.'],
  ])('refuses the password %j with a clear message in Swedish and English', async (password, sv, en) => {
    const fields = { username: 'weak.pw', displayName: 'Weak', password, city_registrar: '1' };
    const res = await admin.form('/admin/users', fields);
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Det finns 1 fel att rätta');
    expect(res.body).toContain(`<a href="#f-password">${sv}</a>`);
    expect(res.body).toContain(`<p class="error-message" id="f-password-error">${sv}</p>`);
    // The typed values stay (except the password), so nothing has to be retyped.
    expect(res.body).toContain('value="weak.pw"');
    expect(res.body).toMatch(/name="city_registrar" value="1" checked/);
    expect(res.body).not.toContain(`value="${password}"`);
    const enRes = await admin.form('/admin/users?lang=en', fields);
    expect(enRes.statusCode).toBe(422);
    expect(enRes.body).toContain(en);
    await admin.get('/admin/users?lang=sv', html);
    expect((await admin.get('/api/users?q=weak.pw')).json().total).toBe(0);
  });

  it('explains blank required fields and unknown bodies next to the right control', async () => {
    const res = await admin.form('/admin/users', { username: '', displayName: '', password: '', bodies_boardSecretary: '00000000-0000-4000-8000-000000000009' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Fyll i ett användarnamn.');
    expect(res.body).toContain('Fyll i ett namn.');
    expect(res.body).toContain('Fyll i ett lösenord.');
    const bad = await admin.form('/admin/users', { username: 'body.check', displayName: 'B', password: PASSPHRASE, bodies_boardSecretary: '00000000-0000-4000-8000-000000000009' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('<a href="#f-bodies_boardSecretary">Nämnden finns inte.</a>');
    const notUuid = await admin.form('/admin/users', { username: 'body.check', displayName: 'B', password: PASSPHRASE, bodies_boardSecretary: 'nonsense' });
    expect(notUuid.statusCode).toBe(422);
    expect(notUuid.body).toContain('href="#f-bodies_boardSecretary"');
  });
});

describe('editing a user through the pages', () => {
  let id: string;
  beforeAll(async () => {
    id = await addUser(t, 'editme', [{ role: 'registrar', bodyId: social }]);
  });

  it('changes details and replaces roles', async () => {
    const res = await admin.form(`/admin/users/${id}`, { displayName: 'Edit Me', email: 'edit@example.se', locale: 'sv', bodies_boardMember: culture });
    expect(res.statusCode).toBe(303);
    const page = await admin.get(`/admin/users/${id}`, html);
    expect(page.body).toContain('Ändringarna har sparats.');
    expect(page.body).toContain('Nämndledamot (Kulturnämnden)');
    const api = (await admin.get(`/api/users/${id}`)).json();
    expect(api).toMatchObject({ displayName: 'Edit Me', email: 'edit@example.se', roles: [{ role: 'boardMember', bodyId: culture }] });
    const blank = await admin.form(`/admin/users/${id}`, { displayName: '', email: 'not-an-email' });
    expect(blank.statusCode).toBe(422);
    expect(blank.body).toContain('Fyll i ett namn.');
  });

  it('resets the password with the policy applied', async () => {
    const weak = await admin.form(`/admin/users/${id}/password`, { password: 'qwertyuiop123' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('Lösenordet finns i listor över vanliga eller läckta lösenord.');
    const c = await loggedIn(t, 'editme');
    const ok = await admin.form(`/admin/users/${id}/password`, { password: OTHER_PASSPHRASE });
    expect(ok.statusCode).toBe(303);
    expect((await c.get('/api/auth/session')).json().authenticated).toBe(false);
    expect((await new Client(t.app).login('editme', OTHER_PASSPHRASE)).statusCode).toBe(200);
  });

  it('deactivates the account and ends its sessions, and activates it again', async () => {
    const c = await loggedIn(t, 'editme', OTHER_PASSPHRASE);
    const res = await admin.form(`/admin/users/${id}/active`, { active: 'false' });
    expect(res.statusCode).toBe(303);
    expect((await c.get('/api/auth/session')).json().authenticated).toBe(false);
    expect((await c.get('/account', html)).statusCode).toBe(401);
    const page = await admin.get(`/admin/users/${id}`, html);
    expect(page.body).toContain('Kontot har inaktiverats och alla dess inloggningar har avslutats.');
    expect(page.body).toContain('Aktivera kontot');
    expect((await admin.form(`/admin/users/${id}/active`, { active: 'true' })).statusCode).toBe(303);
    expect((await new Client(t.app).login('editme', OTHER_PASSPHRASE)).statusCode).toBe(200);
  });

  it("refuses to deactivate the administrator's own account", async () => {
    const res = await admin.form(`/admin/users/${adminId}/active`, { active: 'false' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Du kan inte inaktivera ditt eget konto.');
    expect((await admin.get('/api/auth/session')).json().authenticated).toBe(true);
  });

  it('answers 404 for unknown users', async () => {
    expect((await admin.get('/admin/users/00000000-0000-4000-8000-000000000000', html)).statusCode).toBe(404);
    expect((await admin.get('/admin/users/nonsense', html)).statusCode).toBe(404);
    expect((await admin.form('/admin/users/nonsense/active', { active: 'false' })).statusCode).toBe(404);
  });
});

describe('my account', () => {
  it('changes the own name and language preference', async () => {
    await addUser(t, 'self', [{ role: 'caseOfficer', bodyId: culture }]);
    const c = await loggedIn(t, 'self');
    const page = await c.get('/account', html);
    expect(page.statusCode).toBe(200);
    expectLabelled(page.body);
    expect(page.body).toContain('Handläggare (Kulturnämnden)');
    const res = await c.form('/account', { displayName: 'Själv Självsson', locale: 'en' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/account?lang=en');
    const after = await c.get(String(res.headers.location), html);
    expect(after.body).toContain('<html lang="en">');
    expect(after.body).toContain('Your details have been saved.');
    expect(after.body).toContain('value="Själv Självsson"');
    const bad = await c.form('/account', { displayName: 'x', locale: 'fi' });
    expect(bad.statusCode).toBe(422);
  });

  it('changes the own password: current one required, policy applied, other sessions ended', async () => {
    await addUser(t, 'mover');
    const here = await loggedIn(t, 'mover');
    const elsewhere = await loggedIn(t, 'mover');

    const wrong = await here.form('/account/password', { currentPassword: 'not my password at all', newPassword: PASSPHRASE });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Det nuvarande lösenordet stämmer inte.');
    const weak = await here.form('/account/password', { currentPassword: TEST_PASSWORD, newPassword: 'password1234' });
    expect(weak.statusCode).toBe(422);
    expect(weak.body).toContain('<a href="#f-newPassword">Lösenordet finns i listor över vanliga eller läckta lösenord. Välj ett annat.</a>');
    const short = await here.form('/account/password?lang=en', { currentPassword: TEST_PASSWORD, newPassword: 'abcdefghijk' });
    expect(short.body).toContain('The password must have at least 12 characters.');
    const blank = await here.form('/account/password?lang=sv', { currentPassword: '', newPassword: '' });
    expect(blank.body).toContain('Fyll i ditt nuvarande lösenord.');
    expect((await elsewhere.get('/api/auth/session')).json().authenticated).toBe(true);

    const ok = await here.form('/account/password', { currentPassword: TEST_PASSWORD, newPassword: PASSPHRASE });
    expect(ok.statusCode).toBe(303);
    expect((await here.get('/api/auth/session')).json().authenticated).toBe(true);
    expect((await elsewhere.get('/api/auth/session')).json().authenticated).toBe(false);
    expect((await new Client(t.app).login('mover', TEST_PASSWORD)).statusCode).toBe(422);
    expect((await new Client(t.app).login('mover', PASSPHRASE)).statusCode).toBe(200);
  });
});

describe('who may see the pages', () => {
  const pages = () => ['/admin/users', '/admin/users/new', `/admin/users/${adminId}`, '/admin/audit'];
  const posts = () => ['/admin/users', `/admin/users/${adminId}`, `/admin/users/${adminId}/password`, `/admin/users/${adminId}/active`, '/admin/audit/verify'];

  it('shows anonymous visitors a login link on every page, and refuses their posts', async () => {
    const anon = new Client(t.app);
    for (const url of [...pages(), '/account']) {
      const res = await anon.get(url, html);
      expect(res.statusCode, url).toBe(401);
      expect(res.body, url).toContain(`href="/login?next=${encodeURIComponent(url)}"`);
    }
    for (const url of [...posts(), '/account', '/account/password']) {
      const res = await anon.form(url, { displayName: 'x', active: 'false', password: PASSPHRASE });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('refuses logged-in users who are not administrators with 403', async () => {
    await addUser(t, 'officer', [{ role: 'caseOfficer' }, { role: 'registrar', bodyId: social }]);
    const c = await loggedIn(t, 'officer');
    for (const url of pages()) expect((await c.get(url, html)).statusCode, url).toBe(403);
    for (const url of posts()) expect((await c.form(url, { displayName: 'x', active: 'false', password: PASSPHRASE })).statusCode, url).toBe(403);
    expect((await c.get('/account', html)).statusCode).toBe(200);
    // No administration link in the menu for them.
    expect((await c.get('/account', html)).body).not.toContain('href="/admin/users"');
  });

  it('never answers a page post with 500, whatever is sent', async () => {
    const targets = [...posts(), '/account', '/account/password'];
    for (const url of targets) {
      for (const payload of [{ displayName: 5, active: [true], roles: { a: 1 } }, '{"broken": ', [1, 2, 3]]) {
        const res = await admin.request({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json' } });
        expect(res.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      }
      const long = await admin.form(url, { displayName: 'x'.repeat(300_000), email: 'y'.repeat(5000), password: 'z'.repeat(2000), active: 'maybe' });
      expect(long.statusCode, `${url} long`).toBeLessThan(500);
      expect([200, 303, 400, 422], `${url} long`).toContain(long.statusCode);
    }
  });
});
