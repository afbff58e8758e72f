import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { html, loggedIn, PASSPHRASE } from './helpers.js';

describe('login rate limit (STADSNAV_LOGIN_RATE_LIMIT=3 per minute)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ env: { STADSNAV_LOGIN_RATE_LIMIT: '3' } });
    await addUser(t, 'limited');
  });
  afterAll(() => t.close());

  it('answers the 4th login attempt within a minute with 429', async () => {
    const c = new Client(t.app);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await c.login('limited', `wrong password number ${i}`)).statusCode);
    expect(statuses).toEqual([422, 422, 422, 429]);
    const res = await c.login('limited');
    expect(res.statusCode).toBe(429);
    expect(res.json()).toMatchObject({ error: 'rate_limited', message: 'För många försök. Vänta en stund och försök igen.' });
  });

  it('limits guesses of the current password on the account page the same way', async () => {
    const t2 = await buildTestApp({ env: { STADSNAV_LOGIN_RATE_LIMIT: '3' } });
    try {
      await addUser(t2, 'guesser');
      const c = await loggedIn(t2, 'guesser');
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await c.form('/account/password', { currentPassword: `guess number ${i}`, newPassword: PASSPHRASE })).statusCode);
      }
      expect(statuses).toEqual([422, 422, 422, 429]);
    } finally {
      await t2.close();
    }
  });
});

describe('account lockout after 10 failed logins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
    await addUser(t, 'admin', [{ role: 'administrator' }]);
    await addUser(t, 'victim');
  });
  afterAll(() => t.close());

  it('locks the account for 15 minutes, even for the right password, then lets it in', async () => {
    const attacker = new Client(t.app);
    for (let i = 1; i <= 10; i++) {
      const res = await attacker.login('victim', `wrong password number ${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(422);
    }
    // The right password is refused while locked: 429 for the API, the locked message on the page.
    const api = await new Client(t.app).login('victim');
    expect(api.statusCode).toBe(429);
    expect(api.json().error).toBe('rate_limited');
    const browser = new Client(t.app);
    const page = await browser.form('/login', { username: 'victim', password: TEST_PASSWORD });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Kontot är tillfälligt låst efter för många misslyckade försök. Försök igen om en stund.');
    const pageEn = await browser.form('/login?lang=en', { username: 'victim', password: TEST_PASSWORD });
    expect(pageEn.body).toContain('The account is temporarily locked after too many failed attempts. Try again later.');

    // The administrator sees the lock in the user list.
    const admin = await loggedIn(t, 'admin');
    expect((await admin.get('/admin/users?q=victim', html)).body).toContain('Låst till');
    const failures = (await admin.get('/api/audit?action=auth.loginFailed&pageSize=100')).json();
    expect(failures.total).toBe(10);
    expect(failures.items[0].summary).toEqual({ failures: 10 });

    t.clock.advance(14 * 60 * 1000);
    expect((await new Client(t.app).login('victim')).statusCode).toBe(429);
    t.clock.advance(60 * 1000 + 1);
    const ok = await new Client(t.app).login('victim');
    expect(ok.statusCode).toBe(200);
    // The counter starts over after a successful login.
    expect((await new Client(t.app).login('victim', 'one more wrong one')).statusCode).toBe(422);
    expect((await new Client(t.app).login('victim')).statusCode).toBe(200);
  });

  it('lets an administrator lift a lock at once with a new password', async () => {
    const id = await addUser(t, 'forgetful');
    for (let i = 0; i < 10; i++) await new Client(t.app).login('forgetful', `wrong password number ${i}`);
    expect((await new Client(t.app).login('forgetful')).statusCode).toBe(429);
    const admin = await loggedIn(t, 'admin');
    expect((await admin.patch(`/api/users/${id}`, { password: PASSPHRASE })).json().lockedUntil).toBeNull();
    expect((await new Client(t.app).login('forgetful', PASSPHRASE)).statusCode).toBe(200);
  });
});
