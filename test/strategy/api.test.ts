import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/index.js';
import { listGoals } from '../../src/modules/strategy/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { insertDecision, strategySetup } from './fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof strategySetup>>;

beforeAll(async () => {
  t = await buildTestApp();
  s = await strategySetup(t);
});
afterAll(() => t.close());

const TITLE = 'Strategi för Stockholm som smart och uppkopplad stad';

describe('a strategy as a versioned, structured document', () => {
  let id: string;
  let slug: string;
  const goals: Record<string, string> = {};
  let focusArea: string;

  it('is created by the executive board’s registrars and case officers, and nobody else', async () => {
    const body = { title: TITLE, ownerBodyId: s.ks, vision: 'Vision 2040 – Ett Stockholm för alla.', goalPicture: 'Den högsta livskvaliteten för stockholmarna och det bästa klimatet för företagande.' };
    expect((await s.clients.anon.post('/api/strategies', body)).statusCode).toBe(401);
    expect((await s.clients.member.post('/api/strategies', body)).statusCode).toBe(403);
    expect((await s.clients.ksSecretary.post('/api/strategies', body)).statusCode).toBe(403);
    // Writers of another body cannot create a strategy owned by the executive board.
    expect((await s.clients.kultur.post('/api/strategies', body)).statusCode).toBe(403);
    const res = await s.clients.officer.post('/api/strategies', body);
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    ({ id, slug } = created);
    expect(created).toMatchObject({
      slug: 'strategi-for-stockholm-som-smart-och-uppkopplad-stad',
      status: 'draft',
      ownerBody: { id: s.ks, name: 'Kommunstyrelsen' },
      currentVersion: 0,
      changedSinceVersion: true,
      referral: null,
      adoption: null,
      goals: [],
    });
    // A second strategy with the same title gets its own slug.
    const again = await s.clients.reg.post('/api/strategies', { title: TITLE, ownerBodyId: s.ks });
    expect(again.json().slug).toBe('strategi-for-stockholm-som-smart-och-uppkopplad-stad-2');
  });

  it('is readable by anyone, by id or by slug', async () => {
    expect((await s.clients.anon.get('/api/strategies')).json().items.map((i: { title: string }) => i.title)).toEqual([TITLE, TITLE]);
    expect((await s.clients.anon.get(`/api/strategies/${slug}`)).json().id).toBe(id);
    expect((await s.clients.anon.get(`/api/strategies/${id}`)).statusCode).toBe(200);
    expect((await s.clients.anon.get('/api/strategies/finns-inte')).statusCode).toBe(404);
  });

  it('gets principles, enablers, cost-distribution principles, focus areas, goals and actions', async () => {
    const add = (path: string, body: unknown) => s.clients.officer.post(`/api/strategies/${id}/${path}`, body);
    expect((await add('elements', { kind: 'principle', title: 'Utgå från målgruppernas behov' })).json()).toMatchObject({ position: 1 });
    expect((await add('elements', { kind: 'principle', title: 'Samverka internt och externt' })).json()).toMatchObject({ position: 2 });
    expect((await add('elements', { kind: 'enabler', title: 'Öppna data' })).statusCode).toBe(201);
    expect((await add('elements', { kind: 'costPrinciple', title: 'Gemensamma plattformar delas' })).statusCode).toBe(201);
    focusArea = (await add('focus-areas', { title: 'Fokus på invånarnas behov' })).json().id;

    const g1 = await add('goals', { title: 'Öka andelen ärenden som inleds digitalt', dimensions: ['social', 'economic', 'economic'], ownerBodyId: s.ks, focusAreaId: focusArea });
    expect(g1.statusCode, g1.body).toBe(201);
    // Dimensions come back unique, in the canonical order.
    expect(g1.json()).toMatchObject({ dimensions: ['economic', 'social'], position: 1 });
    goals.digital = g1.json().id;
    goals.vague = (await add('goals', { title: 'Ökad samordning och samverkan', focusAreaId: focusArea })).json().id;
    goals.culture = (await add('goals', { title: 'Minska den digitala klyftan', dimensions: ['social'], ownerBodyId: s.kultur })).json().id;
    const action = await add('actions', { title: 'Gemensam plattform för e-tjänster', goalId: goals.digital, ownerBodyId: s.ks, dueDate: '2026-12-31' });
    expect(action.statusCode, action.body).toBe(201);
    // An action for a goal lands in the goal's focus area.
    expect(action.json()).toMatchObject({ goalId: goals.digital, focusAreaId: focusArea });

    const strategy = (await s.clients.anon.get(`/api/strategies/${id}`)).json();
    expect(strategy.elements.map((e: { kind: string; title: string }) => `${e.kind}: ${e.title}`)).toEqual([
      'principle: Utgå från målgruppernas behov',
      'principle: Samverka internt och externt',
      'enabler: Öppna data',
      'costPrinciple: Gemensamma plattformar delas',
    ]);
    expect(strategy.goals.map((g: { title: string }) => g.title)).toEqual(['Öka andelen ärenden som inleds digitalt', 'Ökad samordning och samverkan', 'Minska den digitala klyftan']);
    expect(strategy.goals[2].ownerBody).toMatchObject({ name: 'Kulturnämnden' });
    expect(await listGoals(t.database.db, id)).toEqual([
      expect.objectContaining({ id: goals.digital, title: 'Öka andelen ärenden som inleds digitalt', strategyId: id, focusAreaId: focusArea }),
      expect.objectContaining({ id: goals.vague, strategyId: id }),
      expect.objectContaining({ id: goals.culture, strategyId: id }),
    ]);
  });

  it('refuses parts that point outside the strategy, and bad input, with field messages', async () => {
    const other = (await s.clients.anon.get('/api/strategies')).json().items.find((i: { id: string }) => i.id !== id).id;
    const wrongFa = await s.clients.officer.post(`/api/strategies/${other}/goals`, { title: 'Mål', focusAreaId: focusArea });
    expect(wrongFa.statusCode).toBe(422);
    expect(wrongFa.json().fields).toEqual({ focusAreaId: ['Insatsområdet finns inte i den här strategin.'] });
    const wrongBody = await s.clients.officer.post(`/api/strategies/${id}/goals`, { title: 'Mål', ownerBodyId: '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b' });
    expect(wrongBody.json().fields).toEqual({ ownerBodyId: ['Nämnden finns inte.'] });
    const badDimension = await s.clients.officer.post(`/api/strategies/${id}/goals`, { title: 'Mål', dimensions: ['cultural'] });
    expect(badDimension.statusCode).toBe(400);
    expect(Object.keys(badDimension.json().fields)).toEqual(['body.dimensions.0']);
    const badAction = await s.clients.officer.post(`/api/strategies/${id}/actions`, { title: 'Insats', goalId: goals.digital, dueDate: '2026-02-30' });
    expect(badAction.statusCode).toBe(400);
    expect(Object.keys(badAction.json().fields)).toEqual(['body.dueDate']);
    const badDates = await s.clients.officer.patch(`/api/strategies/${id}`, { validFrom: '2026-01-01', validTo: '2025-12-31' });
    expect(badDates.statusCode).toBe(422);
    expect(badDates.json().fields).toEqual({ validTo: ['Slutdatumet kan inte vara före startdatumet.'] });
    // A part of another strategy is not found under this one.
    expect((await s.clients.officer.patch(`/api/strategies/${other}/goals/${goals.digital}`, { title: 'x' })).statusCode).toBe(404);
  });

  it('lets only the owner body’s writers change it', async () => {
    expect((await s.clients.kultur.patch(`/api/strategies/${id}`, { title: 'Annan' })).statusCode).toBe(403);
    expect((await s.clients.anon.patch(`/api/strategies/${id}`, { title: 'Annan' })).statusCode).toBe(401);
    expect((await s.clients.kultur.post(`/api/strategies/${id}/goals`, { title: 'Mål' })).statusCode).toBe(403);
    expect((await s.clients.kultur.delete(`/api/strategies/${id}/goals/${goals.vague}`)).statusCode).toBe(403);
    expect((await s.clients.admin.patch(`/api/strategies/${id}`, { validFrom: '2017-01-01' })).json()).toMatchObject({ validFrom: '2017-01-01' });
  });

  it('adds indicators with unit, baseline, target, direction and periodicity, and refuses inconsistent ones', async () => {
    const ok = await s.clients.officer.post('/api/indicators', {
      goalId: goals.digital,
      name: 'Andel ärenden via e-tjänst',
      unit: '%',
      baseline: 31,
      baselinePeriod: '2017',
      target: 75,
      targetPeriod: '2026',
      source: 'ILS',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      indicator: { slug: 'andel-arenden-via-e-tjanst', unit: '%', baseline: 31, target: 75, direction: 'increase', periodicity: 'year', goalTitle: 'Öka andelen ärenden som inleds digitalt', strategySlug: slug },
      values: [],
      progress: null,
    });

    const problems = async (body: Record<string, unknown>) => {
      const res = await s.clients.officer.post('/api/indicators', { goalId: goals.culture, name: 'Indikator', ...body });
      expect(res.statusCode, res.body).toBe(422);
      return res.json().fields;
    };
    expect(await problems({ target: 90 })).toEqual({ unit: ['Ange en enhet när indikatorn har ett utgångsvärde eller målvärde.'] });
    expect(await problems({ unit: '%', periodicity: 'quarter', target: 90, targetPeriod: '2026' })).toEqual({
      targetPeriod: ['Skriv perioden som år och kvartal, till exempel 2024-Q1.'],
    });
    expect(await problems({ unit: '%', baseline: 50, target: 40 })).toEqual({ target: ['Indikatorn ska öka: målvärdet måste vara högre än utgångsvärdet.'] });
    expect(await problems({ unit: '%', baseline: 50, baselinePeriod: '2024', target: 60, targetPeriod: '2020' })).toEqual({
      targetPeriod: ['Målvärdets period måste komma efter utgångsvärdets.'],
    });
    const notNumber = await s.clients.officer.post('/api/indicators', { goalId: goals.culture, name: 'Indikator', target: 'nittio' });
    expect(notNumber.statusCode).toBe(400);
    expect(Object.keys(notNumber.json().fields)).toEqual(['body.target']);
    // Writers of another body may not define the strategy's indicators.
    expect((await s.clients.kultur.post('/api/indicators', { goalId: goals.culture, name: 'Indikator' })).statusCode).toBe(403);

    const tertial = await s.clients.officer.post('/api/indicators', { goalId: goals.culture, name: 'Besök i bibliotekens datorstöd', unit: 'st', periodicity: 'tertial', ownerBodyId: s.kultur });
    expect(tertial.statusCode).toBe(201);
    const patched = await s.clients.officer.patch(`/api/indicators/${tertial.json().indicator.id}`, { target: 5000, targetPeriod: '2026-t3' });
    expect(patched.json().indicator).toMatchObject({ target: 5000, targetPeriod: '2026-T3' });
    // A goal with indicators cannot be removed.
    const del = await s.clients.officer.delete(`/api/strategies/${id}/goals/${goals.culture}`);
    expect(del.statusCode).toBe(409);
    expect(del.json().message).toBe('Målet har indikatorer. Ta bort dem först.');
  });

  it('runs the followability check in the API', async () => {
    const res = await s.clients.anon.get(`/api/strategies/${id}/followability`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.followable).toBe(false);
    expect(body.findings.map((f: { reason: string; title: string }) => `${f.reason}: ${f.title}`)).toEqual([
      'noIndicator: Ökad samordning och samverkan',
      'noOwner: Ökad samordning och samverkan',
      'noAction: Ökad samordning och samverkan',
      'noAction: Minska den digitala klyftan',
      'vagueGoals: Fokus på invånarnas behov',
    ]);
    expect(body.counts).toMatchObject({ noIndicator: 1, noOwner: 1, noAction: 2, vagueGoals: 1, indicatorWithoutTarget: 0 });
    expect(body.findings[0]).toMatchObject({ subject: 'goal', goalId: goals.vague, text: { sv: 'Målet ”Ökad samordning och samverkan” har ingen indikator.', en: 'The goal “Ökad samordning och samverkan” has no indicator.' } });
    const en = (await s.clients.anon.get(`/api/strategies/${id}/followability?lang=en`)).json();
    expect(en.findings[0].message).toBe('The goal “Ökad samordning och samverkan” has no indicator.');
  });

  it('keeps every saved version as an immutable snapshot', async () => {
    expect((await s.clients.kultur.post(`/api/strategies/${id}/versions`, {})).statusCode).toBe(403);
    const v1 = await s.clients.officer.post(`/api/strategies/${id}/versions`, { note: 'Remissversion' });
    expect(v1.statusCode, v1.body).toBe(201);
    expect(v1.json()).toMatchObject({ version: 1, note: 'Remissversion', createdBy: 'officer.ks' });
    expect((await s.clients.anon.get(`/api/strategies/${id}`)).json()).toMatchObject({ currentVersion: 1, changedSinceVersion: false });

    t.clock.advance(60_000);
    await s.clients.officer.patch(`/api/strategies/${id}`, { title: `${TITLE} (reviderad)` });
    await s.clients.officer.patch(`/api/strategies/${id}/goals/${goals.vague}`, { title: 'Öka samverkan med regionen', ownerBodyId: s.ks });
    expect((await s.clients.anon.get(`/api/strategies/${id}`)).json()).toMatchObject({ currentVersion: 1, changedSinceVersion: true });
    t.clock.advance(60_000);
    expect((await s.clients.reg.post(`/api/strategies/${id}/versions`, {})).json()).toMatchObject({ version: 2, note: null });

    const list = (await s.clients.anon.get(`/api/strategies/${slug}/versions`)).json().items;
    expect(list.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [1, 'Remissversion'],
      [2, null],
    ]);
    const first = (await s.clients.anon.get(`/api/strategies/${id}/versions/1`)).json();
    expect(first.document.title).toBe(TITLE);
    expect(first.document.goals.map((g: { title: string }) => g.title)).toContain('Ökad samordning och samverkan');
    expect(first.document.indicators).toHaveLength(2);
    const second = (await s.clients.anon.get(`/api/strategies/${id}/versions/2`)).json();
    expect(second.document.title).toBe(`${TITLE} (reviderad)`);
    expect(second.document.goals[1]).toMatchObject({ title: 'Öka samverkan med regionen', ownerBody: { name: 'Kommunstyrelsen' } });
    expect((await s.clients.anon.get(`/api/strategies/${id}/versions/3`)).statusCode).toBe(404);
  });

  it('records the adoption with links to the referral round and the adopting decision', async () => {
    const decision = await insertDecision(t.database.db, s.ks);
    const unknown = await s.clients.officer.post(`/api/strategies/${id}/adopt`, { adoptedOn: '2017-03-15', adoptionItemId: decision.referralId });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields).toEqual({ adoptionItemId: ['Ärendepunkten finns inte.'] });
    const noReferral = await s.clients.officer.post(`/api/strategies/${id}/adopt`, { adoptedOn: '2017-03-15', referralId: decision.itemId });
    expect(noReferral.json().fields).toEqual({ referralId: ['Remissen finns inte.'] });
    expect((await s.clients.officer.post(`/api/strategies/${id}/adopt`, { adoptedOn: '2017-02-30' })).statusCode).toBe(400);
    expect((await s.clients.kultur.post(`/api/strategies/${id}/adopt`, { adoptedOn: '2017-03-15' })).statusCode).toBe(403);

    const res = await s.clients.officer.post(`/api/strategies/${id}/adopt`, { adoptedOn: '2017-03-15', adoptionItemId: decision.itemId, referralId: decision.referralId, note: 'Antagen av kommunstyrelsen' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'adopted',
      adoptedOn: '2017-03-15',
      currentVersion: 3,
      referral: { id: decision.referralId, subject: TITLE, href: `/referrals/${decision.referralId}` },
      adoption: { itemId: decision.itemId, meetingId: decision.meetingId, paragraph: 7, meetingDate: '2017-03-15', bodyName: 'Kommunstyrelsen', href: `/meetings/${decision.meetingId}/items/${decision.itemId}/extract` },
    });
    expect((await s.clients.anon.get(`/api/strategies/${id}/versions/3`)).json()).toMatchObject({ note: 'Antagen av kommunstyrelsen', document: { status: 'adopted', adoptedOn: '2017-03-15' } });
    const twice = await s.clients.officer.post(`/api/strategies/${id}/adopt`, { adoptedOn: '2017-03-16' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('Bara ett förslag kan antas; strategin är redan antagen eller arkiverad.');
  });

  it('removes parts, and every change is in the audit chain', async () => {
    const elements = (await s.clients.anon.get(`/api/strategies/${id}`)).json().elements;
    expect((await s.clients.officer.delete(`/api/strategies/${id}/elements/${elements[1].id}`)).statusCode).toBe(204);
    expect((await s.clients.anon.get(`/api/strategies/${id}`)).json().elements).toHaveLength(3);
    expect((await s.clients.anon.get(`/api/strategies/${id}/versions/1`)).json().document.elements).toHaveLength(4);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
