import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import { seedOrganisationDemo } from '../../src/modules/organisation/index.js';
import { seedStrategyDemo } from '../../src/modules/strategy/index.js';
import { addUser, TEST_PASSWORD } from '../helpers/app.js';
import { seriousViolations, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  const ctx = { db: h.t.database.db, clock: h.t.clock, actor: systemActor('demo') };
  const { bodyIdsByName } = await seedOrganisationDemo(ctx);
  await seedStrategyDemo(ctx, { bodyIdsByName });
  await addUser(h.t, 'kultur', [{ role: 'caseOfficer', bodyId: bodyIdsByName['Kulturnämnden']! }]);
}, 60_000);
afterAll(() => h?.close());

const SMART = '/strategies/strategi-for-stockholm-som-smart-och-uppkopplad-stad';

describe('strategy pages in the browser', () => {
  it('are accessible to anyone: the strategy, the followability check, the dashboard and the follow-ups', async () => {
    const page = await h.browser.newPage();
    for (const path of [
      '/strategies',
      SMART,
      '/strategies/stockholms-stads-e-strategi-uppdatering-2008',
      `${SMART}/dashboard`,
      `${SMART}/dashboard?dimension=social`,
      `${SMART}/followups/2024`,
      `${SMART}/followups/2024/kulturnamnden`,
      `${SMART}/versions/1`,
    ]) {
      const res = await page.goto(`${h.baseUrl}${path}`);
      expect(res?.status(), path).toBe(200);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.goto(`${h.baseUrl}/strategies/stockholms-stads-e-strategi-uppdatering-2008`);
    expect(await page.textContent('.followability')).toContain('Prioriterad styrning och ledning');
    await page.close();
  });

  it('lets the indicator’s board enter a value with the keyboard and shows it in the chart', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/login?next=/indicators/andel-invanare-som-anvander-internet-dagligen`);
    await page.getByLabel('Användarnamn').fill('kultur');
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/indicators/'));
    expect(await page.locator('svg[role="img"] .chart-point').count()).toBe(8);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel(/^Period/).fill('2025');
    await page.getByLabel(/^Värde/).fill('94,5');
    await page.getByRole('button', { name: 'Spara värdet' }).click();
    await page.waitForURL((u) => /^\/indicators\/[0-9a-f-]{36}$/.test(u.pathname));
    expect(await page.textContent('.flash')).toContain('Värdet för 2025 har sparats.');
    expect(await page.locator('svg[role="img"] .chart-point').count()).toBe(9);
    expect(await page.textContent('.chart-data')).toContain('94,5 %');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
