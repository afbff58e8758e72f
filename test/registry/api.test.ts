import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { auditLog, verifyAuditChain } from '../../src/audit/index.js';
import { insertBody } from './fixtures.js';

let t: TestApp;
let bodyA: string;
let bodyB: string;
let archived: string;
let registrar: Client;
let officer: Client;
let member: Client;
let anon: Client;

beforeAll(async () => {
  t = await buildTestApp();
  bodyA = await insertBody(t.database.db, { name: 'Socialnämnden', pattern: '{class}-{seq}/{year}', defaultClassCode: '1.7.1' });
  bodyB = await insertBody(t.database.db, { name: 'Kulturnämnden', pattern: '171-{seq}/{year}' });
  archived = await insertBody(t.database.db, { name: 'Gamla nämnden', archived: true });
  await addUser(t, 'reg', [
    { role: 'registrar', bodyId: bodyA },
    { role: 'registrar', bodyId: archived },
  ]);
  await addUser(t, 'officer', [{ role: 'caseOfficer', bodyId: bodyA }]);
  await addUser(t, 'member', [{ role: 'boardMember', bodyId: bodyA }]);
  registrar = new Client(t.app);
  officer = new Client(t.app);
  member = new Client(t.app);
  anon = new Client(t.app);
  await registrar.login('reg');
  await officer.login('officer');
  await member.login('member');
});
afterAll(() => t.close());

describe('who may write', () => {
  it('asks anonymous callers to log in, and refuses other roles', async () => {
    expect((await anon.post('/api/cases', { bodyId: bodyA, title: 'x' })).statusCode).toBe(401);
    expect((await member.post('/api/cases', { bodyId: bodyA, title: 'x' })).statusCode).toBe(403);
    expect((await officer.post('/api/cases', { bodyId: bodyA, title: 'x' })).statusCode).toBe(403);
    // A registrar, but not of that body.
    expect((await registrar.post('/api/cases', { bodyId: bodyB, title: 'x' })).statusCode).toBe(403);
  });

  it('lets a case officer of the body edit but not classify a case', async () => {
    const c = (await registrar.post('/api/cases', { bodyId: bodyA, title: 'Att ändra' })).json();
    const edit = await officer.patch(`/api/cases/${c.id}`, { title: 'Ändrad rubrik', description: 'Ny beskrivning', status: 'closed' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ title: 'Ändrad rubrik', description: 'Ny beskrivning', status: 'closed', registryNumber: c.registryNumber });
    const classify = await officer.patch(`/api/cases/${c.id}`, { classification: { confidentiality: 2 }, classificationReason: 'x' });
    expect(classify.statusCode).toBe(403);
    const noReason = await registrar.patch(`/api/cases/${c.id}`, { classification: { confidentiality: 2 } });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().fields).toHaveProperty('classificationReason');
    const ok = await registrar.patch(`/api/cases/${c.id}`, { classification: { confidentiality: 2 }, classificationReason: 'Personuppgifter' });
    expect(ok.json().classification).toEqual({ confidentiality: 2, integrity: 0, availability: 0 });
  });

  it('refuses an archived body, an unknown body and an unknown case', async () => {
    const arch = await registrar.post('/api/cases', { bodyId: archived, title: 'x' });
    expect(arch.statusCode).toBe(422);
    expect(arch.json().fields.bodyId).toEqual(['Instansen är arkiverad och tar inte emot nya ärenden.']);
    const unknownCase = await registrar.post('/api/cases/00000000-0000-4000-8000-000000000000/documents', { kind: 'memo', title: 'x', documentDate: '2026-01-01' });
    expect(unknownCase.statusCode).toBe(404);
    expect((await anon.get('/api/cases/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await anon.get('/api/documents/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('bad input', () => {
  it('malformed JSON → 400', async () => {
    const res = await registrar.request({ method: 'POST', url: '/api/cases', payload: '{"bodyId": ', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('bad_json');
  });

  it('wrong types, over-long strings, unknown fields → 400 with fields', async () => {
    const wrong = await registrar.post('/api/cases', { bodyId: 42, title: ['x'], classification: { confidentiality: 7 } });
    expect(wrong.statusCode).toBe(400);
    expect(Object.keys(wrong.json().fields)).toEqual(
      expect.arrayContaining(['body.bodyId', 'body.title', 'body.classification.confidentiality']),
    );
    const long = await registrar.post('/api/cases', { bodyId: bodyA, title: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    expect(long.json().fields).toHaveProperty(['body.title']);
    const unknown = await registrar.post('/api/cases', { bodyId: bodyA, title: 'x', registryNumber: '1' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields['body.registryNumber']).toEqual(['Okänt fält.']);
    const nested = await registrar.post('/api/cases', { bodyId: bodyA, title: 'x', classification: { secret: true } });
    expect(nested.statusCode).toBe(400);
    const doc = await registrar.post(`/api/cases/${(await registrar.post('/api/cases', { bodyId: bodyA, title: 'y' })).json().id}/documents`, {
      kind: 'poem',
      title: 'x',
      documentDate: '2026-02-30',
    });
    expect(doc.statusCode).toBe(400);
    expect(Object.keys(doc.json().fields)).toEqual(expect.arrayContaining(['body.kind', 'body.documentDate']));
  });

  it('refuses unknown query fields and bad filters on the list, in English when asked', async () => {
    const unknown = await anon.get('/api/registry?sort=title');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toHaveProperty(['querystring.sort']);
    const bad = await anon.get('/api/registry?bodyId=nope&year=20x6&pageSize=1000&lang=en');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(expect.arrayContaining(['querystring.bodyId', 'querystring.year', 'querystring.pageSize']));
    expect(bad.json().message).toBe('The input has errors. Correct the fields below.');
  });

  it('refuses non-uuid ids with 400', async () => {
    expect((await anon.get('/api/cases/123')).statusCode).toBe(400);
    expect((await anon.get('/api/attachments/x')).statusCode).toBe(400);
  });
});

describe('the list', () => {
  it('filters by body, year, kind and title, and pages', async () => {
    const c = (await registrar.post('/api/cases', { bodyId: bodyA, title: 'Strategi för Stockholm som smart och uppkopplad stad' })).json();
    for (let i = 1; i <= 3; i++) {
      t.clock.advance(60_000);
      await registrar.post(`/api/cases/${c.id}/documents`, { kind: i === 3 ? 'protocolExtract' : 'statement', title: `Handling ${i} 100%_säker`, documentDate: `2026-09-0${i}` });
    }
    const old = await registrar.post('/api/cases', { bodyId: bodyA, title: 'Uppdatering av e-strategin', year: 2008 });
    expect(old.json().registryNumber).toBe('1.7.1-1/2008');

    const byKind = (await anon.get(`/api/registry?kind=protocolExtract&bodyId=${bodyA}`)).json();
    expect(byKind.items.map((i: { title: string }) => i.title)).toEqual(['Handling 3 100%_säker']);
    const byYear = (await anon.get(`/api/registry?year=2008`)).json();
    expect(byYear.total).toBe(1);
    expect(byYear.items[0]).toMatchObject({ type: 'case', title: 'Uppdatering av e-strategin', year: 2008 });
    const byText = (await anon.get(`/api/registry?q=${encodeURIComponent('SMART och')}`)).json();
    expect(byText.items.map((i: { caseId: string }) => i.caseId)).toEqual([c.id]);
    // % and _ are literal characters, not wildcards.
    expect((await anon.get(`/api/registry?q=${encodeURIComponent('100%_s')}`)).json().total).toBe(3);
    expect((await anon.get(`/api/registry?q=${encodeURIComponent('1_0')}`)).json().total).toBe(0);
    const other = (await anon.get(`/api/registry?bodyId=${bodyB}`)).json();
    expect(other.total).toBe(0);

    const page1 = (await anon.get(`/api/registry?bodyId=${bodyA}&pageSize=2`)).json();
    const page2 = (await anon.get(`/api/registry?bodyId=${bodyA}&pageSize=2&page=2`)).json();
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBe(page2.total);
    expect(page1.items[0].registeredAt >= page1.items[1].registeredAt).toBe(true);
    expect(page1.items[1].registeredAt >= page2.items[0].registeredAt).toBe(true);
    // Newest first: the last document registered leads.
    expect(page1.items[0].title).toBe('Handling 3 100%_säker');
  });

  it('numbers documents per case in order', async () => {
    const c = (await registrar.post('/api/cases', { bodyId: bodyA, title: 'Numrering' })).json();
    const numbers = [];
    for (const title of ['a', 'b', 'c']) {
      numbers.push((await registrar.post(`/api/cases/${c.id}/documents`, { kind: 'memo', title, documentDate: '2026-01-01' })).json().number);
    }
    expect(numbers).toEqual([1, 2, 3]);
    const parallel = await Promise.all(
      ['d', 'e', 'f', 'g', 'h'].map((title) => registrar.post(`/api/cases/${c.id}/documents`, { kind: 'memo', title, documentDate: '2026-01-01' })),
    );
    expect(parallel.map((r) => r.json().number).sort()).toEqual([4, 5, 6, 7, 8]);
    const edited = await officer.patch(`/api/documents/${parallel[0]!.json().id}`, { title: 'Ny rubrik', text: 'Ny text', direction: 'outgoing', counterpart: 'Kommunstyrelsen' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Ny rubrik', text: 'Ny text', direction: 'outgoing', counterpart: 'Kommunstyrelsen' });
  });
});

describe('audit', () => {
  it('records every write in the chain', async () => {
    const c = (await registrar.post('/api/cases', { bodyId: bodyA, title: 'Granskad' })).json();
    const d = (await registrar.post(`/api/cases/${c.id}/documents`, { kind: 'memo', title: 'PM', documentDate: '2026-01-01' })).json();
    await officer.patch(`/api/cases/${c.id}`, { status: 'closed' });
    await officer.patch(`/api/documents/${d.id}`, { title: 'PM 2' });
    await registrar.post(`/api/documents/${d.id}/classification`, { confidentiality: 1, integrity: 1, availability: 1, secrecyGround: 'OSL 21 kap. 1 §', reason: 'Hälsouppgifter' });
    await registrar.post(`/api/documents/${d.id}/attachments`, { filename: 'a.txt', mediaType: 'text/plain', content: Buffer.from('a').toString('base64') });

    const entries = await t.database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    const about = (id: string) => entries.filter((e) => e.subjectId === id).map((e) => e.action);
    expect(about(c.id)).toEqual(['registry.case.register', 'registry.case.update']);
    expect(about(d.id)).toEqual(['registry.document.register', 'registry.document.update', 'registry.document.classify']);
    const classify = entries.find((e) => e.subjectId === d.id && e.action === 'registry.document.classify')!;
    expect(classify.summary).toMatchObject({ reason: 'Hälsouppgifter', before: { classification: { confidentiality: 0 } }, after: { classification: { confidentiality: 1 } } });
    expect(classify.actorLabel).toBe('reg');
    const attachment = entries.filter((e) => e.action === 'registry.attachment.add').pop()!;
    expect(attachment.summary).toMatchObject({ after: { documentId: d.id, size: 1 } });

    // A refused write leaves no trace and no change.
    const before = entries.length;
    await registrar.post('/api/cases', { bodyId: bodyA, title: 'x'.repeat(501) });
    await registrar.post('/api/cases', { bodyId: archived, title: 'x' });
    expect((await t.database.db.select().from(auditLog)).length).toBe(before);
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
    expect((await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'registry.case.register'))).length).toBeGreaterThan(5);
  });
});

describe('OpenAPI', () => {
  it('describes the registry routes with their schemas', async () => {
    const doc = (await anon.get('/api/openapi.json')).json();
    for (const p of ['/api/registry', '/api/cases', '/api/cases/{id}', '/api/cases/{id}/documents', '/api/documents/{id}', '/api/documents/{id}/classification', '/api/documents/{id}/attachments', '/api/attachments/{id}']) {
      expect(doc.paths, p).toHaveProperty([p]);
    }
    expect(doc.paths['/api/registry'].get.tags).toEqual(['registry']);
    expect(doc.paths['/api/cases'].post.responses).toHaveProperty('201');
  });
});
