import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import type { Ctx } from '../../src/core/context.js';
import { seedOrganisationDemo } from '../../src/modules/organisation/index.js';
import { getProject, getRound, seedPortfolioDemo } from '../../src/modules/portfolio/index.js';
import { seedStrategyDemo } from '../../src/modules/strategy/index.js';
import { anonymous } from '../../src/auth/actor.js';
import { buildTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
let ctx: Ctx;
beforeAll(async () => {
  t = await buildTestApp();
  ctx = { db: t.database.db, clock: t.clock, actor: systemActor('demo') };
});
afterAll(() => t.close());

describe('the portfolio demo', () => {
  it('seeds projects of seeds 002/003 and an open round of Digitaliseringsrådet, idempotently', async () => {
    const org = await seedOrganisationDemo(ctx);
    const strategy = await seedStrategyDemo(ctx, { bodyIdsByName: org.bodyIdsByName });
    const first = await seedPortfolioDemo(ctx, { bodyIdsByName: org.bodyIdsByName, strategyId: strategy.strategyIds.smartCity });
    expect(first.summary).toEqual({ newProjects: 10, newReports: 4, newRounds: 1, newScores: 25 });
    const again = await seedPortfolioDemo(ctx, { bodyIdsByName: org.bodyIdsByName, strategyId: strategy.strategyIds.smartCity });
    expect(again.summary).toEqual({ newProjects: 0, newReports: 0, newRounds: 0, newScores: 0 });
    expect(again.projectIds).toEqual(first.projectIds);

    const read = { db: t.database.db, actor: anonymous };
    const eservices = await getProject(read, first.projectIds.eservices!);
    // (90 × 2 + 60 × 1) / 3 = 80
    expect(eservices.progress).toMatchObject({ progress: 80, fromChildren: true, children: 2 });
    expect(eservices.goals.map((g) => g.title)).toEqual(['Högsta livskvaliteten för stockholmarna', 'Öka andelen ärenden som inleds digitalt']);
    const sensors = await getProject(read, first.projectIds.sensors!);
    expect(sensors.dependsOn.map((d) => d.title).sort()).toEqual(['Gemensam plattform för öppna data', 'Uppkopplingsnät för sakernas internet']);
    expect(sensors.project.description).toContain('påhittade demovärden');

    const round = await getRound(read, first.roundId!);
    expect(round.round).toMatchObject({ status: 'open', councilBodyName: 'Digitaliseringsrådet', budget: 6_000_000 });
    expect(round.proposal.optimal).toBe(true);
    expect(round.proposal.totalCost).toBeLessThanOrEqual(6_000_000);
    // The open data platform needs the classification project: never one without the other.
    const chosen = new Set(round.proposal.selected);
    if (chosen.has(first.projectIds.openData!)) expect(chosen.has(first.projectIds.classification!)).toBe(true);
  });
});
