import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { statementsSetup } from './fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof statementsSetup>>;
const html = { accept: 'text/html' };

beforeAll(async () => {
  t = await buildTestApp();
  s = await statementsSetup(t);
});
afterAll(() => t.close());

const form = {
  title: 'Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss',
  documentDate: '2017-08-22',
  proposedDecision: 'Att remissvaret godkänns.\r\n\r\nAtt överlämna svaret till kommunstyrelsen.',
  summary: 'Kulturförvaltningen anser att strategin är ett naturligt led.',
  preparation: 'Ärendet har beretts av kulturstrategiska staben.',
  background: '',
  views: 'Ökade resurser behöver avsättas.',
  attachmentNames: 'Strategi\r\nKommunikationsstrategi',
  signatories: 'Robert Olsson, Kulturdirektör\r\nPatrik Liljegren, Chef, Kulturstrategiska staben',
  note: '',
};

describe('statement pages', () => {
  let caseId: string;
  let id: string;

  it('offers the case’s writers to start a statement from the case page, and nobody else', async () => {
    ({ id: caseId } = await s.newCase('Strategi för Stockholm som smart och uppkopplad stad'));
    const officerPage = (await s.clients.officer.get(`/registry/cases/${caseId}`, html)).body;
    expect(officerPage).toContain('<h2 id="statement-section-title">Tjänsteutlåtande</h2>');
    expect(officerPage).toContain(`href="/statements/new?caseId=${caseId}"`);
    expect((await s.clients.anon.get(`/registry/cases/${caseId}`, html)).body).not.toContain('statement-section-title');
    expect((await s.clients.other.get(`/registry/cases/${caseId}`, html)).body).not.toContain('statement-section-title');
    expect((await s.clients.other.get(`/statements/new?caseId=${caseId}`, html)).statusCode).toBe(403);
    expect((await s.clients.anon.get(`/statements/new?caseId=${caseId}`, html)).statusCode).toBe(401);
  });

  it('creates the first version from the form: one point per line, signatories as "name, title"', async () => {
    const page = await s.clients.officer.get(`/statements/new?caseId=${caseId}`, html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Nytt tjänsteutlåtande</h1>');
    expect(page.body).toContain('171-1/2026');
    expect(page.body).toContain('for="f-signatories"');

    const bad = await s.clients.officer.form('/statements', { ...form, caseId, documentDate: '2017-02-30', signatories: ', chef utan namn' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#f-signatories"');
    expect(bad.body).toContain('Varje undertecknare behöver ett namn');
    expect(bad.body).toContain('href="#f-documentDate"');
    expect(bad.body).toContain('Kulturförvaltningen anser att strategin är ett naturligt led.');

    const res = await s.clients.officer.form('/statements', { ...form, caseId });
    expect(res.statusCode, res.body).toBe(303);
    id = /^\/statements\/([0-9a-f-]+)$/.exec(res.headers.location as string)![1]!;
    const shown = await s.clients.officer.get(`/statements/${id}`, html);
    expect(shown.body).toContain('Tjänsteutlåtandet har sparats som version 1.');
    expect(shown.body).toContain('<h1>Strategi för Stockholm som smart och uppkopplad stad. Svar på remiss</h1>');
    expect(shown.body).toContain('<h2>Förslag till beslut</h2><ol><li>Att remissvaret godkänns.</li><li>Att överlämna svaret till kommunstyrelsen.</li></ol>');
    expect(shown.body).toContain('<span>Patrik Liljegren</span><br/><span>Chef, Kulturstrategiska staben</span>');
    expect(shown.body).toContain('version 1, utkast');
    expect(shown.body).toContain('action="/statements/' + id + '/finalise"');
    // A draft is not for the public, nor for staff of other bodies.
    expect((await s.clients.anon.get(`/statements/${id}`, html)).statusCode).toBe(401);
    expect((await s.clients.other.get(`/statements/${id}`, html)).statusCode).toBe(403);
  });

  it('saves new versions through the edit form and shows the history and the differences', async () => {
    const edit = await s.clients.secretary.get(`/statements/${id}/edit`, html);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('Ändra tjänsteutlåtandet (blir version 2)');
    expect(edit.body).toContain('Robert Olsson, Kulturdirektör\nPatrik Liljegren, Chef, Kulturstrategiska staben</textarea>');
    expect(edit.body).toContain('name="baseVersion" value="1"');

    const saved = await s.clients.secretary.form(`/statements/${id}/edit`, {
      ...form,
      baseVersion: '1',
      views: 'Resurser behöver avsättas för att skapa långsiktighet.',
      note: 'Synpunkterna omarbetade',
    });
    expect(saved.statusCode, saved.body).toBe(303);
    const stale = await s.clients.officer.form(`/statements/${id}/edit`, { ...form, baseVersion: '1' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Någon har sparat en nyare version (version 2)');

    const casePage = (await s.clients.secretary.get(`/registry/cases/${caseId}`, html)).body;
    expect(casePage).toContain('version 2, utkast');
    expect(casePage).toContain('>Skriv/ändra</a>');
    expect(casePage).toContain(`href="/statements/${id}/diff?from=1&to=2"`);

    const versions = await s.clients.secretary.get(`/statements/${id}/versions`, html);
    expect(versions.body).toContain('<caption>Sparade versioner, senaste först</caption>');
    expect(versions.body).toContain('Synpunkterna omarbetade');
    expect(versions.body).toContain(`href="/statements/${id}/versions/1"`);
    const v1 = await s.clients.secretary.get(`/statements/${id}/versions/1`, html);
    expect(v1.body).toContain('Ökade resurser behöver avsättas.');
    expect(v1.body).toContain('Jämför med senaste versionen (2)');
    expect((await s.clients.secretary.get(`/statements/${id}/versions/7`, html)).statusCode).toBe(404);

    const diff = await s.clients.secretary.get(`/statements/${id}/diff?from=1&to=2`, html);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain('<h1>Skillnader mellan version 1 och 2</h1>');
    expect(diff.body).toContain('<del><span class="visually-hidden">[borttaget: </span><span>Ökade resurser</span>');
    expect(diff.body).toContain('<ins><span class="visually-hidden">[tillagt: </span><span>Resurser</span>');
    expect(diff.body).toContain('1 avsnitt har ändrats.');
    // Without from/to: the latest version against the one before.
    expect((await s.clients.secretary.get(`/statements/${id}/diff`, html)).body).toContain('Skillnader mellan version 1 och 2');
    expect((await s.clients.secretary.get(`/statements/${id}/diff?from=1&to=2&lang=en`, html)).body).toContain('[added: ');
    await s.clients.secretary.get('/api/auth/session?lang=sv');
    expect((await s.clients.anon.get(`/statements/${id}/diff?from=1&to=2`, html)).statusCode).toBe(401);
    expect((await s.clients.member.get(`/statements/${id}/versions`, html)).statusCode).toBe(403);
  });

  it('finalises through the statement page; the edit page then answers 409 with the reason', async () => {
    const res = await s.clients.secretary.form(`/statements/${id}/finalise`, { version: '2' });
    expect(res.statusCode, res.body).toBe(303);
    const shown = await s.clients.anon.get(`/statements/${id}`, html);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('version 2, slutgiltigt');
    expect(shown.body).toContain('href="/registry/documents/');
    expect(shown.body).not.toContain('/finalise"');
    expect(shown.body).not.toContain('/versions"');
    const edit = await s.clients.secretary.get(`/statements/${id}/edit`, html);
    expect(edit.statusCode).toBe(409);
    expect(edit.body).toContain('Tjänsteutlåtandet är slutgiltigt och registrerat som handling. Det kan inte längre ändras.');
    expect((await s.clients.secretary.form(`/statements/${id}/edit`, { ...form, baseVersion: '2' })).statusCode).toBe(409);

    const casePage = (await s.clients.anon.get(`/registry/cases/${caseId}`, html)).body;
    expect(casePage).toContain('version 2, slutgiltigt');
    expect(casePage).not.toContain('Skriv/ändra');
    expect(casePage).toContain('Tjänsteutlåtande</td>');
  });

  it('refuses to finalise an incomplete draft with the reasons on the page', async () => {
    const { id: other } = await s.newCase('Utan beslutspunkter');
    const created = await s.clients.officer.form('/statements', { caseId: other, title: 'Utkast', documentDate: '2026-11-20' });
    const sid = /([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
    const res = await s.clients.officer.form(`/statements/${sid}/finalise`, { version: '1' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Skriv minst en punkt i förslaget till beslut');
    expect(res.body).toContain('class="error-summary"');
  });

  it('answers 404 for ids that are not statements', async () => {
    expect((await s.clients.officer.get('/statements/not-an-id', html)).statusCode).toBe(404);
    expect((await s.clients.officer.get('/statements/00000000-0000-4000-8000-000000000000', html)).statusCode).toBe(404);
    expect((await s.clients.officer.get('/statements/new?caseId=nope', html)).statusCode).toBe(404);
  });
});
