import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, systemActor, updateUser, type Role } from '../../src/auth/index.js';
import { loadConfig } from '../../src/config/index.js';
import type { Ctx } from '../../src/core/context.js';
import { deliverPendingMail, DELIVERY_LEASE_MS, notifyBodyRole } from '../../src/modules/notifications/index.js';
import { DELIVERING } from '../../src/modules/notifications/repository.js';
import { mailOutbox, notifications } from '../../src/modules/notifications/schema.js';
import { buildTestApp, Client, TEST_PASSWORD, type TestApp } from '../helpers/app.js';
import { insertBody } from '../registry/fixtures.js';

let t: TestApp;
let dir: string;
let bodyA: string;
let bodyB: string;
const ids: Record<string, string> = {};

const sys = (): Ctx => ({ db: t.database.db, clock: t.clock, actor: systemActor('test') });

async function user(username: string, roles: Array<{ role: Role; bodyId: string | null }>, email?: string) {
  const u = await createUser(sys(), { username, displayName: `Person ${username}`, password: TEST_PASSWORD, roles, email: email ?? null });
  ids[username] = u.id;
  return u.id;
}

const received = (subject: string) => ({ subject, sender: 'Kommunstyrelsen', deadline: '2026-12-31', registryNumber: 'KS 2026/1' });

async function notify(bodyId: string, role: Role, subject: string) {
  return t.database.db.transaction((tx) =>
    notifyBodyRole(tx, { ...sys(), db: tx }, { bodyId, role, kind: 'referral.received', params: received(subject), link: '/referrals/1', }),
  );
}

beforeAll(async () => {
  t = await buildTestApp();
  dir = await mkdtemp(path.join(tmpdir(), 'stadsnav-mail-'));
  bodyA = await insertBody(t.database.db, { name: 'Kulturnämnden' });
  bodyB = await insertBody(t.database.db, { name: 'Socialnämnden' });
  await user('reg.a', [{ role: 'registrar', bodyId: bodyA }], 'reg.a@stad.example');
  await user('reg.a2', [{ role: 'registrar', bodyId: bodyA }]);
  const gone = await user('reg.gone', [{ role: 'registrar', bodyId: bodyA }], 'gone@stad.example');
  await updateUser(sys(), gone, { active: false });
  await user('reg.city', [{ role: 'registrar', bodyId: null }], 'city@stad.example');
  await user('officer.a', [{ role: 'caseOfficer', bodyId: bodyA }]);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('notifyBodyRole', () => {
  it('notifies the active holders of the role for exactly that body, and mails those with an address', async () => {
    expect(await notify(bodyA, 'registrar', 'Remiss A')).toEqual({ notified: 2 });
    const rows = await t.database.db.select().from(notifications);
    expect(rows.map((r) => r.userId).sort()).toEqual([ids['reg.a'], ids['reg.a2']].sort());
    expect(rows[0]).toMatchObject({ kind: 'referral.received', link: '/referrals/1', readAt: null, params: received('Remiss A') });
    const mail = await t.database.db.select().from(mailOutbox);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ toAddress: 'reg.a@stad.example', subject: 'Ny remiss: Remiss A', sentAt: null });
    expect(mail[0]!.textBody).toContain('Hej Person reg.a!');
  });

  it('falls back to the city-wide holders when the body has none', async () => {
    expect(await notify(bodyB, 'registrar', 'Remiss B')).toEqual({ notified: 1 });
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.userId, ids['reg.city']!));
    expect(row!.params.subject).toBe('Remiss B');
    expect(await notify(bodyB, 'boardSecretary', 'Ingen')).toEqual({ notified: 0 });
  });

  it('rolls back with the calling transaction', async () => {
    const before = (await t.database.db.select().from(notifications)).length;
    await expect(
      t.database.db.transaction(async (tx) => {
        await notifyBodyRole(tx, { ...sys(), db: tx }, { bodyId: bodyA, role: 'registrar', kind: 'referral.reminder', params: {}, link: null });
        throw new Error('the referral failed');
      }),
    ).rejects.toThrow('the referral failed');
    expect((await t.database.db.select().from(notifications)).length).toBe(before);
  });

  it('refuses a link to another site', async () => {
    await expect(
      t.database.db.transaction((tx) =>
        notifyBodyRole(tx, { ...sys(), db: tx }, { bodyId: bodyA, role: 'registrar', kind: 'referral.reminder', params: {}, link: '//evil.example/x' }),
      ),
    ).rejects.toMatchObject({ status: 422 });
  });
});

describe('inbox API and page', () => {
  it('lists only the reader’s own notifications, unread first, and marks them read', async () => {
    t.clock.advance(60_000);
    await notify(bodyA, 'registrar', 'Remiss A2');
    const a = new Client(t.app);
    await a.login('reg.a');
    const list = await a.get('/api/notifications');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json();
    expect(body).toMatchObject({ total: 2, unread: 2 });
    expect(body.items[0]).toMatchObject({ title: 'Ny remiss: Remiss A2', readAt: null, link: '/referrals/1' });

    const first = body.items[1].id as string;
    const read = await a.post(`/api/notifications/${first}/read`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().readAt).toBe(t.clock.now().toISOString());
    const readAt = read.json().readAt;
    t.clock.advance(60_000);
    // Read again: unchanged.
    expect((await a.post(`/api/notifications/${first}/read`)).json().readAt).toBe(readAt);
    const after = (await a.get('/api/notifications?lang=en')).json();
    expect(after.unread).toBe(1);
    expect(after.items.map((i: { readAt: string | null }) => i.readAt === null)).toEqual([true, false]);
    expect(after.items[0].title).toBe('New referral: Remiss A2');
    expect((await a.get('/api/notifications?unread=true')).json().items).toHaveLength(1);

    // Someone else's notification is not found; anonymous callers must log in.
    const other = new Client(t.app);
    await other.login('reg.a2');
    expect((await other.post(`/api/notifications/${first}/read`)).statusCode).toBe(404);
    expect((await other.get('/api/notifications')).json().total).toBe(2);
    const anon = new Client(t.app);
    expect((await anon.get('/api/notifications')).statusCode).toBe(401);
    expect((await anon.post(`/api/notifications/${first}/read`)).statusCode).toBe(401);
    expect((await a.get('/api/notifications?unread=maybe')).statusCode).toBe(400);

    expect((await a.post('/api/notifications/read-all')).json()).toEqual({ updated: 1 });
    expect((await a.get('/api/notifications')).json().unread).toBe(0);
  });

  it('shows the inbox page with unread messages first and marks them read through forms', async () => {
    const c = new Client(t.app);
    await c.login('reg.a2');
    const page = await c.get('/inbox', { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Inkorg</h1>');
    expect(page.body).toContain('2 olästa av 2');
    expect(page.body).toContain('href="/referrals/1"');
    expect(page.body).toContain('href="/inbox"');
    const id = /action="\/inbox\/([0-9a-f-]+)\/read"/.exec(page.body)![1]!;
    const res = await c.form(`/inbox/${id}/read`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/inbox');
    const again = await c.get('/inbox', { accept: 'text/html' });
    expect(again.body).toContain('Meddelandet är markerat som läst.');
    expect(again.body).toContain('1 olästa av 2');
    expect((await c.form('/inbox/read-all', {})).statusCode).toBe(303);
    expect((await c.get('/inbox?lang=en', { accept: 'text/html' })).body).toContain('0 unread of 2');
    expect((await c.form('/inbox/not-an-id/read', {})).statusCode).toBe(404);

    const anon = await new Client(t.app).get('/inbox', { accept: 'text/html' });
    expect(anon.statusCode).toBe(401);
    expect(anon.body).toContain('/login?next=');
  });

  it('shows the inbox link in the navigation to logged-in users only', async () => {
    const c = new Client(t.app);
    await c.login('officer.a');
    expect((await c.get('/registry', { accept: 'text/html' })).body).toContain('href="/inbox"');
    expect((await c.get('/inbox', { accept: 'text/html' })).body).toContain('Du har inga meddelanden.');
    expect((await new Client(t.app).get('/registry', { accept: 'text/html' })).body).not.toContain('href="/inbox"');
  });
});

describe('mail delivery', () => {
  const config = () => ({ ...loadConfig({ STADSNAV_PUBLIC_URL: 'https://stadsnav.example' }), MAIL_LOG_FILE: path.join(dir, 'logs', 'mail.log') });

  it('writes undelivered mail to the log file without SMTP, once', async () => {
    const result = await deliverPendingMail(t.database.db, config(), t.clock);
    expect(result).toEqual({ sent: 3, failed: 0 });
    const log = await readFile(path.join(dir, 'logs', 'mail.log'), 'utf8');
    expect(log.match(/^===== /gm)).toHaveLength(3);
    expect(log).toContain('To: reg.a@stad.example\nSubject: Ny remiss: Remiss A\n');
    expect(log).toContain('<https://stadsnav.example/referrals/1>');
    expect(log).toContain('From: Stadsnav <stadsnav@localhost>');
    const rows = await t.database.db.select().from(mailOutbox);
    expect(rows.every((r) => r.sentAt !== null && r.lastError === null)).toBe(true);
    expect(await deliverPendingMail(t.database.db, config(), t.clock)).toEqual({ sent: 0, failed: 0 });
  });

  it('keeps a mail the SMTP server refused, with the error, and sends it next time', async () => {
    await notify(bodyA, 'registrar', 'Remiss C');
    const failing = { sendMail: async () => Promise.reject(new Error('421 try again later')) };
    expect(await deliverPendingMail(t.database.db, config(), t.clock, { transport: failing })).toEqual({ sent: 0, failed: 1 });
    const [pending] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, 'Ny remiss: Remiss C'));
    expect(pending).toMatchObject({ sentAt: null, lastError: '421 try again later' });

    const sent: Array<{ to: string; subject: string; text: string; from: string }> = [];
    const working = { sendMail: async (m: (typeof sent)[number]) => void sent.push(m) };
    t.clock.advance(5_000);
    expect(await deliverPendingMail(t.database.db, { ...config(), SMTP_URL: 'smtp://unused.example' }, t.clock, { transport: working })).toEqual({ sent: 1, failed: 0 });
    expect(sent).toEqual([
      expect.objectContaining({ to: 'reg.a@stad.example', subject: 'Ny remiss: Remiss C', text: expect.stringContaining('<https://stadsnav.example/referrals/1>') }),
    ]);
    const [done] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, pending!.id));
    expect(done).toMatchObject({ lastError: null, sentAt: t.clock.now() });
  });

  it('takes over a claim whose sender stopped before confirming, after the lease', async () => {
    await notify(bodyA, 'registrar', 'Remiss D');
    const [row] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.subject, 'Ny remiss: Remiss D'));
    await t.database.db.update(mailOutbox).set({ sentAt: t.clock.now(), lastError: DELIVERING }).where(eq(mailOutbox.id, row!.id));
    expect(await deliverPendingMail(t.database.db, config(), t.clock)).toEqual({ sent: 0, failed: 0 });
    t.clock.advance(DELIVERY_LEASE_MS + 1000);
    expect(await deliverPendingMail(t.database.db, config(), t.clock)).toEqual({ sent: 1, failed: 0 });
  });

  it('runs the poller every MAIL_FLUSH_INTERVAL_MS and stops it when the app closes', async () => {
    const logFile = path.join(dir, 'poller.log');
    const app2 = await buildTestApp({ env: { MAIL_FLUSH_INTERVAL_MS: '20', MAIL_LOG_FILE: logFile } });
    try {
      const sysCtx: Ctx = { db: app2.database.db, clock: app2.clock, actor: systemActor('test') };
      const body = await insertBody(app2.database.db, { name: 'Kulturnämnden' });
      await createUser(sysCtx, { username: 'poll', displayName: 'Poll', password: TEST_PASSWORD, roles: [{ role: 'registrar', bodyId: body }], email: 'poll@stad.example' });
      await app2.database.db.transaction((tx) =>
        notifyBodyRole(tx, { ...sysCtx, db: tx }, { bodyId: body, role: 'registrar', kind: 'referral.reminder', params: { subject: 'P' }, link: null }),
      );
      let log = '';
      for (let i = 0; i < 100 && !log.includes('poll@stad.example'); i++) {
        await new Promise((r) => setTimeout(r, 20));
        log = await readFile(logFile, 'utf8').catch(() => '');
      }
      expect(log).toContain('Subject: Påminnelse om remiss: P');
    } finally {
      await app2.close();
    }
  });
});
