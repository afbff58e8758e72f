import { count } from 'drizzle-orm';
import type { Config } from '../config/index.js';
import type { Ctx } from '../core/context.js';
import type { Database } from '../db/client.js';
import { bodies } from '../modules/organisation/schema.js';
import { authRepository, createUser, type Role } from '../auth/index.js';
import { seedOrganisationDemo, findBodyBySlug } from '../modules/organisation/index.js';
import { seedRegistryDemo } from '../modules/registry/index.js';
import { seedReferralDemo } from './referral-round.js';
import { getStrategy, seedStrategyDemo, updateStrategy } from '../modules/strategy/index.js';
import { seedPortfolioDemo } from '../modules/portfolio/index.js';

/** Demo accounts, documented in the README. Only ever created by demo seeding. */
export const DEMO_PASSWORD = 'stadsnav demo konto 2026';
const DEMO_USERS: Array<{ username: string; displayName: string; roles: Array<{ role: Role; body?: string }> }> = [
  { username: 'admin', displayName: 'Ada Administratör', roles: [{ role: 'administrator' }] },
  { username: 'registrator.ks', displayName: 'Rita Registrator (Kommunstyrelsen)', roles: [{ role: 'registrar', body: 'kommunstyrelsen' }] },
  {
    username: 'registrator.hl',
    displayName: 'Hugo Registrator (Hägersten-Liljeholmen)',
    roles: [{ role: 'registrar', body: 'hagersten-liljeholmens-stadsdelsnamnd' }],
  },
  {
    username: 'sekreterare.hl',
    displayName: 'Sara Sekreterare (Hägersten-Liljeholmen)',
    roles: [{ role: 'boardSecretary', body: 'hagersten-liljeholmens-stadsdelsnamnd' }],
  },
  {
    username: 'handlaggare.kultur',
    displayName: 'Anne Lund (Kulturförvaltningen)',
    roles: [{ role: 'caseOfficer', body: 'kulturnamnden' }],
  },
  { username: 'radet', displayName: 'Rolf Rådsledamot', roles: [{ role: 'councilMember', body: 'digitaliseringsradet' }] },
];

/** Seed on first start of the embedded database; never on PostgreSQL unless asked for. */
export async function shouldSeedDemo(database: Database, config: Config): Promise<boolean> {
  if (config.STADSNAV_SEED_DEMO === 'never') return false;
  if (config.STADSNAV_SEED_DEMO === 'always') return true;
  if (database.driver !== 'pglite') return false;
  const [row] = await database.db.select({ n: count() }).from(bodies);
  return (row?.n ?? 0) === 0;
}

/** Idempotent: the organisation, cases, the 2016 referral round and the accounts of the five seed documents. */
export async function seedDemo(ctx: Ctx, progress: (line: string) => void = () => {}): Promise<string> {
  progress('  organisation…');
  const org = await seedOrganisationDemo(ctx);
  progress('  diarium…');
  const registry = await seedRegistryDemo(ctx, org.bodyIdsByName);
  progress('  remissomgång 2016…');
  const round = await seedReferralDemo(ctx, org.bodyIdsByName);
  progress('  strategier…');
  const strategies = await seedStrategyDemo(ctx, { bodyIdsByName: org.bodyIdsByName });
  // The smart-city strategy was consulted on in the 2016 round (its adoption is not in the seeds).
  const smartCity = await getStrategy(ctx.db, strategies.strategyIds.smartCity);
  if (round.referralId && smartCity.referralId !== round.referralId) {
    await updateStrategy(ctx, strategies.strategyIds.smartCity, { referralId: round.referralId });
  }
  progress('  projektportfölj…');
  const portfolio = await seedPortfolioDemo(ctx, { bodyIdsByName: org.bodyIdsByName, strategyId: strategies.strategyIds.smartCity });
  progress('  konton…');
  let users = 0;
  for (const u of DEMO_USERS) {
    if (await authRepository.findUserByUsername(ctx.db, u.username)) continue;
    const roles = [];
    for (const r of u.roles) {
      const body = r.body ? await findBodyBySlug(ctx.db, r.body) : undefined;
      roles.push({ role: r.role, bodyId: body?.id ?? null });
    }
    await createUser(ctx, { username: u.username, displayName: u.displayName, password: DEMO_PASSWORD, roles });
    users++;
  }
  return `Demodata klar: ${JSON.stringify({ ...org.summary, ...registry.summary, ...round.summary, ...strategies.summary, ...portfolio.summary, newAccounts: users })}`;
}
