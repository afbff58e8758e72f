import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, TEST_PASSWORD } from '../helpers/app.js';
import { seriousViolations, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  await addUser(h.t, 'admin', [{ role: 'administrator' }]);
}, 60_000);
afterAll(() => h?.close());

describe('browser smoke test', () => {
  it('shows an accessible start page and login form, and logs in with the keyboard', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${h.baseUrl}/login`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Användarnamn').fill('admin');
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${h.baseUrl}/`);
    expect(await page.textContent('header')).toContain('admin');
    await page.close();
  });
});
