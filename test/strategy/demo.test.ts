import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import type { Ctx } from '../../src/core/context.js';
import { seedOrganisationDemo } from '../../src/modules/organisation/index.js';
import { CRITICISED_GOALS, E_STRATEGY_TITLE, SMART_CITY_TITLE } from '../../src/modules/strategy/demo.js';
import { followabilityOf, getStrategy, listGoals, seedStrategyDemo, strategyFollowability, type StrategyDemoResult } from '../../src/modules/strategy/index.js';
import { buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { html } from './fixtures.js';

let t: TestApp;
let ctx: Ctx;
let result: StrategyDemoResult;
let bodyIdsByName: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  ctx = { db: t.database.db, clock: t.clock, actor: systemActor('demo') };
  bodyIdsByName = (await seedOrganisationDemo(ctx)).bodyIdsByName;
  result = await seedStrategyDemo(ctx, { bodyIdsByName });
});
afterAll(() => t.close());

describe('the demo strategies', () => {
  it('are created once: a second run changes nothing', async () => {
    expect(result.summary).toEqual({ newStrategies: 2, newGoals: 18, newIndicators: 7, newValues: 56, newFollowups: 3 });
    const again = await seedStrategyDemo(ctx, { bodyIdsByName });
    expect(again.summary).toEqual({ newStrategies: 0, newGoals: 0, newIndicators: 0, newValues: 0, newFollowups: 0 });
    expect(again.strategyIds).toEqual(result.strategyIds);
  });

  it('hold the smart-city strategy as seed 002 describes it', async () => {
    const s = await getStrategy(t.database.db, result.strategyIds.smartCity);
    expect(s).toMatchObject({ title: SMART_CITY_TITLE, ownerBody: { name: 'Kommunstyrelsen' }, currentVersion: 1, changedSinceVersion: false });
    expect(s.vision).toContain('Vision 2040');
    expect(s.goalPicture).toContain('ekologiskt hållbart, ekonomiskt hållbart, socialt hållbart och demokratiskt hållbart');
    const principles = s.elements.filter((e) => e.kind === 'principle');
    expect(principles).toHaveLength(8);
    expect(principles[0]!.title).toBe('Utgå från målgruppernas behov');
    expect(principles[7]!.title).toBe('Förändring drivs genom kommunikation internt och externt');
    expect(s.elements.filter((e) => e.kind === 'enabler').map((e) => e.title)).toEqual(
      expect.arrayContaining(['Gemensamma digitala plattformar', 'Öppna standarder', 'Säkerhet och integritetsskydd', 'Öppna data']),
    );
    expect(s.elements.filter((e) => e.kind === 'costPrinciple')).toHaveLength(3);
    // Every dimension of Vision 2040 is served by some goal.
    expect(new Set(s.goals.flatMap((g) => g.dimensions))).toEqual(new Set(['ecological', 'economic', 'social', 'democratic']));
    expect(s.indicators.every((i) => i.description.includes('påhittade demovärden'))).toBe(true);
    expect(s.latest[s.indicators.find((i) => i.slug === 'andel-arenden-via-e-tjanst')!.id]).toEqual({ period: '2024', value: 66 });
    // The one indicator still without a target is the one finding on the indicators.
    const findings = followabilityOf(s);
    expect(findings.map((f) => f.reason)).toEqual(['indicatorWithoutTarget']);
  });

  it('hold the 2008 e-strategy, and the followability check lists the goals seed 004 criticises', async () => {
    const { strategy, findings } = await strategyFollowability(t.database.db, result.strategyIds.eStrategy);
    expect(strategy.title).toBe(E_STRATEGY_TITLE);
    const s = await getStrategy(t.database.db, strategy.id);
    expect(s.focusAreas.map((f) => f.title)).toEqual([
      'Fokus på invånarnas och näringslivets behov',
      'Organisationsöverskridande service och samverkan',
      'Utvecklingen av den moderna e-förvaltningen',
      'Tekniska förutsättningar och IT-standardiseringar',
      'Gemensamma verksamhetsstöd och kompetensutveckling',
    ]);
    expect(s.goals.filter((g) => g.focusAreaId === null)).toHaveLength(3);

    // Vague goals: exactly focus areas 2, 3 and 5, with the goals the seed criticises; 1 and 4 pass.
    const vague = findings.filter((f) => f.reason === 'vagueGoals');
    expect(vague.map((f) => f.title)).toEqual([s.focusAreas[1]!.title, s.focusAreas[2]!.title, s.focusAreas[4]!.title]);
    expect(vague.map((f) => (f.reason === 'vagueGoals' ? f.goals.map((g) => g.title) : []))).toEqual([CRITICISED_GOALS[2], CRITICISED_GOALS[3], CRITICISED_GOALS[5]]);
    expect(vague[1]!.text.sv).toBe(
      'Insatsområdet ”Utvecklingen av den moderna e-förvaltningen”: 2 av 2 mål är vaga och svåra att följa upp: ”Prioriterad styrning och ledning”, ”Ökad samordning och samverkan”.',
    );
    // No goal has an indicator; the criticised ones have neither owner nor action either.
    const reasonsOf = (title: string) => findings.filter((f) => f.subject === 'goal' && f.title === title).map((f) => f.reason);
    expect(reasonsOf('Prioriterad styrning och ledning')).toEqual(['noIndicator', 'noOwner', 'noAction']);
    expect(reasonsOf('Alla nya IT-system ska följa stadens IT-standarder senast 2009')).toEqual(['noIndicator']);
    expect(findings.filter((f) => f.reason === 'noIndicator')).toHaveLength(s.goals.length);
  });

  it('lists the goals for other modules (the portfolio) and shows the strategies, the dashboard and the follow-ups', async () => {
    const goals = await listGoals(t.database.db);
    expect(goals.filter((g) => g.strategyId === result.strategyIds.smartCity).map((g) => g.title)).toContain('Öka andelen ärenden som inleds digitalt');
    const anon = new Client(t.app);
    const list = await anon.get('/strategies', html);
    expect(list.body).toContain(SMART_CITY_TITLE);
    expect(list.body).toContain(E_STRATEGY_TITLE);
    const page = await anon.get('/strategies/stockholms-stads-e-strategi-uppdatering-2008', html);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h3 id="fa-');
    expect(page.body).toContain('data-reason="vagueGoals"');
    // On the page, one line per goal with all its reasons.
    expect(page.body).toMatch(/>Prioriterad styrning och ledning<\/a>: <span>ingen indikator, ingen ansvarig nämnd, ingen insats.<\/span>/);
    const dashboard = await anon.get('/strategies/strategi-for-stockholm-som-smart-och-uppkopplad-stad/dashboard', html);
    expect(dashboard.statusCode).toBe(200);
    expect((dashboard.body.match(/class="chart-line"/g) ?? []).length).toBe(7);
    const followups = await anon.get('/strategies/strategi-for-stockholm-som-smart-och-uppkopplad-stad/followups/2024', html);
    expect(followups.body).toContain('2 inlämnade, 0 utkast');
  });
});
