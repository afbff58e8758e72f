import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { insertBody } from './fixtures.js';

/**
 * A secret document (K2) in a public case, and a secret case, in body A. Anonymous readers and
 * staff of body B see the registry entries (date, number, kind) but never the subject, the text
 * or the files; staff of body A see everything.
 */
let t: TestApp;
let bodyA: string;
let bodyB: string;
let registrarA: Client;
let registrarB: Client;
let officerA: Client;
let anon: Client;
let publicCaseId: string;
let publicDocId: string;
let secretDocId: string;
let secretAttachmentId: string;
let publicAttachmentId: string;
let secretCaseId: string;
let secretCaseNumber: string;

const SECRET = {
  docTitle: 'Bedömning av personalärende Zyxw',
  text: 'Hemlig anteckning om medarbetaren Qwerty',
  fileContent: 'HEMLIG-BILAGA-INNEHÅLL-8841',
  filename: 'hemlig-bilaga-8841.txt',
  caseTitle: 'Hemlig ärendemening Plugh',
  caseDescription: 'Hemlig beskrivning Xyzzy',
  author: 'Hemlig Författare Frobozz',
  counterpart: 'Hemlig Motpart Grue',
};
const secretStrings = Object.values(SECRET);

function expectNoSecrets(body: string) {
  for (const s of secretStrings) expect(body, `leaked "${s}"`).not.toContain(s);
  // Also not as JSON-escaped or HTML-escaped variants of the Swedish characters.
  expect(body).not.toContain('Zyxw');
  expect(body).not.toContain('Plugh');
}

beforeAll(async () => {
  t = await buildTestApp();
  bodyA = await insertBody(t.database.db, { name: 'Hägersten-Liljeholmens stadsdelsnämnd', pattern: '{seq}-{year}-{class}', defaultClassCode: '1.5.1' });
  bodyB = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' });
  await addUser(t, 'reg.a', [{ role: 'registrar', bodyId: bodyA }]);
  await addUser(t, 'reg.b', [{ role: 'registrar', bodyId: bodyB }]);
  await addUser(t, 'officer.a', [{ role: 'caseOfficer', bodyId: bodyA }]);
  registrarA = new Client(t.app);
  registrarB = new Client(t.app);
  officerA = new Client(t.app);
  anon = new Client(t.app);
  await registrarA.login('reg.a');
  await registrarB.login('reg.b');
  await officerA.login('officer.a');

  const pc = await registrarA.post('/api/cases', { bodyId: bodyA, title: 'Personalfrågor 2026' });
  expect(pc.statusCode, pc.body).toBe(201);
  publicCaseId = pc.json().id;
  const pd = await registrarA.post(`/api/cases/${publicCaseId}/documents`, {
    kind: 'memo',
    title: 'Offentlig promemoria',
    documentDate: '2026-11-20',
    text: 'Offentlig text',
  });
  expect(pd.statusCode, pd.body).toBe(201);
  publicDocId = pd.json().id;
  const sd = await registrarA.post(`/api/cases/${publicCaseId}/documents`, {
    kind: 'memo',
    direction: 'internal',
    title: SECRET.docTitle,
    documentDate: '2026-11-21',
    authorName: SECRET.author,
    counterpart: SECRET.counterpart,
    text: SECRET.text,
    classification: { confidentiality: 2, integrity: 1, availability: 1 },
    secrecyGround: 'OSL 39 kap. 3 §',
  });
  expect(sd.statusCode, sd.body).toBe(201);
  secretDocId = sd.json().id;
  const att = await registrarA.post(`/api/documents/${secretDocId}/attachments`, {
    filename: SECRET.filename,
    mediaType: 'text/plain',
    content: Buffer.from(SECRET.fileContent).toString('base64'),
  });
  expect(att.statusCode, att.body).toBe(201);
  secretAttachmentId = att.json().id;
  const patt = await registrarA.post(`/api/documents/${publicDocId}/attachments`, {
    filename: 'offentlig.txt',
    mediaType: 'text/plain',
    content: Buffer.from('offentligt innehåll').toString('base64'),
  });
  publicAttachmentId = patt.json().id;

  const sc = await registrarA.post('/api/cases', {
    bodyId: bodyA,
    title: SECRET.caseTitle,
    description: SECRET.caseDescription,
    classification: { confidentiality: 3, integrity: 0, availability: 0 },
  });
  expect(sc.statusCode, sc.body).toBe(201);
  secretCaseId = sc.json().id;
  secretCaseNumber = sc.json().registryNumber;
  // A document that is public on its own but sits in a secret case: never more public than its case.
  await registrarA.post(`/api/cases/${secretCaseId}/documents`, { kind: 'letter', title: `${SECRET.caseTitle} – brev`, documentDate: '2026-11-22' });
});
afterAll(() => t.close());

describe('anonymous readers', () => {
  it('see the secret entries in the API list with date, number and kind but no title', async () => {
    const res = await anon.get('/api/registry?pageSize=100');
    expect(res.statusCode).toBe(200);
    expectNoSecrets(res.body);
    const items = res.json().items as Array<Record<string, unknown>>;
    const doc = items.find((i) => i.documentId === secretDocId)!;
    expect(doc).toMatchObject({
      type: 'document',
      restricted: true,
      title: null,
      kind: 'memo',
      date: '2026-11-21',
      documentNumber: 2,
      secrecyGround: 'OSL 39 kap. 3 §',
      bodyName: 'Hägersten-Liljeholmens stadsdelsnämnd',
    });
    expect(doc.registryNumber).toMatch(/^\d+-2026-1\.5\.1$/);
    const secretCase = items.find((i) => i.type === 'case' && i.caseId === secretCaseId)!;
    expect(secretCase).toMatchObject({ restricted: true, title: null, registryNumber: secretCaseNumber });
    const publicDoc = items.find((i) => i.documentId === publicDocId)!;
    expect(publicDoc).toMatchObject({ restricted: false, title: 'Offentlig promemoria' });
  });

  it('cannot find secret entries by searching for their subject', async () => {
    for (const q of ['personalärende', 'Zyxw', 'Plugh', 'brev']) {
      const res = await anon.get(`/api/registry?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().total, q).toBe(0);
    }
  });

  it('see a restricted document in the API without text, people or files', async () => {
    const res = await anon.get(`/api/documents/${secretDocId}`);
    expect(res.statusCode).toBe(200);
    expectNoSecrets(res.body);
    expect(res.json()).toMatchObject({ restricted: true, title: null, text: null, authorName: null, counterpart: null, attachments: [], number: 2 });
    const c = await anon.get(`/api/cases/${publicCaseId}`);
    expectNoSecrets(c.body);
    expect(c.json().title).toBe('Personalfrågor 2026');
    const sc = await anon.get(`/api/cases/${secretCaseId}`);
    expectNoSecrets(sc.body);
    expect(sc.json()).toMatchObject({ restricted: true, title: null, description: null, registryNumber: secretCaseNumber });
    expect(sc.json().documents[0]).toMatchObject({ restricted: true, title: null });
  });

  it('get 404 for the secret file, as if it did not exist, and the public file', async () => {
    const res = await anon.get(`/api/attachments/${secretAttachmentId}`);
    expect(res.statusCode).toBe(404);
    expectNoSecrets(res.body);
    const missing = await anon.get('/api/attachments/00000000-0000-4000-8000-000000000000');
    expect(missing.statusCode).toBe(404);
    expect(res.json()).toEqual(missing.json());
    expect((await anon.get(`/api/attachments/${publicAttachmentId}`)).body).toBe('offentligt innehåll');
  });

  it('see the restricted rows on the pages, announced as withheld', async () => {
    for (const url of ['/registry', `/registry/cases/${publicCaseId}`, `/registry/documents/${secretDocId}`, `/registry/cases/${secretCaseId}`]) {
      const res = await anon.get(url, { accept: 'text/html' });
      expect(res.statusCode, url).toBe(200);
      expectNoSecrets(res.body);
      expect(res.body, url).toContain('Uppgift skyddad enligt sekretess');
    }
    const page = await anon.get(`/registry/documents/${secretDocId}`, { accept: 'text/html' });
    expect(page.body).toContain('OSL 39 kap. 3 §');
    expect(page.body).not.toContain(`/api/attachments/${secretAttachmentId}`);
    const en = await anon.get(`/registry?lang=en`, { accept: 'text/html' });
    expect(en.body).toContain('Withheld under secrecy');
    expectNoSecrets(en.body);
  });
});

describe('staff of another body', () => {
  it('see no more than the public', async () => {
    const list = await registrarB.get('/api/registry?pageSize=100');
    expectNoSecrets(list.body);
    const doc = await registrarB.get(`/api/documents/${secretDocId}`);
    expectNoSecrets(doc.body);
    expect(doc.json().restricted).toBe(true);
    expect((await registrarB.get(`/api/attachments/${secretAttachmentId}`)).statusCode).toBe(404);
    const page = await registrarB.get(`/registry/documents/${secretDocId}`, { accept: 'text/html' });
    expectNoSecrets(page.body);
  });

  it('may not change or classify it', async () => {
    expect((await registrarB.patch(`/api/documents/${secretDocId}`, { title: 'x' })).statusCode).toBe(403);
    const cl = await registrarB.post(`/api/documents/${secretDocId}/classification`, { confidentiality: 0, integrity: 0, availability: 0, reason: 'x' });
    expect(cl.statusCode).toBe(403);
  });
});

describe('staff of the owning body', () => {
  it('the registrar sees the subject, text and file', async () => {
    const list = await registrarA.get('/api/registry?pageSize=100');
    const doc = (list.json().items as Array<Record<string, unknown>>).find((i) => i.documentId === secretDocId)!;
    expect(doc).toMatchObject({ restricted: false, title: SECRET.docTitle });
    const full = await registrarA.get(`/api/documents/${secretDocId}`);
    expect(full.json()).toMatchObject({ restricted: false, title: SECRET.docTitle, text: SECRET.text, authorName: SECRET.author });
    expect(full.json().attachments).toHaveLength(1);
    const file = await registrarA.get(`/api/attachments/${secretAttachmentId}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe(SECRET.fileContent);
    const search = await registrarA.get(`/api/registry?q=${encodeURIComponent('personalärende')}`);
    expect(search.json().total).toBe(1);
    const page = await registrarA.get(`/registry/documents/${secretDocId}`, { accept: 'text/html' });
    expect(page.body).toContain(SECRET.text);
  });

  it('a case officer of the body reads it too (but may not classify)', async () => {
    const full = await officerA.get(`/api/documents/${secretDocId}`);
    expect(full.json().text).toBe(SECRET.text);
    const cl = await officerA.post(`/api/documents/${secretDocId}/classification`, { confidentiality: 0, integrity: 0, availability: 0, reason: 'x' });
    expect(cl.statusCode).toBe(403);
  });

  it('declassifying with a reason makes it public, and the reason is required', async () => {
    const noReason = await registrarA.post(`/api/documents/${publicDocId}/classification`, { confidentiality: 1, integrity: 0, availability: 0, reason: '  ' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().fields).toHaveProperty('reason');
    const groundWhenPublic = await registrarA.post(`/api/documents/${publicDocId}/classification`, {
      confidentiality: 0,
      integrity: 0,
      availability: 0,
      secrecyGround: 'OSL 1 kap.',
      reason: 'test',
    });
    expect(groundWhenPublic.statusCode).toBe(422);
    const ok = await registrarA.post(`/api/documents/${publicDocId}/classification`, {
      confidentiality: 1,
      integrity: 2,
      availability: 0,
      secrecyGround: 'OSL 21 kap. 1 §',
      reason: 'Innehåller uppgifter om hälsa',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().classification).toEqual({ confidentiality: 1, integrity: 2, availability: 0 });
    const seen = await anon.get(`/api/documents/${publicDocId}`);
    expect(seen.json()).toMatchObject({ restricted: true, title: null });
    expect((await anon.get(`/api/attachments/${publicAttachmentId}`)).statusCode).toBe(404);
  });
});
