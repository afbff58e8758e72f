import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { portfolioSetup, type PortfolioSetup } from './fixtures.js';

let t: TestApp;
let s: PortfolioSetup;
beforeAll(async () => {
  t = await buildTestApp();
  s = await portfolioSetup(t);
});
afterAll(() => t.close());

const html = { accept: 'text/html' };
/** Page text with the non-breaking spaces of formatted numbers as plain spaces. */
const text = (r: { body: string }) => r.body.replace(/[\u00a0\u202f]/g, ' ');
const idFrom = (location: string | undefined) => /\/([0-9a-f-]{36})/.exec(location ?? '')?.[1] ?? '';

describe('project pages', () => {
  let id: string;

  it('submit a project through the form, with the error summary on mistakes', async () => {
    const form = await s.clients.officer.get('/projects/new', html);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<h1>Nytt projekt</h1>');
    expect(form.body).toContain('Högsta livskvaliteten för stockholmarna');
    // Only the bodies the officer may submit for.
    expect(form.body).toContain('>Kulturnämnden</option>');
    expect(form.body).not.toContain('>Socialnämnden</option>');

    const bad = await s.clients.officer.form('/projects', { title: '', kind: 'operational', ownerBodyId: s.bodies.kultur, costBearing: 'shared', estimatedCostPerYear: 'mycket' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('id="f-estimatedCostPerYear-error"');
    const shared = await s.clients.officer.form('/projects', { title: 'Delad plattform', kind: 'enabling', ownerBodyId: s.bodies.kultur, costBearing: 'shared' });
    expect(shared.statusCode).toBe(422);
    expect(shared.body).toContain('Ange hur den delade kostnaden fördelas.');

    const ok = await s.clients.officer.form('/projects', {
      title: 'Digitala bibliotekstjänster',
      kind: 'operational',
      ownerBodyId: s.bodies.kultur,
      status: 'proposed',
      estimatedCostPerYear: '1 500 000',
      costBearing: 'owner',
      benefits: 'Enklare service för invånarna.',
      goalIds: [s.goals.life, s.goals.business],
      weight: '1',
    });
    expect(ok.statusCode, ok.body.slice(ok.body.indexOf('error-summary'), ok.body.indexOf('error-summary') + 600)).toBe(303);
    id = idFrom(ok.headers.location as string);
    const page = await s.clients.anon.get(`/projects/${id}`, html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Digitala bibliotekstjänster</h1>');
    expect(text(page)).toContain('1 500 000 kr');
    expect(page.body).toContain('Bästa klimatet för företagande');
    expect(page.body).not.toContain('Rapportera status'); // no forms for anonymous readers
  });

  it('edit, report and change status through the forms on the project page', async () => {
    const edit = await s.clients.officer.get(`/projects/${id}/edit`, html);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="Digitala bibliotekstjänster"');
    expect((await s.clients.other.get(`/projects/${id}/edit`, html)).statusCode).toBe(403);
    const saved = await s.clients.officer.form(`/projects/${id}/edit`, {
      title: 'Digitala bibliotekstjänster',
      kind: 'operational',
      ownerBodyId: s.bodies.kultur,
      estimatedCostPerYear: '2000000',
      costBearing: 'owner',
      goalIds: s.goals.life,
      weight: '1',
    });
    expect(saved.statusCode, saved.body).toBe(303);

    const badReport = await s.clients.officer.form(`/projects/${id}/reports`, { period: 'i fjol', progress: '120' });
    expect(badReport.statusCode).toBe(422);
    expect(badReport.body).toContain('Skriv perioden som 2026, 2026-T1, 2026-Q1 eller 2026-03.');
    const report = await s.clients.officer.form(`/projects/${id}/reports`, {
      period: '2026-T3',
      progress: '35',
      spent: '400000',
      budget: '1000000',
      milestones: 'Förstudie klar; 2026-06-30; klar\nUpphandling; 2026-12-31',
      narrative: 'Förstudien är klar.',
    });
    expect(report.statusCode, report.body).toBe(303);
    const status = await s.clients.officer.form(`/projects/${id}/status`, { status: 'ongoing', note: 'Finansierat' });
    expect(status.statusCode).toBe(303);

    const page = await s.clients.anon.get(`/projects/${id}`, html);
    expect(text(page)).toContain('35 % (2026-T3)');
    expect(page.body).toContain('Förstudie klar');
    expect(page.body).toContain('Pågående');
    expect(text(page)).toContain('2 000 000 kr');
  });

  it('list and filter the projects, and show the combined picture with CSV downloads', async () => {
    const list = await s.clients.anon.get(`/projects?bodyId=${s.bodies.kultur}&status=ongoing`, html);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Digitala bibliotekstjänster');
    expect((await s.clients.anon.get('/projects?status=cancelled', html)).body).toContain('Inga projekt matchar urvalet.');
    // Stale or odd filter values are ignored, not errors.
    expect((await s.clients.anon.get('/projects?status=nonsense&bodyId=x', html)).statusCode).toBe(200);

    const dash = await s.clients.anon.get('/dashboard', html);
    expect(dash.statusCode).toBe(200);
    expect(dash.body).toContain('<h1>Samlad bild</h1>');
    expect(dash.body).toContain('role="img"');
    expect(dash.body).toContain('Andel ärenden som kan skötas digitalt');
    // The boards' annual follow-ups of the strategy (none submitted in this test), linked to the strategy's table.
    expect(dash.body).toContain('Nämndernas årliga uppföljning');
    expect(dash.body).toContain('/followups/2025"');
    expect((await s.clients.anon.get(`/dashboard?bodyId=${s.bodies.kultur}`, html)).body).toContain('Den valda nämndens uppföljning');
    expect((await s.clients.anon.get(`/dashboard?dimension=economic&bodyId=${s.bodies.social}`, html)).body).toContain('Inga indikatorer matchar urvalet.');
    const csv = await s.clients.anon.get('/dashboard/status.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Pågående,1');
    const projects = await s.clients.anon.get('/dashboard/projects.csv');
    expect(projects.body).toContain('Digitala bibliotekstjänster,Kulturnämnden,Verksamhetsprojekt,Pågående,2000000,35');
    const indicators = await s.clients.anon.get('/dashboard/indicators.csv');
    expect(indicators.body).toContain('Andel ärenden som kan skötas digitalt');
    const one = await s.clients.anon.get(`/dashboard/indicators/${s.indicatorId}.csv`);
    expect(one.statusCode).toBe(200);
    expect(one.body).toContain('2020,55,80');
    expect((await s.clients.anon.get('/dashboard/indicators/nope.csv')).statusCode).toBe(404);
    const en = await s.clients.anon.get('/dashboard?lang=en', html);
    expect(en.body).toContain('<h1>Combined picture</h1>');
  });
});

describe('prioritisation pages', () => {
  it('let a council member open a round through the form', async () => {
    const list = await s.clients.council.get('/prioritisation', html);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Ny prioritering');
    expect((await s.clients.anon.get('/prioritisation', html)).body).not.toContain('Ny prioritering');
    const bad = await s.clients.council.form('/prioritisation', { councilBodyId: s.bodies.council, title: 'Prioritering 2027', year: '2027', budget: 'mycket' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    const ok = await s.clients.council.form('/prioritisation', {
      councilBodyId: s.bodies.council,
      title: 'Prioritering 2027',
      year: '2027',
      budget: '5000000',
      'weight.goalContribution': '2',
      'weight.residentBenefit': '2',
      'weight.readiness': '1',
      'weight.risk': '1',
      'weight.cost': '1',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const page = await s.clients.council.get(ok.headers.location as string, html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Prioritering 2027</h1>');
    expect(page.body).toContain('Det finns inga föreslagna projekt att prioritera.');
  });
});
