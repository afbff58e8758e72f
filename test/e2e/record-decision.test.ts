import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import { LIBERAL_POINTS, LIBERAL_TEXT, SEED_000 } from '../../src/modules/meetings/index.js';
import { bodies } from '../../src/modules/organisation/schema.js';
import { addMembership, createParty, createPerson } from '../../src/modules/organisation/index.js';
import { registerCase } from '../../src/modules/registry/index.js';
import { addUser, TEST_PASSWORD } from '../helpers/app.js';
import { seriousViolations, startBrowserHarness, type BrowserHarness } from '../helpers/browser.js';

/** A board secretary records the decision of seed 000 through the forms, approves it and opens the extract. */
let h: BrowserHarness;
beforeAll(async () => {
  h = await startBrowserHarness();
  const now = h.t.clock.now();
  const [body] = await h.t.database.db
    .insert(bodies)
    .values({
      slug: 'hagersten-liljeholmens-stadsdelsnamnd',
      name: 'Hägersten-Liljeholmens stadsdelsnämnd',
      kind: 'districtBoard',
      registryPattern: '{seq}-{year}-{class}',
      defaultClassCode: '1.5.1',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const system = { db: h.t.database.db, clock: h.t.clock, actor: systemActor('test') };
  // Members of the board on the meeting day, to tick in the attendance form.
  const members: Array<[string, string, string]> = [
    ['Kerstin Ordförande', 'S', 'Socialdemokraterna'],
    ['Jessica Jormtun', 'MP', 'Miljöpartiet'],
    ['Lars Svärd', 'M', 'Moderaterna'],
    ['Abit Dundar', 'L', 'Liberalerna'],
  ];
  for (const [name, abbreviation, partyName] of members) {
    const party = await createParty(system, { abbreviation, name: partyName });
    const person = await createPerson(system, { name, partyId: party.id });
    await addMembership(system, body!.id, { personId: person.id, role: name.includes('Ordförande') ? 'chair' : 'member', fromDate: '2015-01-01' });
  }
  await registerCase(
    system,
    { bodyId: body!.id, title: 'Strategi för Stockholm som smart och uppkopplad stad – remiss från kommunstyrelsen', existingNumber: '304-2016-1.5.1', year: 2016, registeredOn: '2016-08-30' },
  );
  await addUser(h.t, 'sekreterare', [{ role: 'boardSecretary', bodyId: body!.id }]);
}, 60_000);
afterAll(() => h?.close());

const normalise = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('a board secretary records a decision in the browser', () => {
  it('creates the meeting, records § 13 of seed 000 through the forms, approves the minutes and opens the extract', async () => {
    const page = await h.browser.newPage();
    await page.goto(`${h.baseUrl}/login?next=/meetings/new`);
    await page.getByLabel('Användarnamn').fill('sekreterare');
    await page.getByLabel('Lösenord').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(`${h.baseUrl}/meetings/new`);
    expect(await seriousViolations(page)).toEqual([]);

    // The meeting.
    await page.getByLabel('Datum').fill(SEED_000.meetingDate);
    await page.getByLabel('Tid').fill('18:00');
    await page.getByLabel('Plats').fill('Årstaängsvägen 21');
    await page.getByRole('button', { name: 'Skapa sammanträdet' }).click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    const meetingUrl = page.url();
    expect(await seriousViolations(page)).toEqual([]);

    // Attendance, ticked from the board's members, and a serving substitute typed in.
    await page.getByRole('link', { name: 'Registrera närvaro' }).click();
    await page.waitForURL(`${meetingUrl}/attendance`);
    expect(await seriousViolations(page)).toEqual([]);
    for (const name of ['Kerstin Ordförande (S)', 'Jessica Jormtun (MP)', 'Lars Svärd (M)', 'Abit Dundar (L)']) await page.getByLabel(name).check();
    await page.getByLabel('Övriga närvarande').fill('Tjänstgörande ersättaren Eva Fagerhem (S) ersätter Nils Frånvarande (S)');
    await page.getByRole('button', { name: 'Spara närvaron' }).click();
    await page.waitForURL(meetingUrl);
    const attendance = normalise(await page.innerText('main'));
    expect(attendance).toContain('Kerstin Ordförande S Ordförande');
    expect(attendance).toContain('Eva Fagerhem S Tjänstgörande ersättare Nils Frånvarande (S)');

    // § 13 on the agenda, linked to the case by its Dnr.
    await page.getByLabel('Paragraf (§)').fill('13');
    await page.getByLabel(/^Rubrik/).fill('Strategi för Stockholm som smart och uppkopplad stad');
    await page.getByLabel('Underrubrik').fill('Yttrande till kommunstyrelsen');
    await page.getByLabel('Diarienummer (Dnr)').fill('304-2016-1.5.1');
    await page.getByRole('button', { name: 'Lägg till ärendet' }).click();
    await page.waitForURL(/\/items\/[0-9a-f-]{36}\/edit$/);
    const itemUrl = page.url().replace(/\/edit$/, '');
    expect(await seriousViolations(page)).toEqual([]);

    // The proposals: the four supporting the administration, then L's own (added with "add another").
    const item = SEED_000.item;
    await page.getByLabel('Ärendet (sammanfattning i protokollet)').fill(item.matterText!);
    const first = page.getByRole('group', { name: 'Förslag 1' });
    await first.getByLabel('Ledamöter', { exact: true }).fill('Jessica Jormtun m.fl. (MP)\nEva Fagerhem m.fl. (S)\nCarita Stenbacka Tenezakis (V)\nLars Svärd m.fl. (M)');
    await page.getByRole('button', { name: 'Lägg till ett förslag' }).click();
    await page.waitForLoadState();
    const second = page.getByRole('group', { name: 'Förslag 2' });
    await second.getByLabel('Ledamöter', { exact: true }).fill('Abit Dundar m.fl. (L)');
    await second.getByLabel('Förslaget', { exact: true }).selectOption('own');
    await second.getByLabel('Beslutspunkter i det egna förslaget').fill(LIBERAL_POINTS.map((p, i) => `${i + 1}. ${p}`).join('\n'));
    await second.getByLabel('Text i det egna förslaget').fill(LIBERAL_TEXT);
    await page.getByLabel('Överläggningen').fill(item.debateClosedText!);

    // The procedure and the decision.
    const procedure = page.getByRole('group', { name: 'Beslutsgång' });
    await procedure.getByLabel('Hur beslutet fattades').selectOption('acclamation');
    await procedure.getByLabel('Beslutsgången som den skrivs i protokollet').fill(item.procedure!.text!);
    await page.getByLabel('Beslut', { exact: true }).fill(item.decisionPoints!.join('\n'));

    // L's reservation in favour of its own proposal.
    await page.getByRole('button', { name: 'Lägg till en reservation' }).click();
    await page.waitForLoadState();
    expect(await page.getByRole('group', { name: 'Förslag 2' }).getByLabel('Ledamöter', { exact: true }).inputValue()).toBe('Abit Dundar m.fl. (L)');
    const reservation = page.getByRole('group', { name: 'Reservation 1' });
    await reservation.getByLabel('Ledamöter', { exact: true }).fill('Abit Dundar m.fl. (L)');
    await reservation.getByLabel('Till förmån för eget förslag').selectOption('2');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Spara paragrafen' }).click();
    await page.waitForURL(itemUrl);
    const recorded = normalise(await page.textContent('main'));
    expect(recorded).toContain('Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag.');
    expect(recorded).toContain('Ej justerat');
    // Members typed as in the minutes are linked to the people ticked as present.
    const api = (await (await page.request.get(itemUrl.replace('/meetings/', '/api/meetings/'))).json()) as { reservations: Array<{ members: Array<{ personId: string | null }> }> };
    expect(api.reservations[0]!.members[0]!.personId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await seriousViolations(page)).toEqual([]);

    // Approving the minutes makes the decision final.
    await page.goto(meetingUrl);
    await page.getByLabel('Justeringsdag').fill(SEED_000.approvedOn);
    await page.getByLabel('Justerare').fill('Lars Svärd\nEva Fagerhem');
    await page.getByRole('button', { name: 'Justera protokollet' }).click();
    await page.waitForURL(meetingUrl);
    expect(await page.textContent('main')).toContain('Justerat 29 september 2016');
    expect(await seriousViolations(page)).toEqual([]);

    // The extract, public: it holds the seed's text.
    const anonymous = await h.browser.newPage();
    await anonymous.goto(`${itemUrl}/extract`);
    const extract = normalise(await anonymous.innerText('article'));
    const seed = normalise(readFileSync(new URL('../../../shared/seeds/000_605d7dfb49ed5342.txt', import.meta.url), 'utf8'));
    expect(extract).toContain(seed);
    expect(extract).toContain('Protokollet justerades den 29 september 2016. Justerare: Lars Svärd och Eva Fagerhem.');
    expect(await anonymous.getAttribute('article', 'lang')).toBe('sv');
    expect(await seriousViolations(anonymous)).toEqual([]);
    const pdf = await anonymous.request.get(`${itemUrl}/extract.pdf`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    await anonymous.close();
    await page.close();
  }, 120_000);
});
