import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { insertBody } from './fixtures.js';

let t: TestApp;
let hl: string;
let kultur: string;
let registrar: Client;
let anon: Client;
let caseId: string;

const html = { accept: 'text/html' };

beforeAll(async () => {
  t = await buildTestApp();
  hl = await insertBody(t.database.db, { name: 'Hägersten-Liljeholmens stadsdelsnämnd', pattern: '{seq}-{year}-{class}', kind: 'districtBoard' });
  kultur = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' });
  await addUser(t, 'reg.hl', [{ role: 'registrar', bodyId: hl }]);
  registrar = new Client(t.app);
  anon = new Client(t.app);
  await registrar.login('reg.hl');
  caseId = (await registrar.post('/api/cases', { bodyId: hl, title: 'Strategi <för> "smart" stad', classCode: '1.5.1' })).json().id;
  await registrar.post(`/api/cases/${caseId}/documents`, { kind: 'statement', title: 'Tjänsteutlåtande & yttrande', documentDate: '2016-08-30', text: 'Stycke ett.\n\nStycke <två>.' });
});
afterAll(() => t.close());

describe('public pages', () => {
  it('render the list in Swedish and English, escaping database text', async () => {
    const sv = await anon.get('/registry', html);
    expect(sv.statusCode).toBe(200);
    expect(sv.body).toContain('<html lang="sv">');
    expect(sv.body).toContain('<h1>Diarium</h1>');
    expect(sv.body).toContain('Strategi &lt;för');
    expect(sv.body).not.toContain('<för>');
    expect(sv.body).toContain('Tjänsteutlåtande');
    expect(sv.body).not.toContain('Registrera nytt ärende');
    const en = await anon.get('/registry?lang=en', html);
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('<h1>Registry</h1>');
    expect(en.body).toContain('Statement');
    await anon.get('/registry?lang=sv', html);
  });

  it('filter with a GET form and page', async () => {
    const res = await anon.get(`/registry?bodyId=${kultur}&year=&kind=&q=`, html);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Inga poster matchar urvalet.');
    const bad = await anon.get('/registry?bodyId=nope&year=abc', html);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('error-summary');
    const paged = await anon.get('/registry?pageSize=1', html);
    expect(paged.body).toContain('rel="next"');
  });

  it('render a case and a document', async () => {
    const c = await anon.get(`/registry/cases/${caseId}`, html);
    expect(c.statusCode).toBe(200);
    expect(c.body).toMatch(/<h1>Strategi &lt;för(&gt;|>) (&quot;|&#34;)smart(&quot;|&#34;) stad<\/h1>/);
    expect(c.body).not.toContain('<för>');
    expect(c.body).not.toContain('enctype="multipart/form-data"');
    const api = (await anon.get(`/api/cases/${caseId}`)).json();
    const d = await anon.get(`/registry/documents/${api.documents[0].documentId}`, html);
    expect(d.statusCode).toBe(200);
    expect(d.body).toMatch(/<p>Stycke &lt;två(&gt;|>)\.<\/p>/);
    expect(d.body).toContain('Tjänsteutlåtande &amp; yttrande');
    expect(d.body).not.toContain('Ändra informationsklassning');
    const en = await anon.get(`/registry/documents/${api.documents[0].documentId}?lang=en`, html);
    expect(en.body).toContain('Drawn up internally');
    await anon.get('/registry?lang=sv', html);
  });

  it('answer 404 pages for unknown or malformed ids', async () => {
    expect((await anon.get('/registry/cases/00000000-0000-4000-8000-000000000000', html)).statusCode).toBe(404);
    expect((await anon.get('/registry/documents/not-an-id', html)).statusCode).toBe(404);
  });

  it('send anonymous visitors of the registrar form to log in', async () => {
    const res = await anon.get('/registry/cases/new', html);
    expect(res.statusCode).toBe(401);
    expect(res.body).toContain('/login?next=');
  });
});

describe('registrar pages', () => {
  it('offer only the bodies the registrar works for', async () => {
    const res = await registrar.get('/registry/cases/new', html);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Hägersten-Liljeholmens stadsdelsnämnd');
    expect(res.body).not.toContain('Kulturnämnden');
    expect(res.body).toContain('0 – ingen skada, offentlig');
    expect(res.body).toContain('Konfidentialitet (K)');
  });

  it('register a case with the form (post/redirect/get)', async () => {
    const res = await registrar.form('/registry/cases', {
      bodyId: hl,
      title: 'Nytt ärende från formuläret',
      classCode: '1.5.1',
      description: '',
      'classification.confidentiality': '0',
      'classification.integrity': '1',
      'classification.availability': '0',
    });
    expect(res.statusCode, res.body).toBe(303);
    const page = await registrar.get(res.headers.location!, html);
    expect(page.body).toMatch(/Ärendet har registrerats med diarienummer \d+-2026-1\.5\.1\./);
    expect(page.body).toContain('enctype="multipart/form-data"');
  });

  it('re-render an invalid form with an error summary (422), in either language', async () => {
    const res = await registrar.form('/registry/cases', { bodyId: hl, title: '', 'classification.confidentiality': '9' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#f-title"');
    expect(res.body).toContain('href="#f-classification-confidentiality"');
    const noClass = await registrar.form('/registry/cases', { bodyId: hl, title: 'Utan klass' });
    expect(noClass.statusCode).toBe(422);
    expect(noClass.body).toContain('Ange en klass');
    expect(noClass.body).toContain('value="Utan klass"');
    await registrar.get('/registry?lang=en', html);
    const en = await registrar.form('/registry/cases', { bodyId: hl, title: 'No class' });
    expect(en.body).toContain('Give a class');
    await registrar.get('/registry?lang=sv', html);
  });

  it('register a document with the urlencoded form too, and classify it', async () => {
    const res = await registrar.form(`/registry/cases/${caseId}/documents`, {
      kind: 'memo',
      direction: 'internal',
      documentDate: '2026-11-20',
      title: 'Bedömning av personalärende',
      'classification.confidentiality': '2',
      'classification.integrity': '0',
      'classification.availability': '0',
      secrecyGround: 'OSL 39 kap. 3 §',
    });
    expect(res.statusCode, res.body).toBe(303);
    const docUrl = res.headers.location!;
    const mine = await registrar.get(docUrl, html);
    expect(mine.body).toContain('Bedömning av personalärende');
    expect(mine.body).toContain('Ändra informationsklassning');
    const theirs = await anon.get(docUrl, html);
    expect(theirs.body).not.toContain('Bedömning av personalärende');

    const noReason = await registrar.form(`${docUrl}/classification`, { confidentiality: '0', integrity: '0', availability: '0' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.body).toContain('href="#f-reason"');
    const ok = await registrar.form(`${docUrl}/classification`, { confidentiality: '0', integrity: '0', availability: '0', reason: 'Sekretessen har upphört' });
    expect(ok.statusCode).toBe(303);
    expect((await anon.get(docUrl, html)).body).toContain('Bedömning av personalärende');
  });
});
