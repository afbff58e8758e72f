import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import type { Ctx } from '../../src/core/context.js';
import { createBody } from '../../src/modules/organisation/index.js';
import { createProject, createRound } from '../../src/modules/portfolio/index.js';
import { addUser, TEST_PASSWORD } from '../helpers/app.js';
import { seriousViolations, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;
let roundId: string;
const PROJECTS = [
  { title: 'Gemensam plattform för öppna data', owner: 'ks', kind: 'enabling', cost: 4_000_000 },
  { title: 'Bibliotekens digitala tjänster', owner: 'kultur', kind: 'operational', cost: 1_800_000 },
  { title: 'Digital delaktighet för alla invånare', owner: 'kultur', kind: 'operational', cost: 1_200_000 },
] as const;
// goal contribution, benefit for residents, readiness, risk (inverse), cost (inverse)
const SCORES: Record<string, string[]> = {
  'Gemensam plattform för öppna data': ['4', '2', '3', '3', '4'],
  'Bibliotekens digitala tjänster': ['4', '5', '4', '2', '2'],
  'Digital delaktighet för alla invånare': ['5', '5', '3', '2', '1'],
};
const CRITERIA = ['Bidrag till strategins mål', 'Nytta för invånarna', 'Mognad att genomföra', 'Risk (hög risk ger lägre poäng)', 'Kostnad (hög kostnad ger lägre poäng)'];

beforeAll(async () => {
  h = await startBrowserHarness();
  const ctx: Ctx = { db: h.t.database.db, clock: h.t.clock, actor: systemActor('test') };
  const council = (await createBody(ctx, { name: 'Digitaliseringsrådet', kind: 'digitalisationCouncil' })).id;
  const bodies = {
    ks: (await createBody(ctx, { name: 'Kommunstyrelsen', kind: 'executiveBoard' })).id,
    kultur: (await createBody(ctx, { name: 'Kulturnämnden', kind: 'specialistBoard' })).id,
  };
  for (const p of PROJECTS) await createProject(ctx, { title: p.title, kind: p.kind, ownerBodyId: bodies[p.owner], estimatedCostPerYear: p.cost });
  roundId = (await createRound(ctx, { councilBodyId: council, title: 'Prioritering 2027', year: 2027, budget: 3_500_000 })).id;
  await addUser(h.t, 'radet', [{ role: 'councilMember', bodyId: council }]);
  await addUser(h.t, 'admin', [{ role: 'administrator' }]);
}, 60_000);
afterAll(() => h?.close());

describe('the council prioritises in the browser', () => {
  it('scores three projects, accepts the proposed set and records the funding decision', async () => {
    const page = await h.browser.newPage();
    const url = `${h.baseUrl}/prioritisation/${roundId}`;
    await page.goto(`${h.baseUrl}/login?next=/prioritisation/${roundId}`);
    await page.getByLabel('Användarnamn').fill('radet');
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(url);
    expect(await seriousViolations(page)).toEqual([]);

    for (const [title, scores] of Object.entries(SCORES)) {
      for (const [i, criterion] of CRITERIA.entries()) {
        await page.getByLabel(`${title}: ${criterion}`, { exact: true }).selectOption(scores[i]!);
      }
    }
    await page.getByRole('button', { name: 'Spara poängen' }).click();
    await page.waitForURL(`${url}#ranking`);
    expect(await page.getByRole('status').textContent()).toBe('Poängen har sparats (15 ändrade).');
    // The ranking: 3·g + 3·b + 2·r + (5 − risk) + (5 − cost), divided by 10.
    const ranking = page.getByRole('table', { name: 'Föreslagna projekt efter viktad poäng (0–5)' });
    const rows = await ranking.locator('tbody tr').allTextContents();
    expect(rows[0]).toContain('Digital delaktighet för alla invånare');
    expect(rows[0]).toContain('4,30');
    expect(rows[1]).toContain('Bibliotekens digitala tjänster');
    expect(rows[2]).toContain('Gemensam plattform för öppna data');
    // 3.5 MSEK: the two operational projects (3 MSEK) beat the platform alone (4 MSEK does not fit).
    const proposal = page.locator('section[aria-labelledby="proposal"]');
    expect(await proposal.textContent()).toContain('2 projekt för sammanlagt 3');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Använd förslaget som urval' }).click();
    await page.waitForURL(`${url}#selection`);
    expect(await page.getByLabel('Finansiera Bibliotekens digitala tjänster').isChecked()).toBe(true);
    expect(await page.getByLabel('Finansiera Digital delaktighet för alla invånare').isChecked()).toBe(true);
    expect(await page.getByLabel('Finansiera Gemensam plattform för öppna data').isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Fatta och protokollför beslutet' }).click();
    await page.waitForURL(`${url}#decided`);
    expect(await page.getByRole('status').textContent()).toBe('Finansieringsbeslutet har protokollförts.');
    const decided = (await page.locator('main').textContent())!.replace(/\u00a0/g, ' ');
    expect(decided).toContain('Digitaliseringsrådet beslutar att finansiera följande projekt år 2027, sammanlagt 3 000 000 kr inom ramen 3 500 000 kr:');
    expect(decided).toContain('Digital delaktighet för alla invånare (Kulturnämnden): 1 200 000 kr.');
    expect(decided).toContain('Beslutad');
    expect(await seriousViolations(page)).toEqual([]);

    // The decision is the council's own, public decision (§ 1 of its meeting).
    await page.getByRole('link', { name: /Digitaliseringsrådet .* § 1: Prioritering och finansiering av projekt 2027/ }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}\/items\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain('Bibliotekens digitala tjänster (Kulturnämnden)');
    await page.close();
  });

  it('keeps the other portfolio pages accessible: projects, a project, the forms and the combined picture', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/login?next=/projects`);
    await page.getByLabel('Användarnamn').fill('radet');
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${h.baseUrl}/projects`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Bibliotekens digitala tjänster' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain('Prioritering och finansiering av projekt 2027');
    expect(await seriousViolations(page)).toEqual([]);
    for (const path of ['/dashboard', '/prioritisation', '/dashboard?lang=en']) {
      await page.goto(`${h.baseUrl}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.close();
  });

  it('keeps the writers’ forms accessible: new project, import, and the forms on a project page', async () => {
    const page = await h.browser.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${h.baseUrl}/login?next=/projects/new`);
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${h.baseUrl}/projects/new`);
    expect(await seriousViolations(page)).toEqual([]);
    // A mistake shows the error summary, which takes focus.
    await page.getByRole('button', { name: 'Lämna in projektet' }).click();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className)).toContain('error-summary');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Projektets namn').fill('Digital kompetens för chefer och medarbetare');
    await page.getByLabel(/^Bibliotekens digitala tjänster \(Kulturnämnden/).check();
    await page.getByRole('button', { name: 'Lämna in projektet' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    expect(await page.textContent('main')).toContain('Projektet behöver');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel(/^Period/).fill('2026-T3');
    await page.getByLabel(/^Framdrift i procent/).fill('25');
    await page.getByRole('button', { name: 'Spara rapporten' }).click();
    await page.waitForURL(/#reports$/);
    expect(await page.textContent('main')).toContain('2026-T3');
    await page.goto(`${h.baseUrl}/projects/import`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
