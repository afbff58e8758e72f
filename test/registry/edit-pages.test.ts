import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { insertBody } from './fixtures.js';

let t: TestApp;
let hl: string;
let kultur: string;
let registrar: Client;
let officer: Client;
let outsider: Client;
let anon: Client;
let caseId: string;
let documentId: string;
let secretId: string;

const html = { accept: 'text/html' };

beforeAll(async () => {
  t = await buildTestApp();
  hl = await insertBody(t.database.db, { name: 'Hägersten-Liljeholmens stadsdelsnämnd', pattern: '{seq}-{year}-{class}', kind: 'districtBoard' });
  kultur = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' });
  await addUser(t, 'reg.hl', [{ role: 'registrar', bodyId: hl }]);
  await addUser(t, 'off.hl', [{ role: 'caseOfficer', bodyId: hl }]);
  await addUser(t, 'reg.kultur', [{ role: 'registrar', bodyId: kultur }]);
  registrar = new Client(t.app);
  officer = new Client(t.app);
  outsider = new Client(t.app);
  anon = new Client(t.app);
  await registrar.login('reg.hl');
  await officer.login('off.hl');
  await outsider.login('reg.kultur');
  caseId = (await registrar.post('/api/cases', { bodyId: hl, title: 'Strategi för smart stad', classCode: '1.5.1', description: 'Första beskrivningen' })).json().id;
  documentId = (
    await registrar.post(`/api/cases/${caseId}/documents`, { kind: 'statement', title: 'Tjänsteutlåtande', documentDate: '2016-08-30', text: 'Stycke ett.' })
  ).json().id;
  secretId = (
    await registrar.post(`/api/cases/${caseId}/documents`, {
      kind: 'memo',
      direction: 'internal',
      title: 'Bedömning av personalärende',
      documentDate: '2026-11-20',
      classification: { confidentiality: 2, integrity: 0, availability: 0 },
      secrecyGround: 'OSL 39 kap. 3 §',
    })
  ).json().id;
  expect(documentId).toBeDefined();
  expect(secretId).toBeDefined();
});
afterAll(() => t.close());

describe('editing a case', () => {
  it('links to the edit page only for those who may edit the case', async () => {
    expect((await officer.get(`/registry/cases/${caseId}`, html)).body).toContain(`href="/registry/cases/${caseId}/edit"`);
    expect((await outsider.get(`/registry/cases/${caseId}`, html)).body).not.toContain(`/registry/cases/${caseId}/edit`);
    expect((await anon.get(`/registry/cases/${caseId}`, html)).body).not.toContain(`/registry/cases/${caseId}/edit`);
  });

  it('lets a case officer of the body change the title with the form (post/redirect/get)', async () => {
    const page = await officer.get(`/registry/cases/${caseId}/edit`, html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="Strategi för smart stad"');
    expect(page.body).toContain('Första beskrivningen');
    expect(page.body).toContain('name="_csrf"');
    const res = await officer.form(`/registry/cases/${caseId}/edit`, { title: 'Strategi <för> en smart stad', description: 'Första beskrivningen', status: 'open' });
    expect(res.statusCode, res.body).toBe(303);
    expect(res.headers.location).toBe(`/registry/cases/${caseId}`);
    const after = await officer.get(res.headers.location!, html);
    expect(after.body).toMatch(/<h1>Strategi &lt;för(&gt;|>) en smart stad<\/h1>/);
    expect(after.body).not.toContain('<för>');
    expect(after.body).toContain('Ärendet har uppdaterats.');
    expect((await anon.get(`/api/cases/${caseId}`)).json().title).toBe('Strategi <för> en smart stad');
  });

  it('re-renders an invalid form with 422, the error summary and the typed values', async () => {
    const res = await officer.form(`/registry/cases/${caseId}/edit`, { title: '', description: 'Ny text jag skrev', status: 'closed' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#f-title"');
    expect(res.body).toContain('Ny text jag skrev');
    expect((await anon.get(`/api/cases/${caseId}`)).json()).toMatchObject({ title: 'Strategi <för> en smart stad', status: 'open' });
  });

  it('refuses a registrar of another body (403) and sends anonymous visitors to log in', async () => {
    expect((await outsider.get(`/registry/cases/${caseId}/edit`, html)).statusCode).toBe(403);
    const post = await outsider.form(`/registry/cases/${caseId}/edit`, { title: 'Kapat', status: 'open' });
    expect(post.statusCode).toBe(403);
    expect((await anon.get(`/api/cases/${caseId}`)).json().title).toBe('Strategi <för> en smart stad');
    const login = await anon.get(`/registry/cases/${caseId}/edit`, html);
    expect(login.statusCode).toBe(401);
    expect(login.body).toContain('/login?next=');
  });

  it('answers 404 for unknown cases', async () => {
    expect((await officer.get('/registry/cases/00000000-0000-4000-8000-000000000000/edit', html)).statusCode).toBe(404);
    expect((await officer.get('/registry/cases/not-an-id/edit', html)).statusCode).toBe(404);
  });

  it('speaks English too', async () => {
    await officer.get('/registry?lang=en', html);
    const page = await officer.get(`/registry/cases/${caseId}/edit`, html);
    expect(page.body).toContain('Save the changes');
    await officer.get('/registry?lang=sv', html);
  });
});

describe('editing a document', () => {
  it('lets a case officer of the body change title, author, counterpart and text', async () => {
    expect((await officer.get(`/registry/documents/${documentId}`, html)).body).toContain(`href="/registry/documents/${documentId}/edit"`);
    const page = await officer.get(`/registry/documents/${documentId}/edit`, html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="2016-08-30"');
    const res = await officer.form(`/registry/documents/${documentId}/edit`, {
      title: 'Tjänsteutlåtande & yttrande',
      documentDate: '2016-08-31',
      authorName: 'Stadsdelsförvaltningen',
      counterpart: '',
      text: 'Stycke <ett>.',
    });
    expect(res.statusCode, res.body).toBe(303);
    const after = await anon.get(res.headers.location!, html);
    expect(after.body).toContain('Tjänsteutlåtande &amp; yttrande');
    expect(after.body).toContain('Stadsdelsförvaltningen');
    expect(after.body).toMatch(/<p>Stycke &lt;ett(&gt;|>)\.<\/p>/);
    expect(after.body).not.toContain(`/registry/documents/${documentId}/edit`);
  });

  it('re-renders an invalid form with 422 and the error summary', async () => {
    const res = await officer.form(`/registry/documents/${documentId}/edit`, { title: '', documentDate: 'igår', text: 'Skrivet' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('href="#f-title"');
    expect(res.body).toContain('href="#f-documentDate"');
    expect(res.body).toContain('Skrivet');
  });

  it('keeps the edit page of a restricted document from outsiders', async () => {
    // The document itself is shown to everyone as a registry entry, so its edit page is refused (403), not hidden.
    const entry = await outsider.get(`/registry/documents/${secretId}`, html);
    expect(entry.statusCode).toBe(200);
    expect(entry.body).not.toContain('Bedömning av personalärende');
    expect(entry.body).not.toContain(`/registry/documents/${secretId}/edit`);
    const edit = await outsider.get(`/registry/documents/${secretId}/edit`, html);
    expect(edit.statusCode).toBe(403);
    expect(edit.body).not.toContain('Bedömning av personalärende');
    const post = await outsider.form(`/registry/documents/${secretId}/edit`, { title: '', documentDate: '2026-11-20' });
    expect(post.statusCode).toBe(403);
    expect(post.body).not.toContain('Bedömning av personalärende');
    expect((await anon.get(`/registry/documents/${secretId}/edit`, html)).statusCode).toBe(401);
    expect((await outsider.get('/registry/documents/00000000-0000-4000-8000-000000000000/edit', html)).statusCode).toBe(404);
    // Staff of the body see and edit it.
    const mine = await officer.get(`/registry/documents/${secretId}/edit`, html);
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toContain('value="Bedömning av personalärende"');
  });
});
