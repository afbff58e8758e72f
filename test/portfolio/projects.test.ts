import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/audit/index.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { portfolioSetup, project, type PortfolioSetup } from './fixtures.js';

let t: TestApp;
let s: PortfolioSetup;
beforeAll(async () => {
  t = await buildTestApp();
  s = await portfolioSetup(t);
});
afterAll(() => t.close());

describe('projects', () => {
  let libraryId: string;
  let platformId: string;

  it('are submitted by the owner body’s staff, with goals (and the strategy they belong to)', async () => {
    const res = await s.clients.officer.post('/api/projects', {
      ...project(s.bodies.kultur, 'Digitala bibliotekstjänster'),
      description: 'E-tjänster för lån och evenemang.',
      benefits: 'Enklare service.',
      risks: 'Användardata.',
      goalIds: [s.goals.life],
      startDate: '2027-01-01',
      endDate: '2028-12-31',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    libraryId = body.id;
    expect(body).toMatchObject({
      title: 'Digitala bibliotekstjänster',
      kind: 'operational',
      status: 'proposed',
      ownerBodyName: 'Kulturnämnden',
      strategyId: s.strategyId,
      estimatedCostPerYear: 1_000_000,
      costBearing: 'owner',
      goals: [{ id: s.goals.life, title: 'Högsta livskvaliteten för stockholmarna', dimensions: ['social', 'democratic'] }],
      progress: { percent: 0, fromChildren: false, period: null },
      submittedBy: 'officer.k',
    });
  });

  it('refuses staff of other bodies (403), board members (403) and anonymous writers (401)', async () => {
    expect((await s.clients.other.post('/api/projects', project(s.bodies.kultur, 'X'))).statusCode).toBe(403);
    expect((await s.clients.member.post('/api/projects', project(s.bodies.kultur, 'X'))).statusCode).toBe(403);
    expect((await s.clients.anon.post('/api/projects', project(s.bodies.kultur, 'X'))).statusCode).toBe(401);
    expect((await s.clients.other.patch(`/api/projects/${libraryId}`, { title: 'Y' })).statusCode).toBe(403);
    expect((await s.clients.council.post(`/api/projects/${libraryId}/status`, { status: 'cancelled' })).statusCode).toBe(403);
    expect((await s.clients.anon.post(`/api/projects/${libraryId}/reports`, { period: '2027', progress: 5 })).statusCode).toBe(401);
  });

  it('are public: anyone reads the list and a project', async () => {
    const list = await s.clients.anon.get('/api/projects');
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((p: { title: string }) => p.title)).toEqual(['Digitala bibliotekstjänster']);
    expect((await s.clients.anon.get(`/api/projects/${libraryId}`)).json().title).toBe('Digitala bibliotekstjänster');
    expect((await s.clients.anon.get('/api/projects/0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b')).statusCode).toBe(404);
    expect((await s.clients.anon.get('/api/projects/not-a-uuid')).statusCode).toBe(400);
  });

  it('check their input: 400 for the shape, 422 for what needs the database or several fields', async () => {
    const bad = await s.clients.officer.post('/api/projects', { ...project(s.bodies.kultur, ''), kind: 'unknown', estimatedCostPerYear: -5 });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields).sort()).toEqual(['body.estimatedCostPerYear', 'body.kind', 'body.title']);
    const shared = await s.clients.officer.post('/api/projects', { ...project(s.bodies.kultur, 'Delad'), costBearing: 'shared', startDate: '2027-02-01', endDate: '2027-01-01' });
    expect(shared.statusCode).toBe(422);
    expect(shared.json().fields).toEqual({ costKey: ['Ange hur den delade kostnaden fördelas.'], endDate: ['Slutet kan inte vara före starten.'] });
    const unknownGoal = await s.clients.officer.post('/api/projects', { ...project(s.bodies.kultur, 'Z'), goalIds: ['0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b'] });
    expect(unknownGoal.statusCode).toBe(422);
    expect(unknownGoal.json().fields.goalIds).toEqual(['Ett av målen finns inte.']);
  });

  it('depend on each other, and a cycle is refused with the cycle by title', async () => {
    const platform = await s.clients.registrar.post('/api/projects', {
      ...project(s.bodies.ks, 'Öppen dataplattform'),
      kind: 'enabling',
      costBearing: 'shared',
      costKey: 'lika delar mellan nämnderna',
      estimatedCostPerYear: 4_000_000,
    });
    expect(platform.statusCode, platform.body).toBe(201);
    platformId = platform.json().id;
    const dep = await s.clients.officer.patch(`/api/projects/${libraryId}`, { dependsOnIds: [platformId] });
    expect(dep.statusCode, dep.body).toBe(200);
    expect(dep.json().dependsOn).toEqual([{ id: platformId, title: 'Öppen dataplattform', status: 'proposed', ownerBodyName: 'Kommunstyrelsen' }]);
    expect((await s.clients.anon.get(`/api/projects/${platformId}`)).json().dependents.map((d: { id: string }) => d.id)).toEqual([libraryId]);

    const cycle = await s.clients.registrar.patch(`/api/projects/${platformId}`, { dependsOnIds: [libraryId] });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().fields.dependsOnIds).toEqual([
      'Beroendena skulle bilda en cirkel: ett projekt kan inte (via andra projekt) vara beroende av sig självt. Cirkeln:',
      'Öppen dataplattform → Digitala bibliotekstjänster → Öppen dataplattform',
    ]);
    const self = await s.clients.registrar.patch(`/api/projects/${platformId}?lang=en`, { dependsOnIds: [platformId] });
    expect(self.statusCode).toBe(422);
    expect(self.json().fields.dependsOnIds).toEqual(['A project cannot depend on itself.']);
  });

  it('roll their progress up from sub-projects by weight', async () => {
    const child = async (title: string, weight: number) =>
      (await s.clients.officer.post('/api/projects', { ...project(s.bodies.kultur, title), parentId: libraryId, weight, status: 'ongoing' })).json().id as string;
    const loans = await child('E-tjänst för lån', 3);
    const events = await child('Evenemangskalender', 1);
    expect((await s.clients.officer.post(`/api/projects/${loans}/reports`, { period: '2027-T1', progress: 40, spent: 300_000, budget: 500_000 })).statusCode).toBe(201);
    const r = await s.clients.officer.post(`/api/projects/${events}/reports`, {
      period: '2027-T1',
      progress: 80,
      milestones: [{ title: 'Upphandling klar', due: '2027-03-31', done: true }],
      narrative: 'Enligt plan.',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().latestReport).toMatchObject({ period: '2027-T1', progress: 80, milestones: [{ title: 'Upphandling klar', due: '2027-03-31', done: true }], reportedBy: 'officer.k' });
    // (40 × 3 + 80 × 1) / 4 = 50
    const parent = (await s.clients.anon.get(`/api/projects/${libraryId}`)).json();
    expect(parent.progress).toEqual({ percent: 50, fromChildren: true, period: null });
    expect(parent.children.map((c: { title: string; progress: number }) => [c.title, c.progress])).toEqual([
      ['E-tjänst för lån', 40],
      ['Evenemangskalender', 80],
    ]);
    // Reporting the same period again replaces the report.
    await s.clients.officer.post(`/api/projects/${loans}/reports`, { period: '2027-T1', progress: 60, spent: 350_000, budget: 500_000 });
    expect((await s.clients.anon.get(`/api/projects/${libraryId}`)).json().progress.percent).toBe(65);
    // A parent cannot become its own child's child.
    const loop = await s.clients.officer.patch(`/api/projects/${libraryId}`, { parentId: loans });
    expect(loop.statusCode).toBe(422);
    expect(loop.json().fields.parentId[1]).toBe('Digitala bibliotekstjänster → E-tjänst för lån → Digitala bibliotekstjänster');
    const period = await s.clients.officer.post(`/api/projects/${loans}/reports`, { period: '2027-T4', progress: 10 });
    expect(period.statusCode).toBe(400);
  });

  it('change status and are audited', async () => {
    const res = await s.clients.officer.post(`/api/projects/${libraryId}/status`, { status: 'paused', note: 'Väntar på plattformen' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('paused');
    await s.clients.officer.post(`/api/projects/${libraryId}/status`, { status: 'proposed' });
    const entries = (await t.database.db.select().from(auditLog)).filter((e) => e.subjectId === libraryId).map((e) => e.action);
    expect(entries).toEqual(['portfolio.project.create', 'portfolio.project.update', 'portfolio.project.status', 'portfolio.project.status']);
  });

  it('filter by body, status, kind, goal and dimension', async () => {
    const titles = async (q: string) => (await s.clients.anon.get(`/api/projects?${q}`)).json().items.map((p: { title: string }) => p.title);
    expect(await titles(`bodyId=${s.bodies.ks}`)).toEqual(['Öppen dataplattform']);
    expect(await titles('kind=enabling')).toEqual(['Öppen dataplattform']);
    expect(await titles('status=ongoing')).toEqual(['E-tjänst för lån', 'Evenemangskalender']);
    expect(await titles(`goalId=${s.goals.life}`)).toEqual(['Digitala bibliotekstjänster']);
    expect(await titles('dimension=democratic')).toEqual(['Digitala bibliotekstjänster']);
    expect(await titles('dimension=economic')).toEqual([]);
    expect(await titles('q=plattform')).toEqual(['Öppen dataplattform']);
  });

  it('give the combined picture', async () => {
    const res = await s.clients.anon.get('/api/projects/summary');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.total).toBe(4);
    expect(o.byStatus).toEqual([
      { status: 'proposed', count: 2 },
      { status: 'ongoing', count: 2 },
      { status: 'paused', count: 0 },
      { status: 'completed', count: 0 },
      { status: 'cancelled', count: 0 },
    ]);
    const kultur = o.byBody.find((b: { bodyName: string }) => b.bodyName === 'Kulturnämnden');
    expect(kultur).toMatchObject({ projects: 3, estimatedCost: 3_000_000, budget: 500_000, spent: 350_000, progress: 70 });
  });
});
