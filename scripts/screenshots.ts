/**
 * Screenshots for the guides in docs/: `npm run docs:screenshots [-- referrals]`.
 * Seeds the demo into an in-memory database, serves the app on a loopback port and photographs
 * pages with Debian's Chromium (1280 px wide, Swedish). Nothing is written but docs/images/*.png.
 */
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../src/config/index.js';
import { systemClock } from '../src/core/clock.js';
import { systemActor } from '../src/auth/index.js';
import { createDb } from '../src/db/client.js';
import { buildApp } from '../src/http/app.js';
import { seedDemo, DEMO_PASSWORD } from '../src/demo/seed.js';

const database = await createDb({ dataDir: 'memory://' });
await database.migrate();
await seedDemo({ db: database.db, clock: systemClock, actor: systemActor('demo') }, (l) => process.stderr.write(`${l}\n`));
const app = await buildApp({ database, config: loadConfig({ ...process.env, STADSNAV_LOG_LEVEL: 'silent', MAIL_FLUSH_INTERVAL_MS: '0' }), clock: systemClock, logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });

async function session(username?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'sv-SE' });
  const page = await context.newPage();
  if (username) {
    await page.goto(`${base}/login`);
    await page.fill('#f-username', username);
    await page.fill('#f-password', DEMO_PASSWORD);
    await page.click('button[type=submit]');
  }
  return page;
}

async function shot(page: Page, path: string, name: string, fullPage = false) {
  await page.goto(`${base}${path}`);
  await page.screenshot({ path: `docs/images/${name}.png`, fullPage });
  process.stderr.write(`docs/images/${name}.png ← ${path}\n`);
}

const referralId = (await (await fetch(`${base}/api/referrals?q=smart`)).json()).items[0].id as string;
const referral = await (await fetch(`${base}/api/referrals/${referralId}`)).json();
const recipient = (name: string) => referral.recipients.find((r: { bodyName: string }) => r.bodyName.startsWith(name));

const ks = await session('registrator.ks');
await shot(ks, `/referrals/${referralId}`, 'referral-tracking', true);
await shot(ks, `/referrals/${referralId}/recipients/${recipient('Kulturnämnden').id}`, 'referral-timeline');
await shot(ks, `/referrals/${referralId}/compilation`, 'referral-compilation');
// The reservations by party and the first theme, where the page is long.
for (const [heading, name] of [
  ['Reservationer', 'compilation-reservations'],
  ['Återkommande teman', 'compilation-themes'],
] as const) {
  const h = ks.locator('h2', { hasText: heading }).first();
  if (await h.count()) {
    await h.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await ks.screenshot({ path: `docs/images/${name}.png` });
    process.stderr.write(`docs/images/${name}.png\n`);
  }
}
await shot(ks, '/referrals/new', 'referral-new');

const hl = await session('sekreterare.hl');
const meetings = await (await fetch(`${base}/api/meetings?pageSize=50`)).json();
const hlMeeting = (meetings.items ?? meetings).find((m: { bodyName?: string }) => m.bodyName?.startsWith('Hägersten'));
if (hlMeeting) {
  await shot(hl, `/meetings/${hlMeeting.id}`, 'meeting');
  const detail = await (await fetch(`${base}/api/meetings/${hlMeeting.id}`)).json();
  const item = (detail.items ?? detail.agenda ?? [])[0];
  if (item) await shot(hl, `/meetings/${hlMeeting.id}/items/${item.id}/extract`, 'protocol-extract');
}
const culture = recipient('Kulturnämnden');
const statements = await (await fetch(`${base}/api/statements?caseId=${culture.caseId}`)).json();
const statementId = (statements.items ?? statements)[0]?.id;
const kultur = await session('handlaggare.kultur');
if (statementId) await shot(kultur, `/statements/${statementId}`, 'statement');

// Strategy, indicators, portfolio and prioritisation (issue 5).
const anon = await session();
const strategies = (await (await fetch(`${base}/api/strategies`)).json()).items as Array<{ slug: string; title: string }>;
const smart = strategies.find((x) => x.title.includes('smart och uppkopplad'));
const eStrategy = strategies.find((x) => x.title.includes('e-strategi'));
if (smart) {
  await shot(anon, `/strategies/${smart.slug}`, 'strategy');
  await shot(anon, `/strategies/${smart.slug}/dashboard`, 'strategy-dashboard');
  const detail = await (await fetch(`${base}/api/strategies/${smart.slug}`)).json();
  const indicator = detail.indicators?.[0];
  if (indicator) await shot(anon, `/indicators/${indicator.id}`, 'indicator');
}
if (eStrategy) {
  await anon.goto(`${base}/strategies/${eStrategy.slug}`);
  const findings = anon.locator('h2', { hasText: /Följbarhet|följa upp/i }).first();
  if (await findings.count()) await findings.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await anon.screenshot({ path: 'docs/images/followability.png' });
  process.stderr.write('docs/images/followability.png\n');
}
await shot(anon, '/projects', 'projects');
await shot(anon, '/dashboard', 'dashboard');
const council = await session('radet');
const rounds = await (await fetch(`${base}/api/prioritisation-rounds`)).json();
const round = (rounds.items ?? rounds)[0];
if (round) await shot(council, `/prioritisation/${round.id}`, 'prioritisation');

await browser.close();
await app.close();
await database.close();
