import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../helpers/app.js';
import { buildWorld, postMultipart, type World } from './fixtures.js';

let t: TestApp;
let w: World;
let referralId: string;
const html = { accept: 'text/html' };
const h1Count = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0;

beforeAll(async () => {
  t = await buildTestApp();
  w = await buildWorld(t);
});
afterAll(() => t.close());

async function page(client: Client, url: string, lang: 'sv' | 'en' = 'sv') {
  const res = await client.get(url, html);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 500)}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.body).toContain(`<html lang="${lang}">`);
  expect(h1Count(res.body), url).toBe(1);
  return res.body;
}

describe('creating a round through the form', () => {
  it('offers the sender, recipients grouped by kind and saved groups', async () => {
    await w.c.ksReg.post('/api/recipient-groups', { name: 'Alla stadsdelsnämnder', bodyKinds: ['districtBoard'] });
    const body = await page(w.c.ksReg, '/referrals/new');
    expect(body).toContain('<h1>Ny remiss</h1>');
    expect(body).toMatch(new RegExp(`<option value="${w.ks}" selected>Kommunstyrelsen</option>`));
    expect(body).toContain('<legend><span>Stadsdelsnämnder</span></legend>');
    expect(body).toContain('<legend><span>Facknämnder</span></legend>');
    expect(body).not.toContain('<legend><span>Kommunstyrelsen</span></legend>');
    expect(body).toContain('Alla stadsdelsnämnder (2 mottagare)');
    expect(body).toContain('name="recipientBodyIds"');
    expect(body).toContain('type="file"');
    expect(body).not.toContain('Gamla nämnden');
  });

  it('re-shows the form with an error summary and the typed values', async () => {
    const res = await postMultipart(w.c.ksReg, '/referrals', {
      senderBodyId: w.ks,
      subject: 'Strategi "smart" <script>',
      letterDate: '2026-11-02',
      deadline: '',
      recipientBodyIds: [w.soc, '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#f-deadline"');
    expect(res.body).toContain('Ange ett datum.');
    expect(res.body).toContain('value="Strategi &#34;smart&#34; <script>"');
    expect(res.body).toMatch(new RegExp(`value="${w.soc}" checked`));
    const unknown = await postMultipart(w.c.ksReg, '/referrals', {
      senderBodyId: w.ks,
      subject: 'Strategi',
      letterDate: '2026-11-02',
      deadline: '2026-12-15',
      recipientBodyIds: ['0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('href="#f-recipientBodyIds"');
    expect(unknown.body).toContain('Instansen finns inte.');
  });

  it('creates the draft with its files, recipients and a group', async () => {
    const res = await postMultipart(
      w.c.ksReg,
      '/referrals',
      {
        senderBodyId: w.ks,
        subject: 'Strategi för Stockholm som smart och uppkopplad stad',
        description: 'Remiss till nämnder och stadsdelsnämnder.',
        letterDate: '2026-11-02',
        deadline: '2026-12-15',
        recipientBodyIds: [w.soc, w.kul],
        groupIds: [(await w.c.anon.get('/api/recipient-groups')).json().items[0].id],
      },
      [
        { name: 'draft', filename: 'Strategi.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4 strategi') },
        { name: 'attachments', filename: 'Kommunikationsstrategi.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4 a') },
        { name: 'attachments', filename: 'Möjliga projekt.pdf', type: 'application/pdf', content: Buffer.from('%PDF-1.4 b') },
      ],
    );
    expect(res.statusCode, res.body).toBe(303);
    referralId = res.headers.location!.split('/').pop()!;
    const view = (await w.c.anon.get(`/api/referrals/${referralId}`)).json();
    expect(view.recipients.map((r: { bodyName: string }) => r.bodyName)).toEqual([
      'Hägersten-Liljeholmens stadsdelsnämnd',
      'Kulturnämnden',
      'Skarpnäcks stadsdelsnämnd',
      'Socialnämnden',
    ]);
    const theCase = (await w.c.anon.get(`/api/cases/${view.caseId}`)).json();
    expect(theCase.documents.map((d: { kind: string; title: string }) => `${d.kind}:${d.title}`).sort()).toEqual([
      'attachment:Kommunikationsstrategi',
      'attachment:Möjliga projekt',
      'draft:Strategi',
    ]);
    const body = await page(w.c.ksReg, `/referrals/${referralId}`);
    expect(body).toContain('Remissen har sparats som utkast.');
    expect(body).toContain(`href="/referrals/${referralId}/send"`);
  });

  it('edits the draft: recipients removed', async () => {
    const form = await page(w.c.ksReg, `/referrals/${referralId}/edit`);
    expect(form).toMatch(new RegExp(`value="${w.skarp}" checked`));
    const res = await postMultipart(w.c.ksReg, `/referrals/${referralId}/edit`, {
      subject: 'Strategi för Stockholm som smart och uppkopplad stad',
      letterDate: '2026-11-02',
      deadline: '2026-12-15',
      recipientBodyIds: [w.hl, w.soc, w.kul],
    });
    expect(res.statusCode, res.body).toBe(303);
    expect((await w.c.anon.get(`/api/referrals/${referralId}`)).json().recipientCount).toBe(3);
  });
});

describe('sending with a confirmation step', () => {
  it('asks first, then sends', async () => {
    const confirm = await page(w.c.ksReg, `/referrals/${referralId}/send`);
    expect(confirm).toContain('Remissen skickas till 3 mottagare.');
    expect(confirm).toContain('<li>Socialnämnden</li>');
    expect(confirm).toContain('Skicka till 3 mottagare');
    const res = await w.c.ksReg.form(`/referrals/${referralId}/send`, {});
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/referrals/${referralId}#tracking`);
    const body = await page(w.c.ksReg, `/referrals/${referralId}`);
    expect(body).toContain('Remissen har skickats till 3 mottagare.');
    expect(body).toContain('<caption>Mottagarna och hur långt de kommit</caption>');
    expect(body).toContain('1-2026-1.5.1');
    expect(body).not.toContain(`/referrals/${referralId}/send"`);
    // After sending, the confirmation page leads back to the round.
    expect((await w.c.ksReg.get(`/referrals/${referralId}/send`, html)).statusCode).toBe(303);
  });
});

describe('a recipient’s page', () => {
  let recipientUrl: string;
  it('shows the timeline to everyone and the forms to the recipient’s staff', async () => {
    const view = (await w.c.anon.get(`/api/referrals/${referralId}`)).json();
    const hl = view.recipients.find((r: { bodyId: string }) => r.bodyId === w.hl);
    recipientUrl = `/referrals/${referralId}/recipients/${hl.id}`;
    const anon = await page(w.c.anon, recipientUrl);
    expect(anon).toContain('<h1>Remissvar från Hägersten-Liljeholmens stadsdelsnämnd</h1>');
    expect(anon).toContain('<caption>Statusändringar, äldst först</caption>');
    expect(anon).not.toContain('<form method="post"');
    const staff = await page(w.c.hlReg, recipientUrl);
    expect(staff).toContain(`action="${recipientUrl}/status"`);
    expect(staff).toContain(`action="${recipientUrl}/decline"`);
    expect(staff).not.toContain(`action="${recipientUrl}/answer"`);
    expect((await w.c.anon.get(`/referrals/${referralId}/recipients/0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b`, html)).statusCode).toBe(404);
  });

  it('changes the status through the form, and re-shows it on a refused step', async () => {
    const bad = await w.c.hlReg.form(`${recipientUrl}/status`, { to: 'answered' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Använd formuläret ”Registrera svaret”');
    expect(bad.body).toContain('href="#f-to"');
    const ok = await w.c.hlReg.form(`${recipientUrl}/status`, { to: 'decided', note: 'Beslut i nämnden' });
    expect(ok.statusCode).toBe(303);
    const body = await page(w.c.hlReg, recipientUrl);
    expect(body).toContain('Statusen har ändrats.');
    expect(body).toContain('Mottagen → Beslutad');
    expect(body).toContain('Beslut i nämnden');
    expect(body).toContain(`action="${recipientUrl}/answer"`);
  });

  it('answers with the preselected documents', async () => {
    const view = (await w.c.anon.get(`/api/referrals/${referralId}`)).json();
    const caseId = view.recipients.find((r: { bodyId: string }) => r.bodyId === w.hl).caseId;
    const extract = (await w.c.hlReg.post(`/api/cases/${caseId}/documents`, { kind: 'protocolExtract', title: 'Protokollsutdrag § 13', documentDate: '2026-11-20' })).json();
    const form = await page(w.c.hlReg, recipientUrl);
    expect(form).toMatch(new RegExp(`value="${extract.id}" checked`));
    const missing = await w.c.hlReg.form(`${recipientUrl}/answer`, { answeredOn: '2026-11-23', documentIds: [extract.id] });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('href="#f-stance"');
    const res = await w.c.hlReg.form(`${recipientUrl}/answer`, { stance: 'approvesWithViews', answeredOn: '2026-11-23', documentIds: [extract.id] });
    expect(res.statusCode).toBe(303);
    const body = await page(w.c.anon, recipientUrl);
    expect(body).toContain('Tillstyrker med synpunkter');
    expect(body).toContain(`href="/registry/documents/${extract.id}">Protokollsutdrag § 13</a>`);
  });

  it('filters the tracking table with a plain GET form, also in English', async () => {
    const body = await page(w.c.anon, `/referrals/${referralId}?status=answered&lang=en`, 'en');
    expect(body).toContain('<caption>The recipients matching the filters (1 of 3)</caption>');
    expect(body).toContain('Approves with views');
    expect(body).toContain('<form method="get"');
    const bad = await w.c.anon.get(`/referrals/${referralId}?status=finished&lang=sv`, html);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('class="error-summary"');
  });
});

describe('the list', () => {
  it('lists rounds for anonymous readers with counts', async () => {
    const body = await page(w.c.anon, '/referrals');
    expect(body).toContain('<caption>Remisser, senaste remissbrev först</caption>');
    expect(body).toContain('Strategi för Stockholm som smart och uppkopplad stad');
    expect(body).toContain('1 besvarade');
    expect(body).not.toContain('href="/referrals/new"');
    const staff = await page(w.c.socReg, '/referrals?role=received');
    expect(staff).toContain('Socialnämnden: Mottagen');
    expect(await page(w.c.ksReg, '/referrals')).toContain('href="/referrals/new"');
  });
});

describe('saved groups pages', () => {
  it('creates, edits and deletes a group', async () => {
    const list = await page(w.c.hlReg, '/referral-groups');
    expect(list).toContain('<caption>Sparade mottagargrupper</caption>');
    const empty = await w.c.hlReg.form('/referral-groups', { name: 'Tom' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Välj minst en typ av instans eller en instans.');
    const res = await w.c.hlReg.form('/referral-groups', { name: 'Digitaliseringsnämnder', bodyIds: [w.soc, w.kul] });
    expect(res.statusCode).toBe(303);
    const group = (await w.c.anon.get('/api/recipient-groups')).json().items.find((g: { name: string }) => g.name === 'Digitaliseringsnämnder');
    expect(group.members.map((b: { name: string }) => b.name)).toEqual(['Kulturnämnden', 'Socialnämnden']);
    const edit = await page(w.c.hlReg, `/referral-groups/${group.id}`);
    expect(edit).toMatch(new RegExp(`value="${w.kul}" checked`));
    expect((await w.c.hlReg.form(`/referral-groups/${group.id}`, { name: 'Digitaliseringsnämnder', bodyKinds: ['companyBoard'], bodyIds: [w.soc] })).statusCode).toBe(303);
    expect((await w.c.anon.get(`/api/recipient-groups/${group.id}`)).json()).toMatchObject({ bodyKinds: ['companyBoard'], members: [{ name: 'Socialnämnden' }] });
    expect((await w.c.hlReg.form(`/referral-groups/${group.id}/delete`, {})).statusCode).toBe(303);
    expect((await w.c.anon.get(`/api/recipient-groups/${group.id}`)).statusCode).toBe(404);
  });
});
