import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodies } from '../../src/modules/organisation/schema.js';
import { addUser, TEST_PASSWORD } from '../helpers/app.js';
import { seriousViolations, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  const now = h.t.clock.now();
  const [body] = await h.t.database.db
    .insert(bodies)
    .values({
      slug: 'kulturnamnden',
      name: 'Kulturnämnden',
      kind: 'specialistBoard',
      registryPattern: '171-{seq}/{year}',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await addUser(h.t, 'registrator', [{ role: 'registrar', bodyId: body!.id }]);
}, 60_000);
afterAll(() => h?.close());

describe('a registrar registers a case in the browser', () => {
  it('logs in, fills in the form with the keyboard and gets a registry number', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/login?next=/registry/cases/new`);
    await page.getByLabel('Användarnamn').fill('registrator');
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${h.baseUrl}/registry/cases/new`);
    expect(await seriousViolations(page)).toEqual([]);

    // Submitting without a subject shows the error summary, which takes focus.
    await page.getByRole('button', { name: 'Registrera ärendet' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className)).toContain('error-summary');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Ärendemening (rubrik)').fill('Remiss: Strategi för Stockholm som smart och uppkopplad stad');
    await page.getByRole('button', { name: 'Registrera ärendet' }).click();
    await page.waitForURL(/\/registry\/cases\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain('171-1/2026');
    expect(await page.textContent('main')).toContain('Strategi för Stockholm som smart och uppkopplad stad');
    expect(await seriousViolations(page)).toEqual([]);

    // The public registry lists it for anyone.
    const anonymous = await h.browser.newPage();
    await anonymous.goto(`${h.baseUrl}/registry`);
    expect(await anonymous.textContent('main')).toContain('171-1/2026');
    expect(await seriousViolations(anonymous)).toEqual([]);
    await anonymous.close();
    await page.close();
  });
});
