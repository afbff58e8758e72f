import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, verifyAuditChain } from '../../src/audit/index.js';
import { subscribe } from '../../src/core/events.js';
import { latestStatementsForCases } from '../../src/modules/statements/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { firstDraft, statementsSetup } from './fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof statementsSetup>>;
const drafted: Array<{ caseId: string; date: string }> = [];
subscribe('statements.drafted', async (_tx, _ctx, payload) => void drafted.push(payload));

beforeAll(async () => {
  t = await buildTestApp();
  s = await statementsSetup(t);
});
afterAll(() => t.close());

describe('a statement from first draft to final', () => {
  let caseId: string;
  let registryNumber: string;
  let id: string;

  it('is started by a case officer of the body, with its Dnr from the case', async () => {
    ({ id: caseId, registryNumber } = await s.newCase('Strategi för Stockholm som smart och uppkopplad stad'));
    const res = await s.clients.officer.post('/api/statements', { caseId, ...firstDraft, note: 'Första utkast' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    id = body.id;
    expect(body).toMatchObject({
      caseId,
      registryNumber,
      bodyName: 'Kulturnämnden',
      title: 'Strategi för Stockholm som smart och uppkopplad stad',
      status: 'draft',
      currentVersion: 1,
      documentId: null,
      version: { version: 1, ...firstDraft, signatories: [], note: 'Första utkast', createdBy: 'officer.k' },
    });
    expect(registryNumber).toBe('171-1/2026');
    expect(drafted).toEqual([{ caseId, date: '2017-08-22' }]);
    // One statement per case.
    const again = await s.clients.secretary.post('/api/statements', { caseId, ...firstDraft });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Ärende 171-1/2026 har redan ett tjänsteutlåtande. Spara en ny version av det i stället.');
    expect((await s.clients.anon.get(`/api/statements?caseId=${caseId}`)).json().items).toEqual([]);
    expect((await s.clients.secretary.get(`/api/statements?caseId=${caseId}`)).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('keeps drafts from everyone but the body’s staff', async () => {
    expect((await s.clients.anon.get(`/api/statements/${id}`)).statusCode).toBe(401);
    expect((await s.clients.member.get(`/api/statements/${id}`)).statusCode).toBe(403);
    expect((await s.clients.other.get(`/api/statements/${id}`)).statusCode).toBe(403);
    expect((await s.clients.other.get(`/api/statements/${id}/versions`)).statusCode).toBe(403);
    expect((await s.clients.anon.get(`/api/statements/${id}/diff?from=1&to=1`)).statusCode).toBe(401);
    expect((await s.clients.reg.get(`/api/statements/${id}`)).statusCode).toBe(200);
  });

  it('refuses writes by staff of another body and by other roles', async () => {
    expect((await s.clients.other.post('/api/statements', { caseId, ...firstDraft })).statusCode).toBe(403);
    expect((await s.clients.other.post(`/api/statements/${id}/versions`, firstDraft)).statusCode).toBe(403);
    expect((await s.clients.other.post(`/api/statements/${id}/finalise`, {})).statusCode).toBe(403);
    expect((await s.clients.member.post(`/api/statements/${id}/versions`, firstDraft)).statusCode).toBe(403);
    expect((await s.clients.anon.post(`/api/statements/${id}/versions`, firstDraft)).statusCode).toBe(401);
  });

  it('saves every change as a new immutable version', async () => {
    const summary = 'Kulturförvaltningen anser att strategin för en smart och uppkopplad stad är ett naturligt led för att uppnå Vision 2040.';
    const v2 = await s.clients.secretary.post(`/api/statements/${id}/versions`, {
      ...firstDraft,
      baseVersion: 1,
      summary,
      note: 'Sammanfattningen utökad',
    });
    expect(v2.statusCode, v2.body).toBe(201);
    expect(v2.json()).toMatchObject({ currentVersion: 2, version: { version: 2, createdBy: 'secretary.k', note: 'Sammanfattningen utökad' } });
    t.clock.advance(60_000);
    const v3 = await s.clients.officer.post(`/api/statements/${id}/versions`, {
      ...firstDraft,
      summary,
      title: 'Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss',
      documentDate: '2017-08-29',
      proposedDecision: ['Att remissvaret godkänns.', 'Att överlämna svaret till kommunstyrelsen.'],
      views: 'Resurser behöver avsättas för att genomföra strategin och skapa långsiktighet.',
      signatories: [
        { name: 'Robert Olsson', title: 'Kulturdirektör' },
        { name: 'Patrik Liljegren', title: 'Chef, Kulturstrategiska staben' },
      ],
    });
    expect(v3.statusCode, v3.body).toBe(201);
    expect(v3.json()).toMatchObject({ currentVersion: 3, title: 'Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss' });
    expect(drafted.map((d) => d.date)).toEqual(['2017-08-22', '2017-08-22', '2017-08-29']);

    // An edit started from an older version is refused rather than overwriting.
    const stale = await s.clients.secretary.post(`/api/statements/${id}/versions`, { ...firstDraft, baseVersion: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('version 3');

    const versions = (await s.clients.secretary.get(`/api/statements/${id}/versions`)).json().items;
    expect(versions.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [1, 'Första utkast'],
      [2, 'Sammanfattningen utökad'],
      [3, null],
    ]);
    const first = (await s.clients.secretary.get(`/api/statements/${id}/versions/1`)).json();
    expect(first).toMatchObject({ version: 1, summary: firstDraft.summary, signatories: [] });
    expect((await s.clients.secretary.get(`/api/statements/${id}/versions/9`)).statusCode).toBe(404);
  });

  it('shows word-level differences between any two versions, per section', async () => {
    const res = await s.clients.secretary.get(`/api/statements/${id}/diff?from=1&to=3`);
    expect(res.statusCode, res.body).toBe(200);
    const diff = res.json();
    expect(diff).toMatchObject({ statementId: id, from: 1, to: 3 });
    const section = (name: string) => diff.sections.find((x: { section: string }) => x.section === name);
    expect(section('documentDate').changes).toEqual([
      { type: 'removed', text: '2017-08-22' },
      { type: 'added', text: '2017-08-29' },
    ]);
    expect(section('summary').changes).toEqual([
      { type: 'unchanged', text: 'Kulturförvaltningen anser att strategin ' },
      { type: 'added', text: 'för en smart och uppkopplad stad ' },
      { type: 'unchanged', text: 'är ett naturligt led för att uppnå Vision 2040.' },
    ]);
    expect(section('views').changes).toEqual([
      { type: 'removed', text: 'Ökade resurser' },
      { type: 'added', text: 'Resurser' },
      { type: 'unchanged', text: ' behöver avsättas för att genomföra strategin ' },
      { type: 'added', text: 'och skapa långsiktighet' },
      { type: 'unchanged', text: '.' },
    ]);
    expect(section('background')).toMatchObject({ changed: false });
    expect(section('signatories').changes).toEqual([{ type: 'added', text: 'Robert Olsson, Kulturdirektör\nPatrik Liljegren, Chef, Kulturstrategiska staben' }]);
    // Backwards works too; unknown versions are not found; bad numbers are refused.
    expect((await s.clients.secretary.get(`/api/statements/${id}/diff?from=3&to=1`)).json().sections[0].changes[0]).toEqual({ type: 'removed', text: '2017-08-29' });
    expect((await s.clients.secretary.get(`/api/statements/${id}/diff?from=1&to=4`)).statusCode).toBe(404);
    expect((await s.clients.secretary.get(`/api/statements/${id}/diff?from=x&to=1`)).statusCode).toBe(400);
  });

  it('needs a decision and a signatory before it can be finalised', async () => {
    const { id: otherCase } = await s.newCase('Ofullständigt utlåtande');
    const created = (await s.clients.officer.post('/api/statements', { caseId: otherCase, documentDate: '2026-11-20' })).json();
    const res = await s.clients.officer.post(`/api/statements/${created.id}/finalise`, {});
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().fields).sort()).toEqual(['proposedDecision', 'signatories']);
    expect(res.json().fields.signatories).toEqual(['Ange minst en undertecknare innan tjänsteutlåtandet slutförs.']);
    // The event's date is never later than today.
    expect(drafted.at(-1)).toEqual({ caseId: otherCase, date: '2026-11-20' });
  });

  it('registers the latest version as the case’s statement document when finalised, and refuses edits after that', async () => {
    expect((await s.clients.secretary.post(`/api/statements/${id}/finalise`, { version: 2 })).statusCode).toBe(409);
    const res = await s.clients.secretary.post(`/api/statements/${id}/finalise`, { version: 3 });
    expect(res.statusCode, res.body).toBe(200);
    const final = res.json();
    expect(final).toMatchObject({ status: 'final', currentVersion: 3, documentNumber: 1 });
    expect(final.documentId).toEqual(expect.any(String));

    const doc = (await s.clients.anon.get(`/api/documents/${final.documentId}`)).json();
    expect(doc).toMatchObject({
      caseId,
      kind: 'statement',
      direction: 'internal',
      title: 'Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss',
      documentDate: '2017-08-29',
      authorName: 'Robert Olsson',
    });
    const headings = ['Förslag till beslut', 'Sammanfattning', 'Ärendets beredning', 'Bakgrund', 'Förvaltningens synpunkter', 'Bilagor', 'Robert Olsson\nKulturdirektör'];
    const positions = headings.map((h) => doc.text.indexOf(`\n\n${h}\n`));
    expect(positions.every((p: number) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(doc.text).toContain('Dnr 171-1/2026');
    expect(doc.text).toContain('1. Att remissvaret godkänns.\n2. Att överlämna svaret till kommunstyrelsen.');
    expect(doc.text).toContain('Bilagor\n1. Strategi\n2. Kommunikationsstrategi\n3. Kartläggning pågående projekt\n4. Möjliga projekt');

    const edit = await s.clients.secretary.post(`/api/statements/${id}/versions`, firstDraft);
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toEqual({
      error: 'conflict',
      message: 'Tjänsteutlåtandet är slutgiltigt och registrerat som handling. Det kan inte längre ändras.',
    });
    expect((await s.clients.secretary.post(`/api/statements/${id}/finalise`, {})).statusCode).toBe(409);

    // A final statement of a public case is public; its working versions stay with the staff.
    const publicRead = await s.clients.anon.get(`/api/statements/${id}`);
    expect(publicRead.statusCode).toBe(200);
    expect(publicRead.json().version.proposedDecision).toHaveLength(2);
    expect((await s.clients.member.get(`/api/statements?caseId=${caseId}`)).json().items).toHaveLength(1);
    expect((await s.clients.anon.get(`/api/statements/${id}/versions`)).statusCode).toBe(401);
  });

  it('keeps a final statement of a secret case from the public', async () => {
    const secret = await s.newCase('Sekretessärende', 2);
    const created = await s.clients.officer.post('/api/statements', {
      caseId: secret.id,
      ...firstDraft,
      signatories: [{ name: 'Ann Andersson', title: 'förvaltningschef' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await s.clients.officer.post(`/api/statements/${created.json().id}/finalise`, {})).statusCode).toBe(200);
    expect((await s.clients.anon.get(`/api/statements/${created.json().id}`)).statusCode).toBe(401);
    expect((await s.clients.member.get(`/api/statements/${created.json().id}`)).statusCode).toBe(403);
    expect((await s.clients.other.get(`/api/statements/${created.json().id}`)).statusCode).toBe(403);
    expect((await s.clients.reg.get(`/api/statements/${created.json().id}`)).statusCode).toBe(200);
  });

  it('offers each case’s latest statement to other modules', async () => {
    const list = await latestStatementsForCases(t.database.db, [caseId, '00000000-0000-4000-8000-000000000000']);
    expect(list).toEqual([
      {
        caseId,
        statementId: id,
        title: 'Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss',
        status: 'final',
        version: 3,
        documentDate: '2017-08-29',
        proposedDecision: ['Att remissvaret godkänns.', 'Att överlämna svaret till kommunstyrelsen.'],
        summary: expect.stringContaining('smart och uppkopplad'),
        preparation: firstDraft.preparation,
        background: firstDraft.background,
        views: expect.stringContaining('långsiktighet'),
        attachmentNames: firstDraft.attachmentNames,
        signatories: [
          { name: 'Robert Olsson', title: 'Kulturdirektör' },
          { name: 'Patrik Liljegren', title: 'Chef, Kulturstrategiska staben' },
        ],
        documentId: expect.any(String),
      },
    ]);
  });

  it('audits every write in the chain', async () => {
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.subjectId, id)).orderBy(asc(auditLog.seq));
    expect(entries.map((e) => [e.action, e.actorLabel])).toEqual([
      ['statements.statement.create', 'officer.k'],
      ['statements.version.save', 'secretary.k'],
      ['statements.version.save', 'officer.k'],
      ['statements.statement.finalise', 'secretary.k'],
    ]);
    const registered = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'registry.document.register'));
    expect(registered[0]!.actorLabel).toBe('system:statements:secretary.k');
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });
});

describe('concurrent saves', () => {
  it('give each save its own next version number', async () => {
    const { id: caseId } = await s.newCase('Samtidiga ändringar');
    const created = (await s.clients.officer.post('/api/statements', { caseId, ...firstDraft })).json();
    const saves = await Promise.all(
      [1, 2, 3, 4, 5].map((n) => s.clients.officer.post(`/api/statements/${created.id}/versions`, { ...firstDraft, summary: `Ändring ${n}` })),
    );
    expect(saves.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
    const versions = (await s.clients.officer.get(`/api/statements/${created.id}/versions`)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
    expect((await s.clients.officer.get(`/api/statements/${created.id}`)).json().currentVersion).toBe(6);
  });
});

describe('bad input', () => {
  it('refuses bad fields with 400 and an unknown case with 422', async () => {
    const bad = await s.clients.officer.post('/api/statements', { caseId: 'x', documentDate: '2017-02-30', proposedDecision: [''], signatories: [{ title: 'chef' }] });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toEqual(
      expect.arrayContaining(['body.caseId', 'body.documentDate', 'body.proposedDecision.0', 'body.signatories.0.name']),
    );
    const unknown = await s.clients.officer.post('/api/statements', { caseId: '00000000-0000-4000-8000-000000000000', documentDate: '2017-02-28' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields).toEqual({ caseId: ['Ärendet finns inte.'] });
    expect((await s.clients.officer.get('/api/statements/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await s.clients.officer.post('/api/statements/00000000-0000-4000-8000-000000000000/versions', firstDraft)).statusCode).toBe(404);
  });

  it('lists the routes in the OpenAPI document under the statements tag', async () => {
    const doc = (await s.clients.anon.get('/api/openapi.json')).json();
    for (const p of ['/api/statements', '/api/statements/{id}', '/api/statements/{id}/versions', '/api/statements/{id}/versions/{version}', '/api/statements/{id}/diff', '/api/statements/{id}/finalise']) {
      expect(doc.paths, p).toHaveProperty([p]);
      for (const op of Object.values(doc.paths[p]) as Array<{ tags: string[] }>) expect(op.tags).toEqual(['statements']);
    }
  });
});
