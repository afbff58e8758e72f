import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, inArray } from 'drizzle-orm';
import { notifications } from '../../src/modules/notifications/schema.js';
import { referralEvents, referralRecipients } from '../../src/modules/referrals/schema.js';
import { cases } from '../../src/modules/registry/schema.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { buildWorld, insertBody, type World } from './fixtures.js';

let t: TestApp;
let w: World;
const RANDOM = '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b';

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

const base = () => ({ senderBodyId: w.ks, subject: 'Strategi', letterDate: '2026-11-02', deadline: '2026-12-15', recipients: [{ bodyId: w.hl }] });
const create = async (extra: Record<string, unknown> = {}) => {
  const res = await w.c.ksReg.post('/api/referrals', { ...base(), ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};

describe('creating: bad input is refused with field messages', () => {
  it('a missing or malformed date → 400', async () => {
    const { deadline: _d, ...noDeadline } = base();
    const res = await w.c.ksReg.post('/api/referrals', noDeadline);
    expect(res.statusCode).toBe(400);
    expect(res.json().fields['body.deadline']).toEqual(['Ange ett datum.']);
    const bad = await w.c.ksReg.post('/api/referrals?lang=en', { ...base(), letterDate: '2026-13-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields['body.letterDate']).toEqual(['Give the date as YYYY-MM-DD.']);
    await w.c.ksReg.get('/api/auth/session?lang=sv');
  });

  it('unknown, archived or sending bodies → 422 on the recipient', async () => {
    const unknown = await w.c.ksReg.post('/api/referrals', { ...base(), recipients: [{ bodyId: w.hl }, { bodyId: RANDOM }] });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields).toEqual({ 'recipients.1.bodyId': ['Instansen finns inte.'] });
    const archived = await w.c.ksReg.post('/api/referrals', { ...base(), recipients: [{ bodyId: w.old }] });
    expect(archived.json().fields).toEqual({ 'recipients.0.bodyId': ['Instansen är arkiverad och kan inte ta emot remisser.'] });
    const self = await w.c.ksReg.post('/api/referrals', { ...base(), recipients: [{ bodyId: w.ks }] });
    expect(self.json().fields).toEqual({ 'recipients.0.bodyId': ['Avsändaren kan inte vara mottagare av sin egen remiss.'] });
    const group = await w.c.ksReg.post('/api/referrals', { ...base(), groupIds: [RANDOM] });
    expect(group.json().fields).toEqual({ 'groupIds.0': ['Mottagargruppen finns inte.'] });
    const sender = await w.c.admin.post('/api/referrals', { ...base(), senderBodyId: RANDOM });
    expect(sender.statusCode).toBe(422);
    expect(sender.json().fields).toEqual({ senderBodyId: ['Instansen finns inte.'] });
  });

  it('unknown fields, wrong types and non-uuid ids → 400', async () => {
    expect((await w.c.ksReg.post('/api/referrals', { ...base(), status: 'sent' })).statusCode).toBe(400);
    const wrong = await w.c.ksReg.post('/api/referrals', { ...base(), recipients: [{ bodyId: 'kulturnämnden' }] });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().fields)).toEqual(['body.recipients.0.bodyId']);
    expect((await w.c.anon.get('/api/referrals/123')).statusCode).toBe(400);
    expect((await w.c.anon.get(`/api/referrals/${RANDOM}`)).statusCode).toBe(404);
    expect((await w.c.anon.get(`/referrals/${RANDOM}`, { accept: 'text/html' })).statusCode).toBe(404);
    expect((await w.c.anon.get('/referrals/nope', { accept: 'text/html' })).statusCode).toBe(404);
  });

  it('stores a deadline before the letter date, flagged (seed 003)', async () => {
    const r = await create({ letterDate: '2026-06-14', deadline: '2025-09-30' });
    expect(r.warnings).toEqual(['deadlineBeforeLetter']);
    const page = await w.c.anon.get(`/referrals/${r.id}`, { accept: 'text/html' });
    expect(page.body).toContain('Sista svarsdag ligger före remissbrevets datum.');
  });

  it('refuses a file that is too large or badly named, and registers nothing', async () => {
    const before = (await t.database.db.select({ n: count() }).from(cases))[0]!.n;
    const res = await w.c.ksReg.post('/api/referrals', { ...base(), draft: { filename: '../x.txt', mediaType: 'text/plain', content: Buffer.from('x').toString('base64') } });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields)).toEqual(['draft']);
    expect((await t.database.db.select({ n: count() }).from(cases))[0]!.n).toBe(before);
  });
});

describe('sending and the recipients: bad input', () => {
  it('an empty recipient list cannot be sent', async () => {
    const r = await create({ recipients: [] });
    const res = await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {});
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toEqual({ recipients: ['Välj minst en mottagare innan remissen skickas.'] });
    const future = await w.c.ksReg.post(`/api/referrals/${r.id}/send`, { receivedOn: '2027-01-01' });
    expect(future.json().fields).toEqual({ receivedOn: ['Datumet får inte ligga i framtiden.'] });
  });

  it('invalid transitions → 422 naming the allowed steps', async () => {
    const r = await create({ recipients: [{ bodyId: w.hl }, { bodyId: w.soc }] });
    const pendingId = r.recipients[0].id;
    const notSent = await w.c.hlReg.post(`/api/referral-recipients/${pendingId}/transition`, { to: 'drafting' });
    expect(notSent.statusCode).toBe(422);
    expect(notSent.json().fields).toEqual({ status: ['Remissen är inte skickad ännu.'] });
    const sent = (await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {})).json();
    const hl = sent.recipients.find((x: { bodyId: string }) => x.bodyId === w.hl).id;
    const skip = await w.c.hlReg.post(`/api/referral-recipients/${hl}/transition`, { to: 'received' });
    expect(skip.json().fields.to).toEqual([
      'Det går inte att gå från ”Mottagen” till ”Mottagen”. Möjliga nästa steg: Under beredning, På dagordningen, Beslutad eller Avböjd.',
    ]);
    const answer = await w.c.hlReg.post(`/api/referral-recipients/${hl}/transition`, { to: 'answered' });
    expect(answer.json().fields.to).toEqual(['Använd formuläret ”Registrera svaret”: ett svar kräver ställningstagande och datum.']);
    const unknownStatus = await w.c.hlReg.post(`/api/referral-recipients/${hl}/transition`, { to: 'finished' });
    expect(unknownStatus.statusCode).toBe(400);
    const noStance = await w.c.hlReg.post(`/api/referral-recipients/${hl}/answer`, { answeredOn: '2026-11-23' });
    expect(noStance.statusCode).toBe(400);
    expect(Object.keys(noStance.json().fields)).toEqual(['body.stance']);
    const tooEarly = await w.c.hlReg.post(`/api/referral-recipients/${hl}/answer`, { stance: 'approves', answeredOn: '2026-11-23' });
    expect(tooEarly.json().fields.status[0]).toMatch(/^Det går inte att gå från ”Mottagen” till ”Besvarad”/);
    const noReason = await w.c.hlReg.post(`/api/referral-recipients/${hl}/decline`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);

    await w.c.hlReg.post(`/api/referral-recipients/${hl}/transition`, { to: 'decided' });
    const foreign = await w.c.hlReg.post(`/api/referral-recipients/${hl}/answer`, { stance: 'approves', answeredOn: '2026-11-23', documentIds: [RANDOM] });
    expect(foreign.json().fields).toEqual({ 'documentIds.0': ['Handlingen finns inte i mottagarens ärende.'] });
    const future = await w.c.hlReg.post(`/api/referral-recipients/${hl}/answer`, { stance: 'approves', answeredOn: '2026-12-01' });
    expect(future.json().fields).toEqual({ answeredOn: ['Datumet får inte ligga i framtiden.'] });
    // An answer dated before receipt is kept, and flagged.
    const early = await w.c.hlReg.post(`/api/referral-recipients/${hl}/answer`, { stance: 'rejects', answeredOn: '2026-11-20' });
    expect(early.statusCode).toBe(200);
    expect(early.json()).toMatchObject({ status: 'answered', warnings: ['answerBeforeReceipt'] });
  });

  it('archive rounds keep existing numbers and the day they arrived', async () => {
    const r = await create({
      existingNumber: 'KS 2016/1188',
      registeredOn: '2016-06-14',
      draft: { filename: 'Strategi.txt', mediaType: 'text/plain', content: Buffer.from('Strategi').toString('base64') },
      letterDate: '2016-06-14',
      deadline: '2016-09-30',
      recipients: [
        { bodyId: w.hl, existingNumber: '304-2016-1.5.1' },
        { bodyId: w.soc, existingNumber: '1.7.1-368/2016' },
        { bodyId: w.kul, existingNumber: '171-908/2016', receivedOn: '2016-06-10' },
      ],
    });
    const res = await w.c.ksReg.post(`/api/referrals/${r.id}/send`, { receivedOn: '2016-06-16' });
    expect(res.statusCode, res.body).toBe(200);
    const byBody = Object.fromEntries(res.json().recipients.map((x: { bodyName: string; registryNumber: string; receivedOn: string; warnings: string[] }) => [x.bodyName, [x.registryNumber, x.receivedOn, x.warnings]]));
    expect(byBody).toEqual({
      'Hägersten-Liljeholmens stadsdelsnämnd': ['304-2016-1.5.1', '2016-06-16', []],
      Socialnämnden: ['1.7.1-368/2016', '2016-06-16', []],
      Kulturnämnden: ['171-908/2016', '2016-06-10', ['receiptBeforeLetter']],
    });
    expect(res.json()).toMatchObject({ registryNumber: 'KS 2016/1188', sentAt: '2016-06-16T12:00:00.000Z' });
    const senderCase = (await w.c.anon.get(`/api/cases/${r.caseId}`)).json();
    expect(senderCase.registeredAt.slice(0, 10)).toBe('2016-06-14');
    expect(senderCase.documents[0]).toMatchObject({ kind: 'draft', registeredAt: '2016-06-14T12:00:00.000Z' });
    const future = await w.c.ksReg.post('/api/referrals', { ...base(), registeredOn: '2027-01-01' });
    expect(future.json().fields).toEqual({ registeredOn: ['Datumet får inte ligga i framtiden.'] });
    const kulCase = (await w.c.anon.get(`/api/cases/${res.json().recipients.find((x: { bodyId: string }) => x.bodyId === w.kul).caseId}`)).json();
    expect(kulCase.registeredAt.slice(0, 10)).toBe('2016-06-10');
  });
});

describe('one transaction', () => {
  it('a recipient that fails leaves nothing sent', async () => {
    const amnBodies = [w.hl, w.soc];
    // Kulturnämnden already has 171-42/2026: the third recipient's number is taken.
    const taken = await w.c.kulReg.post('/api/cases', { bodyId: w.kul, title: 'Annat ärende', existingNumber: '171-42/2026' });
    expect(taken.statusCode, taken.body).toBe(201);
    const r = await create({ recipients: [{ bodyId: w.hl }, { bodyId: w.soc }, { bodyId: w.kul, existingNumber: '171-42/2026' }] });
    const countCases = async () => (await t.database.db.select({ n: count() }).from(cases).where(inArray(cases.bodyId, amnBodies)))[0]!.n;
    const casesBefore = await countCases();
    const notesBefore = (await t.database.db.select({ n: count() }).from(notifications))[0]!.n;

    const res = await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {});
    expect(res.statusCode).toBe(422);
    // Recipients are listed by name: Hägersten-Liljeholmen, Kulturnämnden, Socialnämnden.
    expect(res.json().fields).toEqual({ 'recipients.1.existingNumber': ['Diarienumret finns redan i instansens diarium.'] });

    const after = (await w.c.anon.get(`/api/referrals/${r.id}`)).json();
    expect(after.status).toBe('draft');
    expect(after.recipients.map((x: { status: string; caseId: string | null }) => [x.status, x.caseId])).toEqual([
      ['pending', null],
      ['pending', null],
      ['pending', null],
    ]);
    expect(await countCases()).toBe(casesBefore);
    expect((await t.database.db.select({ n: count() }).from(notifications))[0]!.n).toBe(notesBefore);
    const ids = after.recipients.map((x: { id: string }) => x.id);
    expect((await t.database.db.select({ n: count() }).from(referralEvents).where(inArray(referralEvents.recipientId, ids)))[0]!.n).toBe(0);

    // Fixed (the number removed), it goes out.
    const fixed = await w.c.ksReg.patch(`/api/referrals/${r.id}`, { recipients: [{ bodyId: w.hl }, { bodyId: w.soc }, { bodyId: w.kul }] });
    expect(fixed.statusCode).toBe(200);
    expect((await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {})).statusCode).toBe(200);
    const rows = await t.database.db.select().from(referralRecipients).where(eq(referralRecipients.referralId, r.id));
    expect(rows.every((x) => x.status === 'received' && x.caseId)).toBe(true);
  });

  it('a body whose number pattern cannot be filled fails the whole send too', async () => {
    const noClass = await insertBody(t.database.db, { name: 'Klasslösa nämnden', pattern: '{class}-{seq}/{year}' });
    const r = await create({ recipients: [{ bodyId: w.hl }, { bodyId: noClass }] });
    const res = await w.c.ksReg.post(`/api/referrals/${r.id}/send`, {});
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields)).toEqual(['recipients.1']);
    expect((await w.c.anon.get(`/api/referrals/${r.id}`)).json().counts.pending).toBe(2);
  });
});

describe('saved groups: bad input', () => {
  it('refuses empty groups, unknown bodies and taken names', async () => {
    const empty = await w.c.ksReg.post('/api/recipient-groups', { name: 'Tom' });
    expect(empty.json().fields).toEqual({ bodyIds: ['Välj minst en typ av instans eller en instans.'] });
    const unknown = await w.c.ksReg.post('/api/recipient-groups', { name: 'X', bodyIds: [w.hl, RANDOM] });
    expect(unknown.json().fields).toEqual({ 'bodyIds.1': ['Instansen finns inte.'] });
    const kinds = await w.c.ksReg.post('/api/recipient-groups', { name: 'X', bodyKinds: ['parish'] });
    expect(kinds.statusCode).toBe(400);
    expect((await w.c.ksReg.post('/api/recipient-groups', { name: 'Alla stadsdelsnämnder', bodyKinds: ['districtBoard'] })).statusCode).toBe(201);
    const taken = await w.c.hlReg.post('/api/recipient-groups', { name: 'alla stadsdelsnämnder', bodyIds: [w.hl] });
    expect(taken.json().fields).toEqual({ name: ['Det finns redan en grupp med det namnet.'] });
    expect((await w.c.ksReg.patch(`/api/recipient-groups/${RANDOM}`, { name: 'Y' })).statusCode).toBe(404);
  });
});
