import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIndicatorSeries, indicatorsForGoals } from '../../src/modules/strategy/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { html, strategySetup } from './fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof strategySetup>>;
let goalId: string;
let indicatorId: string;
let tertialId: string;

beforeAll(async () => {
  t = await buildTestApp();
  s = await strategySetup(t);
  const strategy = (await s.clients.officer.post('/api/strategies', { title: 'Digital strategi', ownerBodyId: s.ks })).json();
  goalId = (await s.clients.officer.post(`/api/strategies/${strategy.id}/goals`, { title: 'Öka den digitala delaktigheten', dimensions: ['social'], ownerBodyId: s.kultur })).json().id;
  indicatorId = (
    await s.clients.officer.post('/api/indicators', {
      goalId,
      name: 'Andel invånare som använder internet dagligen',
      unit: '%',
      baseline: 84,
      baselinePeriod: '2017',
      target: 95,
      targetPeriod: '2026',
      ownerBodyId: s.kultur,
    })
  ).json().indicator.id;
  tertialId = (await s.clients.officer.post('/api/indicators', { goalId, name: 'Besök i datorstödet', unit: 'st', periodicity: 'tertial' })).json().indicator.id;
});
afterAll(() => t.close());

describe('indicator values by API', () => {
  it('sets one period’s value with PUT: 201 when new, 200 when replaced', async () => {
    const first = await s.clients.officer.request({ method: 'PUT', url: `/api/indicators/${indicatorId}/values/2017`, payload: { value: 84 } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ period: '2017', value: 84, source: 'api', recordedBy: 'officer.ks' });
    // Staff of the body that owns the indicator feed it too.
    const again = await s.clients.kulturSecretary.request({ method: 'PUT', url: `/api/indicators/${indicatorId}/values/2017`, payload: { value: 84.5, note: 'Rättad' } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ value: 84.5, note: 'Rättad', recordedBy: 'secretary.k' });
    const q = await s.clients.officer.request({ method: 'PUT', url: `/api/indicators/${tertialId}/values/2024-t2`, payload: { value: 1200 } });
    expect(q.json()).toMatchObject({ period: '2024-T2' });
  });

  it('refuses a period of the wrong shape (422), a value that is not a number (400), and other bodies (403)', async () => {
    const put = (client: typeof s.clients.officer, period: string, payload: unknown, id = indicatorId) =>
      client.request({ method: 'PUT', url: `/api/indicators/${id}/values/${period}`, payload: payload as object });
    const quarter = await put(s.clients.officer, '2024-Q1', { value: 1 });
    expect(quarter.statusCode).toBe(422);
    expect(quarter.json().fields).toEqual({ period: ['Skriv perioden som ett år, till exempel 2024.'] });
    const tertial = await put(s.clients.officer, '2024', { value: 1 }, tertialId);
    expect(tertial.json().fields).toEqual({ period: ['Skriv perioden som år och tertial, till exempel 2024-T1.'] });
    const notNumber = await put(s.clients.officer, '2018', { value: 'åttiosex' });
    expect(notNumber.statusCode).toBe(400);
    expect(Object.keys(notNumber.json().fields)).toEqual(['body.value']);
    expect((await put(s.clients.officer, '2018', {})).statusCode).toBe(400);
    expect((await put(s.clients.social, '2018', { value: 86 })).statusCode).toBe(403);
    expect((await put(s.clients.member, '2018', { value: 86 })).statusCode).toBe(403);
    expect((await put(s.clients.anon, '2018', { value: 86 })).statusCode).toBe(401);
    // The tertial indicator has no owner body: only the strategy's writers feed it.
    expect((await put(s.clients.kultur, '2024-T1', { value: 5 }, tertialId)).statusCode).toBe(403);
    expect((await put(s.clients.officer, '2018', { value: 86 }, '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b')).statusCode).toBe(404);
  });

  it('imports CSV all or nothing, with a report of every bad row', async () => {
    const bad = await s.clients.kultur.post(`/api/indicators/${indicatorId}/values/import`, { csv: 'period;värde\n2018;86\n2019;åttiosju\n2020-Q1;90\n2018;87' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().problems).toEqual([
      { row: 3, field: 'value', code: 'strategy.value.notNumber', message: '”åttiosju” är inte ett tal.' },
      { row: 4, field: 'period', code: 'strategy.period.shape', message: '”2020-Q1” är inte en period av rätt slag; skriv till exempel 2024.' },
      { row: 5, field: 'period', code: 'strategy.import.duplicatePeriod', message: 'Perioden 2018 finns redan på rad 2.' },
    ]);
    expect(bad.json().fields).toMatchObject({ 'rows.3.value': ['”åttiosju” är inte ett tal.'] });
    expect(bad.json().message).toBe('Importen avbröts: 3 fel. Inga värden har sparats.');
    // Nothing was stored, not even the good row.
    expect((await s.clients.anon.get(`/api/indicators/${indicatorId}/values`)).json().items.map((v: { period: string }) => v.period)).toEqual(['2017']);

    const en = await s.clients.kultur.post(`/api/indicators/${indicatorId}/values/import?lang=en`, { csv: 'period,value\n2018,x' });
    await s.clients.kultur.get('/api/auth/session?lang=sv');
    expect(en.json().problems[0].message).toBe('“x” is not a number.');

    const good = await s.clients.kultur.post(`/api/indicators/${indicatorId}/values/import`, {
      csv: 'period;värde;kommentar\n2017;84;\n2018;86;\n2019;87,5;preliminärt\n2020;90;',
    });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ stored: 4, created: 3, updated: 1 });
    const series = await getIndicatorSeries(t.database.db, indicatorId);
    expect(series.values.map((v) => [v.period, v.value, v.source])).toEqual([
      ['2017', 84, 'csv'],
      ['2018', 86, 'csv'],
      ['2019', 87.5, 'csv'],
      ['2020', 90, 'csv'],
    ]);
    expect(series.values[2]!.note).toBe('preliminärt');
    expect((await s.clients.social.post(`/api/indicators/${indicatorId}/values/import`, { csv: '2021;91' })).statusCode).toBe(403);
  });

  it('serves the series with its progress towards the target, also by slug and per goal', async () => {
    const res = (await s.clients.anon.get('/api/indicators/andel-invanare-som-anvander-internet-dagligen')).json();
    expect(res.indicator).toMatchObject({ id: indicatorId, goalTitle: 'Öka den digitala delaktigheten', goalDimensions: ['social'], ownerBody: { name: 'Kulturnämnden' } });
    // From 84 towards 95, at 90: 6/11 of the way.
    expect(res.progress).toBe(55);
    // The body filter matches the indicator's own body or its goal's (Kulturnämnden owns the goal).
    const filtered = (await s.clients.anon.get(`/api/indicators?bodyId=${s.kultur}&dimension=social`)).json().items;
    expect(filtered.map((i: { indicator: { id: string } }) => i.indicator.id)).toEqual([indicatorId, tertialId]);
    expect((await s.clients.anon.get(`/api/indicators?bodyId=${s.social}`)).json().items).toEqual([]);
    expect((await s.clients.anon.get('/api/indicators?dimension=ecological')).json().items).toEqual([]);
    expect((await indicatorsForGoals(t.database.db, [goalId])).map((x) => [x.indicator.name, x.values.length])).toEqual([
      ['Andel invånare som använder internet dagligen', 4],
      ['Besök i datorstödet', 1],
    ]);
  });

  it('removes one period’s value', async () => {
    expect((await s.clients.kultur.delete(`/api/indicators/${indicatorId}/values/2020`)).statusCode).toBe(204);
    expect((await s.clients.kultur.delete(`/api/indicators/${indicatorId}/values/2020`)).statusCode).toBe(404);
    expect((await s.clients.anon.get(`/api/indicators/${indicatorId}/values`)).json().items).toHaveLength(3);
  });
});

describe('the indicator page', () => {
  it('shows a trend chart against the target, with its table and a CSV download', async () => {
    const page = await s.clients.anon.get(`/indicators/${indicatorId}`, html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Andel invånare som använder internet dagligen</h1>');
    expect(page.body).toContain('role="img" aria-labelledby="trend-title trend-desc"');
    expect((page.body.match(/class="chart-point"/g) ?? []).length).toBe(3);
    expect(page.body).toContain('Mål: 95 % (2026)');
    expect(page.body).toContain('<caption>Andel invånare som använder internet dagligen: utveckling mot målet: data i tabellform</caption>');
    // 2020 was removed: from 84 towards 95, at 87.5.
    expect(page.body).toContain('32 % av vägen från utgångsvärdet till målvärdet');
    expect(page.body).toContain(`href="/indicators/${indicatorId}?format=csv"`);
    // No forms for the public.
    expect(page.body).not.toContain('Registrera ett värde');
    const csv = await s.clients.anon.get(`/indicators/${indicatorId}?format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(parse(csv.body, { bom: true })).toEqual([
      ['period', 'Andel invånare som använder internet dagligen', 'target'],
      ['2017', '84', '95'],
      ['2018', '86', '95'],
      ['2019', '87.5', '95'],
    ]);
  });

  it('takes values by form and CSV by upload or paste, for the indicator’s body', async () => {
    const page = (await s.clients.kultur.get(`/indicators/${indicatorId}`, html)).body;
    expect(page).toContain('Registrera ett värde');
    expect(page).toContain('enctype="multipart/form-data"');

    const bad = await s.clients.kultur.form(`/indicators/${indicatorId}/values`, { period: '2020-03', value: 'nittio' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#f-value"');
    expect(bad.body).toContain('Skriv ett tal, till exempel 12,5.');
    const badPeriod = await s.clients.kultur.form(`/indicators/${indicatorId}/values`, { period: '2020-03', value: '90,5' });
    expect(badPeriod.statusCode).toBe(422);
    expect(badPeriod.body).toContain('Skriv perioden som ett år, till exempel 2024.');
    const ok = await s.clients.kultur.form(`/indicators/${indicatorId}/values`, { period: '2020', value: '90,5', note: '' });
    expect(ok.statusCode).toBe(303);
    expect((await s.clients.kultur.get(`/indicators/${indicatorId}`, html)).body).toContain('Värdet för 2020 har sparats.');

    // Pasted rows with an error: the report lists them and nothing is stored.
    const rejected = await s.clients.kultur.form(`/indicators/${indicatorId}/values/import`, { csv: 'period;värde\n2021;91\n2022;' });
    expect(rejected.statusCode).toBe(422);
    expect(rejected.body).toContain('Importen avbröts: 1 fel. Inga värden har sparats.');
    expect(rejected.body).toContain('<caption>Fel per rad i filen</caption>');
    expect(rejected.body).toMatch(/<td>3<\/td><td>Värde<\/td><td>Värdet saknas.<\/td>/);
    expect((await getIndicatorSeries(t.database.db, indicatorId)).values.map((v) => v.period)).toEqual(['2017', '2018', '2019', '2020']);

    // An uploaded file.
    const boundary = '----stadsnav-test';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="_csrf"',
      '',
      s.clients.kultur.csrf,
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="varden.csv"',
      'Content-Type: text/csv',
      '',
      '\ufeffperiod;värde\r\n2021;91\r\n2022;92,5\r\n',
      `--${boundary}`,
      'Content-Disposition: form-data; name="csv"',
      '',
      '',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const upload = await s.clients.kultur.request({
      method: 'POST',
      url: `/indicators/${indicatorId}/values/import`,
      payload: body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, accept: 'text/html' },
      csrf: false,
    });
    expect(upload.statusCode, upload.body).toBe(303);
    expect((await s.clients.kultur.get(`/indicators/${indicatorId}`, html)).body).toContain('2 värden har importerats (2 nya, 0 ersatta).');
    expect((await getIndicatorSeries(t.database.db, indicatorId)).values.map((v) => v.value)).toEqual([84, 86, 87.5, 90.5, 91, 92.5]);

    const empty = await s.clients.kultur.form(`/indicators/${indicatorId}/values/import`, { csv: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Välj en fil eller klistra in rader att importera.');

    const del = await s.clients.kultur.form(`/indicators/${indicatorId}/values/2022/delete`, {});
    expect(del.statusCode).toBe(303);
    expect((await s.clients.social.form(`/indicators/${indicatorId}/values`, { period: '2023', value: '1' })).statusCode).toBe(403);
  });
});
