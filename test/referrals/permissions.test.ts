import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildWorld, type World } from './fixtures.js';

/**
 * Who may write, route by route: the sender's registrar manages the round, the recipient's staff
 * its own answer, a registrar of some other body neither, and anonymous callers are asked to log in.
 * Forbidden callers go first, so the allowed call still finds the state it needs.
 */
let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

type Actor = 'sender' | 'recipient' | 'other' | 'anonymous';
type Call = (c: Client) => Promise<{ statusCode: number; body: string }>;

async function table(name: string, call: Call, recipientClient: Client, expected: Record<Actor, number>) {
  const clients: Record<Actor, Client> = { sender: w.c.ksReg, recipient: recipientClient, other: w.c.amnReg, anonymous: w.c.anon };
  const order = (Object.keys(expected) as Actor[]).sort((a, b) => Number(expected[a] < 300) - Number(expected[b] < 300));
  const got: Record<string, number> = {};
  for (const actor of order) {
    const res = await call(clients[actor]);
    got[actor] = res.statusCode;
    if (res.statusCode !== expected[actor]) console.error(name, actor, res.body);
  }
  expect(got, name).toEqual(expected);
}

const round = async (recipients: string[]) => {
  const res = await w.c.ksReg.post('/api/referrals', {
    senderBodyId: w.ks,
    subject: 'Behörighetsprov',
    letterDate: '2026-11-02',
    deadline: '2026-12-15',
    recipients: recipients.map((bodyId) => ({ bodyId })),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; recipients: Array<{ id: string; bodyId: string }> };
};
const recipientOf = (sent: { recipients: Array<{ id: string; bodyId: string }> }, bodyId: string) => sent.recipients.find((r) => r.bodyId === bodyId)!.id;
const html = { accept: 'text/html' };

describe('the sender’s registrar manages the round (API)', () => {
  it('create, update, send', async () => {
    const body = { senderBodyId: w.ks, subject: 'Ny remiss', letterDate: '2026-11-02', deadline: '2026-12-15', recipients: [{ bodyId: w.hl }] };
    await table('POST /api/referrals', (c) => c.post('/api/referrals', body), w.c.hlReg, { sender: 201, recipient: 403, other: 403, anonymous: 401 });
    const r = await round([w.hl]);
    await table('PATCH /api/referrals/:id', (c) => c.patch(`/api/referrals/${r.id}`, { deadline: '2026-12-20' }), w.c.hlReg, {
      sender: 200,
      recipient: 403,
      other: 403,
      anonymous: 401,
    });
    await table('POST /api/referrals/:id/send', (c) => c.post(`/api/referrals/${r.id}/send`, {}), w.c.hlReg, { sender: 200, recipient: 403, other: 403, anonymous: 401 });
  });

  it('refuses people who are no registrar at all', async () => {
    const res = await w.c.member.post('/api/referrals', { senderBodyId: w.ks, subject: 'x', letterDate: '2026-11-02', deadline: '2026-12-15' });
    expect(res.statusCode).toBe(403);
    const admin = await w.c.admin.post('/api/referrals', { senderBodyId: w.ks, subject: 'x', letterDate: '2026-11-02', deadline: '2026-12-15' });
    expect(admin.statusCode).toBe(201);
  });
});

describe('the recipient’s staff handle its answer (API)', () => {
  it('transition, decline, answer', async () => {
    const r = await round([w.hl, w.soc, w.kul]);
    const sent = (await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {})).json();
    await table(
      'POST /api/referral-recipients/:id/transition',
      (c) => c.post(`/api/referral-recipients/${recipientOf(sent, w.hl)}/transition`, { to: 'drafting' }),
      w.c.hlReg,
      { sender: 403, recipient: 200, other: 403, anonymous: 401 },
    );
    await table(
      'POST /api/referral-recipients/:id/decline',
      (c) => c.post(`/api/referral-recipients/${recipientOf(sent, w.soc)}/decline`, { reason: 'Berör inte nämnden' }),
      w.c.socReg,
      { sender: 403, recipient: 200, other: 403, anonymous: 401 },
    );
    const kul = recipientOf(sent, w.kul);
    expect((await w.c.kulReg.post(`/api/referral-recipients/${kul}/transition`, { to: 'decided' })).statusCode).toBe(200);
    await table(
      'POST /api/referral-recipients/:id/answer',
      (c) => c.post(`/api/referral-recipients/${kul}/answer`, { stance: 'approves', answeredOn: '2026-11-23' }),
      w.c.kulReg,
      { sender: 403, recipient: 200, other: 403, anonymous: 401 },
    );
  });

  it('includes the recipient’s case officers and board secretary, not its board members', async () => {
    const r = await round([w.hl, w.soc]);
    const sent = (await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {})).json();
    expect((await w.c.hlOfficer.post(`/api/referral-recipients/${recipientOf(sent, w.hl)}/transition`, { to: 'drafting' })).statusCode).toBe(200);
    expect((await w.c.socSecretary.post(`/api/referral-recipients/${recipientOf(sent, w.soc)}/transition`, { to: 'drafting' })).statusCode).toBe(200);
    expect((await w.c.member.post(`/api/referral-recipients/${recipientOf(sent, w.soc)}/transition`, { to: 'received' })).statusCode).toBe(403);
    // A case officer of the sender is no sender registrar.
    expect((await w.c.hlOfficer.post(`/api/referrals/${r.id}/send`, {})).statusCode).toBe(403);
  });
});

describe('saved groups: any registrar (API)', () => {
  it('create, update, delete', async () => {
    let n = 0;
    const create = (c: Client) => c.post('/api/recipient-groups', { name: `Alla stadsdelsnämnder ${++n}`, bodyKinds: ['districtBoard'] });
    await table('POST /api/recipient-groups', create, w.c.hlReg, { sender: 201, recipient: 201, other: 201, anonymous: 401 });
    expect((await create(w.c.member)).statusCode).toBe(403);
    const group = (await create(w.c.ksReg)).json();
    await table('PATCH /api/recipient-groups/:id', (c) => c.patch(`/api/recipient-groups/${group.id}`, { description: 'Alla 13' }), w.c.hlReg, {
      sender: 200,
      recipient: 200,
      other: 200,
      anonymous: 401,
    });
    expect((await w.c.member.delete(`/api/recipient-groups/${group.id}`)).statusCode).toBe(403);
    expect((await w.c.anon.delete(`/api/recipient-groups/${group.id}`)).statusCode).toBe(401);
    expect((await w.c.amnReg.delete(`/api/recipient-groups/${group.id}`)).statusCode).toBe(204);
  });
});

describe('the same rules on the page forms', () => {
  it('send, status, decline and answer forms', async () => {
    const r = await round([w.hl, w.soc]);
    await table('POST /referrals/:id/send', (c) => c.form(`/referrals/${r.id}/send`, {}), w.c.hlReg, { sender: 303, recipient: 403, other: 403, anonymous: 401 });
    const sent = (await w.c.anon.get(`/api/referrals/${r.id}`)).json();
    const hl = recipientOf(sent, w.hl);
    const soc = recipientOf(sent, w.soc);
    await table('POST …/status', (c) => c.form(`/referrals/${r.id}/recipients/${hl}/status`, { to: 'drafting' }), w.c.hlReg, {
      sender: 403,
      recipient: 303,
      other: 403,
      anonymous: 401,
    });
    await table('POST …/decline', (c) => c.form(`/referrals/${r.id}/recipients/${soc}/decline`, { reason: 'Berör inte nämnden' }), w.c.socReg, {
      sender: 403,
      recipient: 303,
      other: 403,
      anonymous: 401,
    });
    await table('POST …/answer', (c) => c.form(`/referrals/${r.id}/recipients/${hl}/answer`, { stance: 'approves', answeredOn: '2026-11-23' }), w.c.hlReg, {
      sender: 403,
      recipient: 303,
      other: 403,
      anonymous: 401,
    });
  });

  it('edit form and pages', async () => {
    const r = await round([w.hl]);
    await table('POST /referrals/:id/edit', (c) => c.form(`/referrals/${r.id}/edit`, { subject: 'Ändrad', letterDate: '2026-11-02', deadline: '2026-12-15', recipientBodyIds: [w.hl] }), w.c.hlReg, {
      sender: 303,
      recipient: 403,
      other: 403,
      anonymous: 401,
    });
    for (const url of [`/referrals/${r.id}/edit`, `/referrals/${r.id}/send`, '/referrals/new']) {
      expect((await w.c.hlOfficer.get(url, html)).statusCode, url).toBe(403);
      expect((await w.c.anon.get(url, html)).statusCode, url).toBe(401);
    }
    expect((await w.c.ksReg.get(`/referrals/${r.id}/edit`, html)).statusCode).toBe(200);
    expect((await w.c.anon.get('/referral-groups', html)).statusCode).toBe(401);
    expect((await w.c.hlOfficer.get('/referral-groups', html)).statusCode).toBe(403);
  });
});

describe('reading follows the sender case’s classification', () => {
  it('hides a confidential round from everyone but the sender’s and (once sent) the recipients’ staff', async () => {
    const res = await w.c.ksReg.post('/api/referrals', {
      senderBodyId: w.ks,
      subject: 'Säkerhetsskydd i stadens nät',
      letterDate: '2026-11-02',
      deadline: '2026-12-15',
      classification: { confidentiality: 2 },
      recipients: [{ bodyId: w.hl }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    const status = async (c: Client, url: string) => (await c.get(url)).statusCode;
    expect(await status(w.c.ksReg, `/api/referrals/${r.id}`)).toBe(200);
    expect(await status(w.c.anon, `/api/referrals/${r.id}`)).toBe(404);
    expect(await status(w.c.hlReg, `/api/referrals/${r.id}`)).toBe(404);
    expect(await status(w.c.admin, `/api/referrals/${r.id}`)).toBe(200);
    const subjects = async (c: Client) => (await c.get('/api/referrals?pageSize=100')).json().items.map((x: { subject: string }) => x.subject);
    expect(await subjects(w.c.anon)).not.toContain('Säkerhetsskydd i stadens nät');
    expect(await subjects(w.c.ksReg)).toContain('Säkerhetsskydd i stadens nät');

    const sent = (await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {})).json();
    const hl = sent.recipients[0];
    expect(await status(w.c.hlReg, `/api/referrals/${r.id}`)).toBe(200);
    expect(await subjects(w.c.hlReg)).toContain('Säkerhetsskydd i stadens nät');
    expect(await status(w.c.socReg, `/api/referrals/${r.id}`)).toBe(404);
    expect(await status(w.c.anon, `/api/referral-recipients/${hl.id}`)).toBe(404);
    expect((await w.c.anon.get(`/referrals/${r.id}/recipients/${hl.id}`, html)).statusCode).toBe(404);
    // The recipient's own case is as confidential as the sender's.
    expect((await w.c.anon.get(`/api/cases/${hl.caseId}`)).json()).toMatchObject({ restricted: true, title: null, classification: { confidentiality: 2 } });
    // The registry's case page shows no referral section to those who may not read it.
    expect((await w.c.socReg.get(`/registry/cases/${r.caseId}`, html)).body).not.toContain('Remiss till');
    expect((await w.c.ksReg.get(`/registry/cases/${r.caseId}`, html)).body).toContain('Remiss till 1 mottagare');
  });
});
