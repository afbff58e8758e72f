import { systemActor } from '../../src/auth/actor.js';
import type { Ctx } from '../../src/core/context.js';
import { createBody } from '../../src/modules/organisation/index.js';
import { addGoal, createIndicator, createStrategy, recordIndicatorValue } from '../../src/modules/strategy/index.js';
import { addUser, Client, type TestApp } from '../helpers/app.js';

/**
 * Bodies, people and a small strategy for the portfolio tests:
 * - Kulturnämnden (a board) with a case officer `officer.k`, Kommunstyrelsen with a registrar
 *   `registrar.ks`, Digitaliseringsrådet (the council) with a council member `council`;
 * - `member.k` (board member of Kulturnämnden), `officer.s` (case officer of Socialnämnden);
 * - a strategy with two goals (social/democratic and economic), one indicator with values.
 */
export async function portfolioSetup(t: TestApp) {
  const ctx: Ctx = { db: t.database.db, clock: t.clock, actor: systemActor('test') };
  const body = async (name: string, kind: Parameters<typeof createBody>[1]['kind']) => (await createBody(ctx, { name, kind })).id;
  const bodies = {
    kultur: await body('Kulturnämnden', 'specialistBoard'),
    social: await body('Socialnämnden', 'specialistBoard'),
    ks: await body('Kommunstyrelsen', 'executiveBoard'),
    council: await body('Digitaliseringsrådet', 'digitalisationCouncil'),
  };
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  await addUser(t, 'officer.k', [{ role: 'caseOfficer', bodyId: bodies.kultur }]);
  await addUser(t, 'registrar.ks', [{ role: 'registrar', bodyId: bodies.ks }]);
  await addUser(t, 'council', [{ role: 'councilMember', bodyId: bodies.council }]);
  await addUser(t, 'member.k', [{ role: 'boardMember', bodyId: bodies.kultur }]);
  await addUser(t, 'officer.s', [{ role: 'caseOfficer', bodyId: bodies.social }]);

  const strategy = await createStrategy(ctx, { title: 'Strategi för Stockholm som smart och uppkopplad stad', ownerBodyId: bodies.ks });
  const goals = {
    life: (await addGoal(ctx, strategy.id, { title: 'Högsta livskvaliteten för stockholmarna', dimensions: ['social', 'democratic'], ownerBodyId: bodies.ks })).id,
    business: (await addGoal(ctx, strategy.id, { title: 'Bästa klimatet för företagande', dimensions: ['economic'], ownerBodyId: bodies.ks })).id,
  };
  const indicator = await createIndicator(ctx, { goalId: goals.life, name: 'Andel ärenden som kan skötas digitalt', unit: '%', baseline: 40, baselinePeriod: '2016', target: 80, targetPeriod: '2030' });
  await recordIndicatorValue(ctx, indicator.id, '2016', { value: 40 });
  await recordIndicatorValue(ctx, indicator.id, '2020', { value: 55 });

  const client = async (username?: string) => {
    const c = new Client(t.app);
    if (username) {
      const res = await c.login(username);
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.body}`);
    }
    return c;
  };
  const clients = {
    anon: await client(),
    admin: await client('admin'),
    officer: await client('officer.k'),
    registrar: await client('registrar.ks'),
    council: await client('council'),
    member: await client('member.k'),
    other: await client('officer.s'),
  };
  return { ctx, bodies, strategyId: strategy.id, goals, indicatorId: indicator.id, clients };
}

export type PortfolioSetup = Awaited<ReturnType<typeof portfolioSetup>>;

export const project = (ownerBodyId: string, title: string, extra: Record<string, unknown> = {}) => ({
  title,
  kind: 'operational',
  ownerBodyId,
  estimatedCostPerYear: 1_000_000,
  ...extra,
});
