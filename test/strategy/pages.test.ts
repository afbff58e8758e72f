import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getStrategy } from '../../src/modules/strategy/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { html, insertDecision, strategySetup } from './fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof strategySetup>>;

beforeAll(async () => {
  t = await buildTestApp();
  s = await strategySetup(t);
});
afterAll(() => t.close());

const SLUG = 'strategi-for-en-smart-stad';
const base = `/strategies/${SLUG}`;

describe('strategy pages', () => {
  it('offers the form to the owner body’s writers only, and shows the errors of a bad submit', async () => {
    expect((await s.clients.anon.get('/strategies', html)).body).not.toContain('href="/strategies/new"');
    expect((await s.clients.officer.get('/strategies', html)).body).toContain('href="/strategies/new"');
    expect((await s.clients.anon.get('/strategies/new', html)).statusCode).toBe(401);
    expect((await s.clients.member.get('/strategies/new', html)).statusCode).toBe(403);
    const form = await s.clients.officer.get('/strategies/new', html);
    expect(form.body).toContain('<h1>Ny strategi</h1>');
    expect(form.body).toContain(`<option value="${s.ks}">Kommunstyrelsen</option>`);

    const bad = await s.clients.officer.form('/strategies', { title: '', ownerBodyId: s.ks, validFrom: '2026-02-30', vision: 'Vision 2040' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#f-title"');
    expect(bad.body).toContain('href="#f-validFrom"');
    expect(bad.body).toContain('Vision 2040</textarea>');

    const ok = await s.clients.officer.form('/strategies', { title: 'Strategi för en smart stad', ownerBodyId: s.ks, vision: 'Vision 2040', goalPicture: 'Högsta livskvaliteten.', validFrom: '', validTo: '', referralId: '' });
    expect(ok.statusCode, ok.body).toBe(303);
    expect(ok.headers.location).toBe(base);
    const page = await s.clients.officer.get(base, html);
    expect(page.body).toContain('Strategin har skapats som förslag.');
    expect(page.body).toContain('<h1>Strategi för en smart stad</h1>');
    expect(page.body).toContain('Ingen version är sparad ännu.');
    expect(page.body).toContain(`href="${base}/elements/new?kind=principle"`);
    // The public sees the strategy but no edit links.
    const pub = await s.clients.anon.get(base, html);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain('/elements/new');
    expect(pub.body).not.toContain(`${base}/edit`);
    expect((await s.clients.kultur.get(`${base}/edit`, html)).statusCode).toBe(403);
  });

  it('builds the structure through the part forms', async () => {
    const el = await s.clients.officer.form(`${base}/elements`, { kind: 'principle', title: 'Utgå från målgruppernas behov', description: '', position: '' });
    expect(el.statusCode, el.body).toBe(303);
    const badPosition = await s.clients.officer.form(`${base}/elements`, { kind: 'enabler', title: 'Öppna data', position: 'först' });
    expect(badPosition.statusCode).toBe(422);
    expect(badPosition.body).toContain('Skriv ett heltal.');
    await s.clients.officer.form(`${base}/focus-areas`, { title: 'Invånarnas behov', description: '' });
    const fa = (await getStrategy(t.database.db, SLUG)).focusAreas[0]!.id;
    const newGoal = await s.clients.officer.get(`${base}/goals/new?focusAreaId=${fa}`, html);
    expect(newGoal.body).toContain(`<option value="${fa}" selected>1. Invånarnas behov</option>`);
    expect(newGoal.body).toContain('<legend>Hållbarhetsdimensioner</legend>');
    const badGoal = await s.clients.officer.form(`${base}/goals`, { title: 'Mål', dimensions: ['social', 'kulturell'], focusAreaId: fa, ownerBodyId: '' });
    expect(badGoal.statusCode).toBe(422);
    expect(badGoal.body).toContain('href="#f-dimensions"');
    expect(badGoal.body).toMatch(/id="f-dimensions-social" name="dimensions" value="social" checked/);
    const goal = await s.clients.officer.form(`${base}/goals`, { title: 'Samverkan och samordning', dimensions: ['social', 'democratic'], focusAreaId: fa, ownerBodyId: s.kultur });
    expect(goal.statusCode).toBe(303);
    const strategy = await getStrategy(t.database.db, SLUG);
    expect(strategy.goals[0]).toMatchObject({ title: 'Samverkan och samordning', dimensions: ['social', 'democratic'], ownerBody: { name: 'Kulturnämnden' }, focusAreaId: fa });
    const goalId = strategy.goals[0]!.id;

    const editGoal = await s.clients.officer.get(`${base}/goals/${goalId}/edit`, html);
    expect(editGoal.body).toMatch(/value="democratic" checked/);
    expect(editGoal.body).toContain('Ta bort ”Samverkan och samordning”');
    await s.clients.officer.form(`${base}/goals/${goalId}/edit`, { title: 'Öka samverkan med regionen', dimensions: 'social', focusAreaId: fa, ownerBodyId: s.kultur });
    expect((await getStrategy(t.database.db, SLUG)).goals[0]).toMatchObject({ title: 'Öka samverkan med regionen', dimensions: ['social'] });

    expect((await s.clients.officer.form(`${base}/actions`, { title: 'Samverkansforum', goalId, focusAreaId: '', ownerBodyId: '', dueDate: '' })).statusCode).toBe(303);

    // Indicators: a target without a unit and a period of the wrong shape are shown on the form.
    const newIndicator = await s.clients.officer.get(`${base}/indicators/new?goalId=${goalId}`, html);
    expect(newIndicator.body).toContain(`<option value="${goalId}" selected>Öka samverkan med regionen</option>`);
    const badIndicator = await s.clients.officer.form(`${base}/indicators`, {
      goalId,
      name: 'Antal samverkansavtal',
      unit: '',
      periodicity: 'year',
      direction: 'increase',
      baseline: '',
      baselinePeriod: '',
      target: '12',
      targetPeriod: '2026-Q1',
    });
    expect(badIndicator.statusCode).toBe(422);
    expect(badIndicator.body).toContain('Ange en enhet när indikatorn har ett utgångsvärde eller målvärde.');
    expect(badIndicator.body).toContain('Skriv perioden som ett år, till exempel 2024.');
    const notNumber = await s.clients.officer.form(`${base}/indicators`, { goalId, name: 'Antal samverkansavtal', unit: 'st', target: 'tolv' });
    expect(notNumber.body).toContain('Skriv ett tal, till exempel 12,5.');
    const indicator = await s.clients.officer.form(`${base}/indicators`, {
      goalId,
      name: 'Antal samverkansavtal',
      unit: 'st',
      periodicity: 'year',
      direction: 'increase',
      baseline: '2',
      baselinePeriod: '2020',
      target: '12',
      targetPeriod: '2026',
      source: 'Diariet',
      ownerBodyId: '',
    });
    expect(indicator.statusCode, indicator.body).toBe(303);
    expect(indicator.headers.location).toMatch(/^\/indicators\/[0-9a-f-]{36}$/);
    const editIndicator = await s.clients.officer.get(`${indicator.headers.location}/edit`, html);
    expect(editIndicator.body).toContain('value="Diariet"');
    await s.clients.officer.form(`${indicator.headers.location}/edit`, { goalId, name: 'Antal samverkansavtal', unit: 'st', periodicity: 'year', direction: 'increase', baseline: '2', baselinePeriod: '2020', target: '15,5', targetPeriod: '2026' });
    expect((await getStrategy(t.database.db, SLUG)).indicators[0]).toMatchObject({ target: 15.5 });

    const page = await s.clients.anon.get(base, html);
    expect(page.body).toContain('<h3 id="fa-');
    expect(page.body).toContain('Insatsområde 1: Invånarnas behov');
    expect(page.body).toContain(`<h4 id="goal-${goalId}">Öka samverkan med regionen</h4>`);
    expect(page.body).toContain('<dd>Socialt hållbar</dd>');
    expect(page.body).toContain('<td>2 st (2020)</td><td>15,5 st (2026)</td>');
    expect(page.body).toContain('Inga anmärkningar');
  });

  it('saves versions and shows them', async () => {
    expect((await s.clients.anon.get(`${base}/versions`, html)).body).not.toContain('Spara versionen');
    const saved = await s.clients.officer.form(`${base}/versions`, { note: 'Remissversion' });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${base}/versions/1`);
    const version = await s.clients.anon.get(`${base}/versions/1`, html);
    expect(version.body).toContain('<h1>Strategi för en smart stad, version 1</h1>');
    expect(version.body).toContain('Det här är den senast sparade versionen.');
    expect(version.body).toContain('Öka samverkan med regionen');
    const list = await s.clients.anon.get(`${base}/versions`, html);
    expect(list.body).toMatch(/<a href="\/strategies\/strategi-for-en-smart-stad\/versions\/1">Version 1<\/a><\/th><td><time[^>]*>[^<]+<\/time><\/td><td>officer.ks<\/td><td>Remissversion<\/td>/);
    expect((await s.clients.anon.get(`${base}/versions/2`, html)).statusCode).toBe(404);
    expect((await s.clients.anon.get(`${base}/versions/x`, html)).statusCode).toBe(404);
  });

  it('records the adoption through the form and links to the referral and the decision', async () => {
    const decision = await insertDecision(t.database.db, s.ks);
    const form = await s.clients.officer.get(`${base}/adopt`, html);
    expect(form.body).toContain('value="2026-11-23"');
    const bad = await s.clients.officer.form(`${base}/adopt`, { adoptedOn: '2017-03-15', adoptionItemId: 'inte-ett-id', referralId: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-adoptionItemId"');
    const ok = await s.clients.officer.form(`${base}/adopt`, { adoptedOn: '2017-03-15', adoptionItemId: decision.itemId, referralId: decision.referralId, note: '' });
    expect(ok.statusCode).toBe(303);
    const page = await s.clients.anon.get(base, html);
    expect(page.body).toContain(`href="/referrals/${decision.referralId}"`);
    expect(page.body).toContain(`href="/meetings/${decision.meetingId}/items/${decision.itemId}/extract"`);
    expect(page.body).toContain('Kommunstyrelsen 2017-03-15 § 7 (protokollsutdrag)');
    expect(page.body).toContain('<span class="tag">Antagen</span>');
    expect(page.body).not.toContain(`href="${base}/adopt"`);
  });

  it('is shown in English on request', async () => {
    const page = await s.clients.anon.get(`${base}?lang=en`, html);
    expect(page.body).toContain('Goals and focus areas');
    expect(page.body).toContain('Focus area 1: Invånarnas behov');
    await s.clients.anon.get(`${base}?lang=sv`, html);
  });
});

describe('the indicator dashboard', () => {
  beforeAll(async () => {
    const strategy = await getStrategy(t.database.db, SLUG);
    const indicatorId = strategy.indicators[0]!.id;
    await s.clients.officer.post(`/api/indicators/${indicatorId}/values/import`, { csv: 'period;värde\n2020;2\n2021;4\n2022;7\n2023;9' });
    const eco = (await s.clients.officer.post(`/api/strategies/${strategy.id}/goals`, { title: 'Minska energianvändningen', dimensions: ['ecological'], ownerBodyId: s.social })).json().id;
    const energy = (await s.clients.officer.post('/api/indicators', { goalId: eco, name: 'Energi per kvadratmeter', unit: 'kWh/m²', direction: 'decrease', baseline: 160, target: 120 })).json().indicator.id;
    await s.clients.officer.post(`/api/indicators/${energy}/values/import`, { csv: '2022;150\n2023;140' });
  });

  it('charts every indicator against its target, filterable by body, goal and dimension', async () => {
    const all = await s.clients.anon.get(`${base}/dashboard`, html);
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('2 indikatorer visas.');
    expect((all.body.match(/class="chart-line"/g) ?? []).length).toBe(2);
    // The progress chart: 7 of 13.5 steps for the agreements (52 %), 20 of 40 kWh for the energy (50 %).
    expect((all.body.match(/class="chart-bar"/g) ?? []).length).toBe(2);
    expect(all.body).toContain('>52 %</text>');
    expect(all.body).toContain('>50 %</text>');
    expect(all.body).toContain(`<option value="socialnamnden">Socialnämnden</option>`);

    const social = await s.clients.anon.get(`${base}/dashboard?body=socialnamnden&goal=&dimension=`, html);
    expect(social.body).toContain('1 indikatorer visas.');
    expect(social.body).toContain('<option value="socialnamnden" selected>Socialnämnden</option>');
    expect(social.body).toContain('Energi per kvadratmeter');
    expect(social.body).not.toContain('<h3 id="chart-antal-samverkansavtal-heading">');
    const eco = await s.clients.anon.get(`${base}/dashboard?dimension=ecological`, html);
    expect(eco.body).toContain('<h3 id="chart-energi-per-kvadratmeter-heading">Energi per kvadratmeter</h3>');
    expect(eco.body).toContain('1 indikatorer visas.');
    const none = await s.clients.anon.get(`${base}/dashboard?dimension=democratic&body=kulturnamnden`, html);
    expect(none.body).toContain('Inga indikatorer matchar urvalet.');
    // An unknown filter value is ignored rather than refused.
    expect((await s.clients.anon.get(`${base}/dashboard?dimension=cultural`, html)).body).toContain('2 indikatorer visas.');
  });

  it('exports every chart’s data as CSV', async () => {
    const page = (await s.clients.anon.get(`${base}/dashboard?dimension=ecological`, html)).body;
    expect(page).toContain(`href="${base}/dashboard?dimension=ecological&amp;format=csv&amp;chart=progress"`);
    expect(page).toContain(`href="${base}/dashboard?dimension=ecological&amp;format=csv&amp;chart=energi-per-kvadratmeter"`);
    const progress = await s.clients.anon.get(`${base}/dashboard?format=csv&chart=progress`);
    expect(progress.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(progress.headers['content-disposition']).toContain('attachment; filename="strategi-for-en-smart-stad-maluppfyllelse.csv"');
    expect(parse(progress.body, { bom: true })).toEqual([
      ['indicator', 'Andel av vägen till målet', 'target'],
      ['Antal samverkansavtal', '52', '100'],
      ['Energi per kvadratmeter', '50', '100'],
    ]);
    const energy = await s.clients.anon.get(`${base}/dashboard?format=csv&chart=energi-per-kvadratmeter`);
    expect(parse(energy.body, { bom: true })).toEqual([
      ['period', 'Energi per kvadratmeter', 'target'],
      ['2022', '150', '120'],
      ['2023', '140', '120'],
    ]);
    expect((await s.clients.anon.get(`${base}/dashboard?format=csv&chart=finns-inte`)).statusCode).toBe(404);
  });
});
