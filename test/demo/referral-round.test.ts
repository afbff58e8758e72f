import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import { verifyAuditChain } from '../../src/audit/index.js';
import { seedDemo } from '../../src/demo/seed.js';
import { listRecipientGroups } from '../../src/modules/referrals/index.js';
import { buildTestApp, Client, type TestApp } from '../helpers/app.js';

/** The demo's referral round of 2016, as the five seed documents tell it. */
let t: TestApp;
let anon: Client;
let referralId: string;
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo({ db: t.database.db, clock: t.clock, actor: systemActor('demo') });
  anon = new Client(t.app);
  const list = (await anon.get('/api/referrals?q=smart')).json();
  referralId = list.items[0].id;
}, 120_000);
afterAll(() => t.close());

describe('demo referral round', () => {
  it('tracks seven recipients: three answered, one declined, three late', async () => {
    const referral = (await anon.get(`/api/referrals/${referralId}`)).json();
    expect(referral).toMatchObject({ subject: 'Strategi för Stockholm som smart och uppkopplad stad', letterDate: '2016-06-14', deadline: '2016-09-30' });
    const byBody = Object.fromEntries(referral.recipients.map((r: { bodyName: string }) => [r.bodyName, r]));
    expect(byBody['Hägersten-Liljeholmens stadsdelsnämnd']).toMatchObject({ status: 'answered', stance: 'approvesWithViews', registryNumber: '304-2016-1.5.1' });
    expect(byBody['Socialnämnden']).toMatchObject({ status: 'answered', registryNumber: '1.7.1-368/2016' });
    expect(byBody['Arbetsmarknadsnämnden']).toMatchObject({ status: 'answered' });
    expect(byBody['Kulturnämnden']).toMatchObject({ status: 'drafting', late: true, registryNumber: '171-908/2016' });
    expect(byBody['AB Stokab']).toMatchObject({ status: 'declined' });
    expect(byBody['Trafiknämnden']).toMatchObject({ status: 'received', late: true });
  });

  it('reproduces seed 000 in the approved protocol extract, with the archived original attached', async () => {
    const referral = (await anon.get(`/api/referrals/${referralId}`)).json();
    const hl = referral.recipients.find((r: { bodyName: string }) => r.bodyName.startsWith('Hägersten'));
    const extract = (await anon.get(`/api/documents/${hl.answerDocumentIds[0]}`)).json();
    expect(extract.kind).toBe('protocolExtract');
    expect(normalise(extract.text)).toContain(normalise('Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag.'));
    expect(extract.attachments.map((a: { filename: string }) => a.filename)).toContain('000_605d7dfb49ed5342.txt');
  });

  it('compiles the answers: L reserved in two boards with the same text, themes link to passages', async () => {
    const compilation = (await anon.get(`/api/referrals/${referralId}/compilation`)).json();
    const liberal = compilation.reservations.find((p: { party: string }) => p.party === 'L');
    expect(liberal).toBeTruthy();
    const shared = liberal.texts.find((x: { occurrences: unknown[] }) => x.occurrences.length === 2);
    expect(shared.occurrences.map((b: { bodyName: string }) => b.bodyName).sort()).toEqual(['Hägersten-Liljeholmens stadsdelsnämnd', 'Socialnämnden']);
    const themes = compilation.themes.map((th: { id: string }) => th.id);
    expect(themes).toEqual(expect.arrayContaining(['privacy', 'competence']));
    const page = await anon.get(`/referrals/${referralId}/compilation`, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<mark>');
  });

  it('links the smart-city strategy to the round that consulted on it', async () => {
    const list = (await anon.get('/api/strategies')).json().items;
    const summary = list.find((s: { title: string }) => s.title.includes('smart och uppkopplad'));
    const smart = (await anon.get(`/api/strategies/${summary.id}`)).json();
    expect(smart.referralId).toBe(referralId);
    expect(smart.referral.href).toBe(`/referrals/${referralId}`);
  });

  it('is idempotent and leaves a verifiable audit trail', async () => {
    await seedDemo({ db: t.database.db, clock: t.clock, actor: systemActor('demo') });
    const list = (await anon.get('/api/referrals?q=smart')).json();
    expect(list.total).toBe(1);
    const groups = (await listRecipientGroups(t.database.db)).map((g) => g.name);
    expect(groups.filter((g) => g === 'Alla stadsdelsnämnder')).toHaveLength(1);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});
