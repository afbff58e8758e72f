import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { html, strategySetup } from './fixtures.js';

let t: TestApp;
let s: Awaited<ReturnType<typeof strategySetup>>;
let strategyId: string;
let goals: string[];

beforeAll(async () => {
  t = await buildTestApp();
  s = await strategySetup(t);
  strategyId = (await s.clients.officer.post('/api/strategies', { title: 'Smart stad', ownerBodyId: s.ks })).json().id;
  goals = [];
  for (const title of ['Öka andelen digitala ärenden', 'Minska den digitala klyftan']) {
    goals.push((await s.clients.officer.post(`/api/strategies/${strategyId}/goals`, { title })).json().id);
  }
});
afterAll(() => t.close());

describe('annual follow-up per board', () => {
  let id: string;
  const draft = () => ({
    strategyId,
    bodyId: s.kultur,
    year: 2024,
    summary: 'Biblioteken har gett digital vägledning i alla stadsdelar.',
    goalAssessments: [{ goalId: goals[1], assessment: 'onTrack', comment: 'Vägledningen når allt fler.' }],
    challenges: 'Att nå dem som inte besöker biblioteken.',
    nextSteps: 'Vägledning på fler språk.',
  });

  it('is written as a draft by the board’s own staff only', async () => {
    expect((await s.clients.anon.post('/api/followups', draft())).statusCode).toBe(401);
    expect((await s.clients.social.post('/api/followups', draft())).statusCode).toBe(403);
    expect((await s.clients.officer.post('/api/followups', draft())).statusCode).toBe(403);
    const res = await s.clients.kulturSecretary.post('/api/followups', draft());
    expect(res.statusCode, res.body).toBe(200);
    id = res.json().id;
    expect(res.json()).toMatchObject({ status: 'draft', year: 2024, body: { name: 'Kulturnämnden' }, submittedAt: null });
    // Saving again replaces the draft's content.
    const again = await s.clients.kultur.post('/api/followups', { ...draft(), summary: 'Reviderad sammanfattning.' });
    expect(again.json()).toMatchObject({ id, summary: 'Reviderad sammanfattning.' });
  });

  it('refuses assessments of goals outside the strategy, twice the same goal, and unknown assessments', async () => {
    const other = await s.clients.kultur.post('/api/followups', { ...draft(), goalAssessments: [{ goalId: strategyId, assessment: 'onTrack' }] });
    expect(other.statusCode).toBe(422);
    expect(other.json().fields).toEqual({ 'goalAssessments.0.goalId': ['Målet finns inte i den här strategin.'] });
    const twice = await s.clients.kultur.post('/api/followups', {
      ...draft(),
      goalAssessments: [
        { goalId: goals[0], assessment: 'onTrack' },
        { goalId: goals[0], assessment: 'atRisk' },
      ],
    });
    expect(twice.json().fields).toEqual({ 'goalAssessments.1.goalId': ['Målet är bedömt två gånger.'] });
    const bad = await s.clients.kultur.post('/api/followups', { ...draft(), goalAssessments: [{ goalId: goals[0], assessment: 'great' }] });
    expect(bad.statusCode).toBe(400);
    expect((await s.clients.kultur.post('/api/followups', { ...draft(), year: 1999 })).statusCode).toBe(400);
  });

  it('keeps the draft from the public and other boards', async () => {
    expect((await s.clients.anon.get(`/api/followups/${id}`)).statusCode).toBe(401);
    expect((await s.clients.social.get(`/api/followups/${id}`)).statusCode).toBe(403);
    expect((await s.clients.kultur.get(`/api/followups/${id}`)).statusCode).toBe(200);
    expect((await s.clients.anon.get(`/api/followups?strategyId=${strategyId}&year=2024`)).json().items).toEqual([]);
    expect((await s.clients.kultur.get(`/api/followups?strategyId=${strategyId}&year=2024`)).json().items).toHaveLength(1);
  });

  it('is submitted once, after which it is public and final', async () => {
    expect((await s.clients.social.post(`/api/followups/${id}/submit`)).statusCode).toBe(403);
    const res = await s.clients.kultur.post(`/api/followups/${id}/submit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'submitted', submittedBy: 'officer.k', submittedAt: '2026-11-23T09:00:00.000Z' });
    expect((await s.clients.anon.get(`/api/followups/${id}`)).json().summary).toBe('Reviderad sammanfattning.');
    const edit = await s.clients.kultur.post('/api/followups', draft());
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toBe('Uppföljningen är inlämnad och kan inte längre ändras.');
    expect((await s.clients.kultur.post(`/api/followups/${id}/submit`)).statusCode).toBe(409);
  });

  it('needs a summary before it is submitted', async () => {
    const empty = await s.clients.social.post('/api/followups', { strategyId, bodyId: s.social, year: 2024 });
    const res = await s.clients.social.post(`/api/followups/${empty.json().id}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toEqual({ summary: ['Skriv en sammanfattning innan uppföljningen lämnas in.'] });
  });
});

describe('follow-up pages', () => {
  it('shows the executive board every board’s follow-up of the year in one table', async () => {
    const page = await s.clients.anon.get(`/strategies/smart-stad/followups/2024`, html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Årlig uppföljning 2024: Smart stad</h1>');
    // Kulturnämnden submitted; Socialnämnden's draft is not public; every reporting board has a row.
    expect(page.body).toContain('1 inlämnade, 0 utkast, 1 saknas.');
    expect(page.body).toMatch(/<th scope="row"><a href="\/strategies\/smart-stad\/followups\/2024\/kulturnamnden">Kulturnämnden<\/a><\/th><td><span>Inlämnad<\/span><\/td><td class="num">1<\/td><td class="num">0<\/td>/);
    expect(page.body).toContain('<th scope="row"><span>Socialnämnden</span></th><td><span>Inte inlämnad</span></td>');
    // Per goal: one board judges "Minska den digitala klyftan" on track.
    expect(page.body).toMatch(/<th scope="row">Minska den digitala klyftan<\/th><td class="num">1<\/td><td class="num">0<\/td>/);
    const staff = await s.clients.social.get(`/strategies/smart-stad/followups/2024`, html);
    expect(staff.body).toContain('1 inlämnade, 1 utkast, 0 saknas.');
    expect(staff.body).toContain('href="/strategies/smart-stad/followups/2024/socialnamnden/edit"');
    expect((await s.clients.anon.get(`/strategies/smart-stad/followups/1999`, html)).statusCode).toBe(404);
  });

  it('lets a board write, save and submit its follow-up through the form', async () => {
    const edit = await s.clients.social.get('/strategies/smart-stad/followups/2024/socialnamnden/edit', html);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(`name="assessment.${goals[0]}"`);
    expect(edit.body).toContain('<legend>Mål 1: Öka andelen digitala ärenden</legend>');
    expect((await s.clients.kultur.get('/strategies/smart-stad/followups/2024/socialnamnden/edit', html)).statusCode).toBe(403);
    expect((await s.clients.anon.get('/strategies/smart-stad/followups/2024/socialnamnden', html)).statusCode).toBe(404);

    const saved = await s.clients.social.form('/strategies/smart-stad/followups/2024/socialnamnden/edit', {
      summary: 'Socialtjänsten har infört e-tjänster för ansökningar.',
      [`assessment.${goals[0]}`]: 'atRisk',
      [`comment.${goals[0]}`]: 'Långsammare än planerat.',
      [`assessment.${goals[1]}`]: '',
      challenges: '',
      nextSteps: 'Fler e-tjänster.',
    });
    expect(saved.statusCode).toBe(303);
    const view = await s.clients.social.get('/strategies/smart-stad/followups/2024/socialnamnden', html);
    expect(view.body).toContain('Utkastet har sparats.');
    expect(view.body).toMatch(/<th scope="row">Öka andelen digitala ärenden<\/th><td>Risk för avvikelse<\/td><td>Långsammare än planerat.<\/td>/);
    expect(view.body).toMatch(/<th scope="row">Minska den digitala klyftan<\/th><td>Ingen bedömning<\/td>/);
    const submitted = await s.clients.social.form('/strategies/smart-stad/followups/2024/socialnamnden/submit', {});
    expect(submitted.statusCode).toBe(303);
    const pub = await s.clients.anon.get('/strategies/smart-stad/followups/2024/socialnamnden', html);
    expect(pub.statusCode).toBe(200);
    expect(pub.body).toContain('<dd>Inlämnad</dd>');
    expect(pub.body).not.toContain('Lämna in uppföljningen');
    expect((await s.clients.anon.get('/strategies/smart-stad/followups/2024', html)).body).toContain('2 inlämnade, 0 utkast, 0 saknas.');
  });

  it('re-shows the submit form with the reason when the summary is missing', async () => {
    await s.clients.social.form('/strategies/smart-stad/followups/2025/socialnamnden/edit', { summary: '' });
    const res = await s.clients.social.form('/strategies/smart-stad/followups/2025/socialnamnden/submit', {});
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('Skriv en sammanfattning innan uppföljningen lämnas in.');
  });
});
