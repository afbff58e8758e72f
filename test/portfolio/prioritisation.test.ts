import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, verifyAuditChain } from '../../src/audit/index.js';
import { getItem, getMeeting } from '../../src/modules/meetings/index.js';
import { anonymous } from '../../src/auth/actor.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';
import { portfolioSetup, project, type PortfolioSetup } from './fixtures.js';

let t: TestApp;
let s: PortfolioSetup;
const ids: Record<string, string> = {};
let roundId: string;

beforeAll(async () => {
  t = await buildTestApp();
  s = await portfolioSetup(t);
  const add = async (key: string, c: 'officer' | 'registrar', body: string, title: string, extra: Record<string, unknown> = {}) => {
    const res = await s.clients[c].post('/api/projects', project(body, title, extra));
    if (res.statusCode !== 201) throw new Error(res.body);
    ids[key] = res.json().id;
  };
  await add('platform', 'registrar', s.bodies.ks, 'Öppen dataplattform', { kind: 'enabling', estimatedCostPerYear: 4_000_000 });
  await add('sensors', 'registrar', s.bodies.ks, 'Sensornätverk', { estimatedCostPerYear: 2_000_000 });
  await add('library', 'officer', s.bodies.kultur, 'Digitala bibliotekstjänster', { estimatedCostPerYear: 3_000_000 });
  await add('inclusion', 'officer', s.bodies.kultur, 'Digital delaktighet', { estimatedCostPerYear: 1_500_000 });
  await add('running', 'registrar', s.bodies.ks, 'E-tjänsteplattform', { estimatedCostPerYear: 5_000_000, status: 'ongoing' });
  // Sensors need the platform; inclusion needs the running e-service platform (met already).
  await s.clients.registrar.patch(`/api/projects/${ids.sensors}`, { dependsOnIds: [ids.platform] });
  await s.clients.officer.patch(`/api/projects/${ids.inclusion}`, { dependsOnIds: [ids.running] });
});
afterAll(() => t.close());

const scoreAll = (projectId: string, scores: [number, number, number, number, number]) =>
  ['goalContribution', 'residentBenefit', 'readiness', 'risk', 'cost'].map((criterion, i) => ({ projectId, criterion, score: scores[i]! }));

describe('a prioritisation round of the digitalisation council', () => {
  it('is opened by a council member of the council, with the default weighted criteria', async () => {
    expect((await s.clients.officer.post('/api/prioritisation-rounds', { councilBodyId: s.bodies.council, title: 'R', year: 2027, budget: 1 })).statusCode).toBe(403);
    expect((await s.clients.anon.post('/api/prioritisation-rounds', { councilBodyId: s.bodies.council, title: 'R', year: 2027, budget: 1 })).statusCode).toBe(401);
    const notCouncil = await s.clients.admin.post('/api/prioritisation-rounds', { councilBodyId: s.bodies.kultur, title: 'R', year: 2027, budget: 1 });
    expect(notCouncil.statusCode).toBe(422);
    expect(notCouncil.json().fields.councilBodyId).toEqual(['Prioriteringen görs av ett digitaliseringsråd.']);
    const dup = await s.clients.council.post('/api/prioritisation-rounds', {
      councilBodyId: s.bodies.council,
      title: 'R',
      year: 2027,
      budget: 1,
      criteria: [
        { key: 'a', labelSv: 'A', labelEn: 'A', weight: 0, inverse: false },
        { key: 'a', labelSv: 'B', labelEn: 'B', weight: 0, inverse: false },
      ],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().fields.criteria).toHaveLength(2);

    const res = await s.clients.council.post('/api/prioritisation-rounds', { councilBodyId: s.bodies.council, title: 'Prioritering 2027', year: 2027, budget: 6_000_000 });
    expect(res.statusCode, res.body).toBe(201);
    const round = res.json();
    roundId = round.id;
    expect(round).toMatchObject({ councilBodyName: 'Digitaliseringsrådet', status: 'open', budget: 6_000_000 });
    expect(round.criteria.map((c: { key: string; weight: number; inverse: boolean }) => [c.key, c.weight, c.inverse])).toEqual([
      ['goalContribution', 3, false],
      ['residentBenefit', 3, false],
      ['readiness', 2, false],
      ['risk', 1, true],
      ['cost', 1, true],
    ]);
    // The candidates are the proposed projects; the running one is not.
    expect(round.candidates.map((c: { title: string }) => c.title).sort()).toEqual(['Digital delaktighet', 'Digitala bibliotekstjänster', 'Sensornätverk', 'Öppen dataplattform']);
  });

  it('takes scores 0–5 per criterion from council members only, and ranks by weighted score', async () => {
    expect((await s.clients.officer.post(`/api/prioritisation-rounds/${roundId}/scores`, { scores: scoreAll(ids.library!, [5, 5, 5, 0, 0]) })).statusCode).toBe(403);
    const badCriterion = await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/scores`, { scores: [{ projectId: ids.library, criterion: 'beauty', score: 3 }] });
    expect(badCriterion.statusCode).toBe(422);
    expect(badCriterion.json().fields).toEqual({ 'scores.0.criterion': ['Kriteriet finns inte i prioriteringen.'] });
    const notCandidate = await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/scores`, { scores: [{ projectId: ids.running, criterion: 'risk', score: 3 }] });
    expect(notCandidate.statusCode).toBe(422);
    expect((await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/scores`, { scores: [{ projectId: ids.library, criterion: 'risk', score: 6 }] })).statusCode).toBe(400);

    // points = 3·g + 3·b + 2·r + 1·(5 − risk) + 1·(5 − cost)
    const res = await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/scores`, {
      scores: [
        ...scoreAll(ids.platform!, [3, 1, 3, 3, 4]), // 9 + 3 + 6 + 2 + 1 = 21
        ...scoreAll(ids.sensors!, [5, 5, 4, 2, 1]), // 15 + 15 + 8 + 3 + 4 = 45
        ...scoreAll(ids.library!, [4, 5, 4, 1, 2]), // 12 + 15 + 8 + 4 + 3 = 42
        ...scoreAll(ids.inclusion!, [4, 4, 3, 1, 1]), // 12 + 12 + 6 + 4 + 4 = 38
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const round = res.json();
    expect(round.candidates.map((c: { title: string; points: number; rank: number; weightedScore: number }) => [c.rank, c.title, c.points, c.weightedScore])).toEqual([
      [1, 'Sensornätverk', 45, 4.5],
      [2, 'Digitala bibliotekstjänster', 42, 4.2],
      [3, 'Digital delaktighet', 38, 3.8],
      [4, 'Öppen dataplattform', 21, 2.1],
    ]);
  });

  it('proposes the best set under the budget with dependencies respected', async () => {
    const round = (await s.clients.anon.get(`/api/prioritisation-rounds/${roundId}`)).json();
    // 6 MSEK: sensors (2) need the platform (4) → 66 points; library + inclusion (4.5 MSEK) → 80 points.
    const title = (id: string) => round.candidates.find((c: { projectId: string }) => c.projectId === id).title;
    expect(round.proposal.selected.map(title).sort()).toEqual(['Digital delaktighet', 'Digitala bibliotekstjänster']);
    expect(round.proposal).toMatchObject({ totalCost: 4_500_000, totalValue: 80, optimal: true });
    expect(round.candidates.find((c: { projectId: string }) => c.projectId === ids.inclusion).dependsOn).toEqual([
      { id: ids.running, title: 'E-tjänsteplattform', status: 'ongoing', satisfied: true },
    ]);
  });

  it('lets the council adjust the selection within the budget and the dependencies', async () => {
    const applied = await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/proposal`, {});
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().selectedTotal).toBe(4_500_000);
    const over = await s.clients.council.request({
      method: 'PUT',
      url: `/api/prioritisation-rounds/${roundId}/selection`,
      payload: { items: [{ projectId: ids.library, selected: true }, { projectId: ids.platform, selected: true }] },
    });
    expect(over.statusCode).toBe(422);
    expect(over.json().fields.items).toEqual(['Urvalet kostar mer än ramen.']);
    const missing = await s.clients.council.request({
      method: 'PUT',
      url: `/api/prioritisation-rounds/${roundId}/selection`,
      payload: { items: [{ projectId: ids.sensors, selected: true }] },
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().fields.items).toEqual(['Ett valt projekt behöver ett projekt som varken är valt eller pågår:', 'Sensornätverk → Öppen dataplattform']);
    // The council funds the library with a smaller amount, and the inclusion project in full.
    const ok = await s.clients.council.request({
      method: 'PUT',
      url: `/api/prioritisation-rounds/${roundId}/selection`,
      payload: {
        items: [
          { projectId: ids.library, selected: true, amount: 2_500_000 },
          { projectId: ids.inclusion, selected: true },
        ],
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().selectedTotal).toBe(4_000_000);
    expect(ok.json().candidates.find((c: { projectId: string }) => c.projectId === ids.library).selection).toEqual({ selected: true, amount: 2_500_000, proposedByTool: true });
  });

  it('records the funding decision as a decision of the council through the meetings module', async () => {
    expect((await s.clients.officer.post(`/api/prioritisation-rounds/${roundId}/decision`, {})).statusCode).toBe(403);
    expect((await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/decision`, { decisionDate: '2027-01-01' })).statusCode).toBe(422);
    const res = await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/decision`, { decisionDate: '2026-11-20', approvers: ['Rolf Rådsledamot'] });
    expect(res.statusCode, res.body).toBe(201);
    const { meetingId, itemId, funded } = res.json();
    expect(funded.sort()).toEqual([ids.library, ids.inclusion].sort());

    // A final, public decision of Digitaliseringsrådet.
    const meeting = await getMeeting({ db: t.database.db, actor: anonymous }, meetingId);
    expect(meeting.meeting).toMatchObject({ bodyId: s.bodies.council, meetingDate: '2026-11-20', status: 'approved', approvers: ['Rolf Rådsledamot'] });
    const item = await getItem({ db: t.database.db, actor: anonymous }, meetingId, itemId);
    expect(item.item.finalOn).toBe('2026-11-20');
    expect(item.item.title).toBe('Prioritering och finansiering av projekt 2027: Prioritering 2027');
    expect(item.item.decisionPoints).toEqual([
      'Digitaliseringsrådet beslutar att finansiera följande projekt år 2027, sammanlagt 4 000 000 kr inom ramen 6 000 000 kr:',
      'Digitala bibliotekstjänster (Kulturnämnden): 2 500 000 kr.',
      'Digital delaktighet (Kulturnämnden): 1 500 000 kr.',
      'Projektägarna rapporterar status per period i Stadsnav.',
    ]);
    expect(item.item.matterText).toContain('Rådet har justerat verktygets förslag');

    const round = (await s.clients.anon.get(`/api/prioritisation-rounds/${roundId}`)).json();
    expect(round).toMatchObject({ status: 'decided', decisionItemId: itemId, decision: { itemId, meetingId, bodyName: 'Digitaliseringsrådet', paragraph: 1, finalOn: '2026-11-20' } });
    const library = (await s.clients.anon.get(`/api/projects/${ids.library}`)).json();
    expect(library.status).toBe('ongoing');
    expect(library.decisions.map((d: { itemId: string; href: string }) => [d.itemId, d.href])).toEqual([[itemId, `/meetings/${meetingId}/items/${itemId}`]]);
    expect((await s.clients.anon.get(`/api/projects/${ids.sensors}`)).json().status).toBe('proposed');

    // Decided: no more scores, selections or decisions (409).
    expect((await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/scores`, { scores: scoreAll(ids.sensors!, [1, 1, 1, 1, 1]) })).statusCode).toBe(409);
    expect((await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/proposal`, {})).statusCode).toBe(409);
    expect((await s.clients.council.post(`/api/prioritisation-rounds/${roundId}/decision`, {})).statusCode).toBe(409);

    const actions = (await t.database.db.select().from(auditLog)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['meetings.meeting.create', 'meetings.item.add', 'meetings.minutes.approve', 'meetings.item.final', 'portfolio.round.decide', 'portfolio.project.funded']));
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('lets the owner link a final decision to another project, but not an unknown or unfinished one', async () => {
    const round = (await s.clients.anon.get(`/api/prioritisation-rounds/${roundId}`)).json();
    const itemId = round.decisionItemId as string;
    expect((await s.clients.officer.post(`/api/projects/${ids.sensors}/decisions`, { itemId })).statusCode).toBe(403);
    const linked = await s.clients.registrar.post(`/api/projects/${ids.sensors}/decisions`, { itemId });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().decisions.map((d: { itemId: string; bodyName: string }) => [d.itemId, d.bodyName])).toEqual([[itemId, 'Digitaliseringsrådet']]);
    // Linking twice changes nothing.
    expect((await s.clients.registrar.post(`/api/projects/${ids.sensors}/decisions`, { itemId })).json().decisions).toHaveLength(1);
    const unknown = await s.clients.registrar.post(`/api/projects/${ids.sensors}/decisions`, { itemId: '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields).toEqual({ itemId: ['Beslutet finns inte.'] });
    // An item of a meeting whose minutes are not approved yet is not a decision to point at.
    const meeting = await s.clients.admin.post('/api/meetings', { bodyId: s.bodies.ks, meetingDate: '2026-11-23' });
    expect(meeting.statusCode, meeting.body).toBe(201);
    const item = await s.clients.admin.post(`/api/meetings/${meeting.json().id}/items`, { title: 'Sensornätverk' });
    expect(item.statusCode, item.body).toBe(201);
    const draft = await s.clients.registrar.post(`/api/projects/${ids.sensors}/decisions`, { itemId: item.json().id });
    expect(draft.statusCode).toBe(422);
    expect(draft.json().fields).toEqual({ itemId: ['Beslutet är inte slutligt (protokollet är inte justerat).'] });
  });

  it('is public: anyone lists the rounds and reads the scores and the decision', async () => {
    const list = await s.clients.anon.get('/api/prioritisation-rounds');
    expect(list.json().items.map((r: { title: string; status: string }) => [r.title, r.status])).toEqual([['Prioritering 2027', 'decided']]);
    const page = await s.clients.anon.get(`/prioritisation/${roundId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Digitaliseringsrådet beslutar att finansiera');
    expect(page.body).not.toContain('name="_csrf" value=""'); // no forms for anonymous readers
  });
});
