import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/audit/index.js';
import { systemActor } from '../../src/auth/actor.js';
import { findBodyBySlug, listMemberships, seedOrganisationDemo } from '../../src/modules/organisation/index.js';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';

let t: TestApp;
let admin: Client;
let registrar: Client;
let anon: Client;
const html = { accept: 'text/html' };
const HL = '/organisation/bodies/hagersten-liljeholmens-stadsdelsnamnd';

beforeAll(async () => {
  t = await buildTestApp();
  await seedOrganisationDemo({ db: t.database.db, clock: t.clock, actor: systemActor('demo') });
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  await addUser(t, 'registrar', [{ role: 'registrar' }]);
  admin = new Client(t.app);
  registrar = new Client(t.app);
  anon = new Client(t.app);
  await admin.login('admin');
  await registrar.login('registrar');
});
afterAll(() => t.close());

const h1Count = (body: string) => body.match(/<h1[\s>]/g)?.length ?? 0;
const lastAudit = async () => (await auditRepository.recent(t.database.db, 1))[0]!;

/** A page answered 200 as HTML in the language asked for, with exactly one h1. */
async function page(client: Client, url: string, lang: 'sv' | 'en' = 'sv') {
  const res = await client.get(url, html);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toMatch(/text\/html/);
  expect(res.body).toContain(`<html lang="${lang}">`);
  expect(h1Count(res.body), url).toBe(1);
  return res.body;
}

describe('public pages', () => {
  it('shows the organisation grouped by kind, with administrations and parties', async () => {
    const body = await page(anon, '/organisation');
    expect(body).toContain('<h1>Organisation</h1>');
    for (const text of ['Kommunfullmäktige', 'Stadsdelsnämnder', 'Facknämnder', 'Bolagsstyrelser', 'Hägersten-Liljeholmens stadsdelsnämnd', 'AB Stokab', 'Stadsledningskontoret', 'Liberalerna', 'Miljöpartiet de gröna']) {
      expect(body, text).toContain(text);
    }
    expect(body).toContain('<th scope="col">Namn</th>');
    expect(body).toContain('<caption');
    // The example registry number of Hägersten-Liljeholmen, in the year of the clock.
    expect(body).toContain('42-2026-1.5.1');
    expect(body).not.toContain('/organisation/bodies/new');
  });

  it('is in English with ?lang=en', async () => {
    const body = await page(anon, '/organisation?lang=en', 'en');
    for (const text of ['District boards', 'Specialist boards', 'Company boards', 'Administrations', 'Parties']) expect(body, text).toContain(text);
    await anon.get('/organisation?lang=sv', html);
  });

  it('pages through one kind', async () => {
    const body = await page(anon, '/organisation?kind=districtBoard');
    expect(body).toContain('Farsta stadsdelsnämnd');
    expect(body).not.toContain('Kulturnämnden');
    expect(body).toContain('Sida 1 av 1 (5 poster)');
    // A bad page number or kind falls back instead of failing.
    expect((await anon.get('/organisation?kind=nope&page=-3', html)).statusCode).toBe(200);
  });

  it('shows a body with its administration, members by role on a day, and the history', async () => {
    const today = await page(anon, HL);
    expect(today).toContain('<h1>Hägersten-Liljeholmens stadsdelsnämnd</h1>');
    expect(today).toContain('Hägersten-Liljeholmens stadsdelsförvaltning');
    expect(today).toContain('Ledamöter och ersättare i dag');
    expect(today).toContain('Inga uppdrag är registrerade för det datumet.');
    expect(today).toContain('Alla uppdrag');
    expect(today).toContain('Jessica Jormtun');
    expect(today).toContain('<code>{seq}-{year}-{class}</code>');
    expect(today).not.toContain('Lägg till uppdrag');
    expect(today).not.toContain('/organisation/memberships/');

    const in2016 = await page(anon, `${HL}?on=2016-09-01`);
    expect(in2016).toContain('Ledamöter och ersättare den 1 september 2016');
    expect(in2016).toMatch(/<caption>Ledamöter<\/caption>/);
    for (const name of ['Abit Dundar', 'Eva Fagerhem', 'Carita Stenbacka Tenezakis', 'Lars Svärd', 'Jessica Jormtun']) expect(in2016).toContain(name);
    expect(in2016).toContain('<abbr title="Liberalerna">L</abbr>');

    const en = await page(anon, `${HL}?on=2016-09-01&lang=en`, 'en');
    expect(en).toContain('Members and substitutes on 1 September 2016');
    expect(en).toContain('<caption>Members</caption>');
    await anon.get('/organisation?lang=sv', html);
  });

  it('answers 404 for an unknown body', async () => {
    const res = await anon.get('/organisation/bodies/finns-inte', html);
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('Sidan eller posten finns inte.');
  });

  it('lists and searches people', async () => {
    const all = await page(anon, '/organisation/people');
    expect(all).toContain('<h1>Personer</h1>');
    expect(all).toContain('Arjun Bakshi');
    expect(all).toContain('arbetsmarknadsdirektör');
    expect(all).toContain('<label for="f-q">Sök på namn eller titel</label>');
    const found = await page(anon, '/organisation/people?q=lund');
    expect(found).toContain('Anne Lund');
    expect(found).not.toContain('Arjun Bakshi');
    const none = await page(anon, '/organisation/people?q=zzz');
    expect(none).toContain('Inga personer hittades.');
    const en = await page(anon, '/organisation/people?lang=en', 'en');
    expect(en).toContain('<h1>People</h1>');
    await anon.get('/organisation?lang=sv', html);
  });
});

describe('admin forms', () => {
  it('are for administrators only: 401 page for visitors, 403 for registrars', async () => {
    for (const url of ['/organisation/bodies/new', `${HL}/edit`, '/organisation/parties/new', '/organisation/people/new', '/organisation/administrations/new']) {
      const a = await anon.get(url, html);
      expect(a.statusCode, url).toBe(401);
      expect(a.body).toContain('Logga in');
      expect((await registrar.get(url, html)).statusCode, url).toBe(403);
      await page(admin, url);
    }
    const post = await registrar.form('/organisation/bodies', { name: 'Registratorns nämnd', kind: 'specialistBoard' });
    expect(post.statusCode).toBe(403);
    const body = await page(registrar, HL);
    expect(body).not.toContain('Lägg till uppdrag');
  });

  it('renders the new-body form with labels', async () => {
    const body = await page(admin, '/organisation/bodies/new');
    expect(body).toContain('<h1>Nytt organ</h1>');
    for (const label of ['Namn', 'Kortnamn', 'Typ av organ', 'Beskrivning', 'Diarienummerformat', 'Standardklass']) expect(body, label).toContain(`<span>${label}</span>`);
    expect(body).toContain('name="_csrf"');
    expect(body).toContain('value="{seq}-{year}"');
  });

  it('creates a body through the form and redirects to it', async () => {
    const res = await admin.form('/organisation/bodies', {
      name: 'Älvsjö stadsdelsnämnd',
      kind: 'districtBoard',
      registryPattern: '{seq}-{year}-{class}',
      defaultClassCode: '1.5.1',
      shortName: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/organisation/bodies/alvsjo-stadsdelsnamnd');
    const body = await page(admin, '/organisation/bodies/alvsjo-stadsdelsnamnd');
    expect(body).toContain('Organet Älvsjö stadsdelsnämnd har skapats.');
    expect((await lastAudit()).action).toBe('organisation.body.create');
    expect((await findBodyBySlug(t.database.db, 'alvsjo-stadsdelsnamnd'))?.shortName).toBeNull();
  });

  it('re-renders an invalid form with an error summary and the typed values (422)', async () => {
    const res = await admin.form('/organisation/bodies', { name: '', kind: '', registryPattern: '{seq}{year}<b>', shortName: 'Typed "value"' });
    expect(res.statusCode).toBe(422);
    expect(h1Count(res.body)).toBe(1);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('Det finns 3 fel att rätta');
    expect(res.body).toContain('<a href="#f-name">Fältet måste fyllas i.</a>');
    expect(res.body).toContain('<a href="#f-kind">Välj typ av organ.</a>');
    expect(res.body).toContain('Skilj platshållarna åt med minst ett tecken');
    // Attribute values are escaped (quotes and ampersands); '<' is harmless inside a quoted attribute.
    expect(res.body).toContain('value="{seq}{year}<b>"');
    expect(res.body).toContain('value="Typed &#34;value&#34;"');
    expect(res.body).toContain('aria-invalid="true"');
  });

  it('shows the duplicate-name message on the form, in English too', async () => {
    const sv = await admin.form('/organisation/bodies', { name: 'Kulturnämnden', kind: 'specialistBoard' });
    expect(sv.statusCode).toBe(422);
    expect(sv.body).toContain('Det finns redan ett organ med det namnet.');
    const en = await admin.form('/organisation/bodies?lang=en', { name: 'Kulturnämnden', kind: 'specialistBoard' });
    expect(en.statusCode).toBe(422);
    expect(en.body).toContain('There is already a body with that name.');
    expect(en.body).toContain('<h1>New body</h1>');
    await admin.get('/organisation?lang=sv', html);
  });

  it('edits a body and archives it', async () => {
    const form = await page(admin, '/organisation/bodies/alvsjo-stadsdelsnamnd/edit');
    expect(form).toContain('value="Älvsjö stadsdelsnämnd"');
    expect(form).toContain('Arkivera organet');
    const bad = await admin.form('/organisation/bodies/alvsjo-stadsdelsnamnd/edit', { name: 'Älvsjö stadsdelsnämnd', kind: 'districtBoard', registryPattern: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Ange ett diarienummerformat');
    const ok = await admin.form('/organisation/bodies/alvsjo-stadsdelsnamnd/edit', {
      name: 'Älvsjö stadsdelsnämnd',
      kind: 'districtBoard',
      registryPattern: '{seq}-{year}',
      description: 'Nedlagd 2020.',
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/organisation/bodies/alvsjo-stadsdelsnamnd');
    const archived = await admin.form('/organisation/bodies/alvsjo-stadsdelsnamnd/archive', {});
    expect(archived.statusCode).toBe(303);
    const body = await page(anon, '/organisation/bodies/alvsjo-stadsdelsnamnd');
    expect(body).toContain('Arkiverat');
    expect(body).toContain('Nedlagd 2020.');
    expect(await page(anon, '/organisation?kind=districtBoard')).not.toContain('Älvsjö');
  });

  it('escapes names everywhere', async () => {
    const res = await admin.post('/api/bodies', { name: '<script>alert(1)</script> & Co', kind: 'companyBoard' });
    expect(res.statusCode).toBe(201);
    for (const url of ['/organisation', `/organisation/bodies/${res.json().slug}`, `/organisation/bodies/${res.json().slug}/edit`]) {
      const body = await page(admin, url);
      // Inside a quoted attribute (the edit form's value) '<' is inert; everywhere else it must be escaped.
      const outsideAttributes = body.replace(/="[^"]*"/g, '=""');
      expect(outsideAttributes, url).not.toContain('<script>alert(1)</script>');
      expect(body, url).toMatch(/&lt;script>alert\(1\)&lt;\/script> &amp; Co/);
    }
  });
});

describe('memberships on the body page', () => {
  it('shows the add form and the end and delete buttons to administrators', async () => {
    const body = await page(admin, HL);
    expect(body).toContain('Lägg till uppdrag');
    expect(body).toContain('<select id="f-personId" name="personId"');
    expect(body).toContain('Abit Dundar (L)');
    expect(body).toContain('/organisation/memberships/');
    expect(body).toContain('Från och med');
  });

  it('adds a membership through the form', async () => {
    const hl = (await findBodyBySlug(t.database.db, 'hagersten-liljeholmens-stadsdelsnamnd'))!;
    const people = await admin.get('/api/people?q=Abit');
    const abit = people.json().items[0].id as string;
    const res = await admin.form(`${HL}/memberships`, { personId: abit, role: 'chair', fromDate: '2019-01-01', partyId: '' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${HL}#history-heading`);
    const list = await listMemberships(t.database.db, hl.id, { page: 1, pageSize: 100, role: 'chair' });
    expect(list.items).toEqual([expect.objectContaining({ personName: 'Abit Dundar', fromDate: '2019-01-01', toDate: null, partyAbbreviation: 'L' })]);
    const body = await page(anon, HL);
    expect(body).toContain('<caption>Ordförande</caption>');
  });

  it('re-renders the body page with the error and the typed values when the add form is wrong', async () => {
    const people = await admin.get('/api/people?q=Eva');
    const eva = people.json().items[0].id as string;
    const res = await admin.form(`${HL}/memberships`, { personId: eva, role: 'substitute', fromDate: '2019-05-01', toDate: '2019-04-30' });
    expect(res.statusCode).toBe(422);
    expect(h1Count(res.body)).toBe(1);
    expect(res.body).toContain('class="error-summary"');
    expect(res.body).toContain('<a href="#f-toDate">Slutdatumet kan inte vara före startdatumet.</a>');
    expect(res.body).toContain('value="2019-04-30"');
    expect(res.body).toContain(`<option value="${eva}" selected>`);

    const missing = await admin.form(`${HL}/memberships`, { role: 'member', fromDate: 'igår' });
    expect(missing.statusCode).toBe(422);
    expect(missing.body).toContain('Välj en person.');
    expect(missing.body).toContain('Ange ett datum som ÅÅÅÅ-MM-DD');
    expect(missing.body).toContain('value="igår"');
  });

  it('ends a membership, refusing an end before its start', async () => {
    const hl = (await findBodyBySlug(t.database.db, 'hagersten-liljeholmens-stadsdelsnamnd'))!;
    const chair = (await listMemberships(t.database.db, hl.id, { page: 1, pageSize: 10, role: 'chair' })).items[0]!;
    const bad = await admin.form(`/organisation/memberships/${chair.id}/end`, { toDate: '2018-12-31' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain(`<a href="#f-end-${chair.id}">Slutdatumet kan inte vara före startdatumet.</a>`);
    expect(bad.body).toContain(`id="f-end-${chair.id}"`);
    expect(bad.body).toContain('value="2018-12-31"');
    const ok = await admin.form(`/organisation/memberships/${chair.id}/end`, { toDate: '2019-12-31' });
    expect(ok.statusCode).toBe(303);
    expect((await lastAudit()).action).toBe('organisation.membership.end');
    const after = await page(admin, HL);
    expect(after).toContain('Uppdraget för Abit Dundar har avslutats.');
    expect(after).toContain('31 december 2019');
  });

  it('deletes a membership', async () => {
    const hl = (await findBodyBySlug(t.database.db, 'hagersten-liljeholmens-stadsdelsnamnd'))!;
    const chair = (await listMemberships(t.database.db, hl.id, { page: 1, pageSize: 10, role: 'chair' })).items[0]!;
    const res = await admin.form(`/organisation/memberships/${chair.id}/delete`, {});
    expect(res.statusCode).toBe(303);
    expect((await lastAudit()).action).toBe('organisation.membership.delete');
    expect((await listMemberships(t.database.db, hl.id, { page: 1, pageSize: 10, role: 'chair' })).total).toBe(0);
    expect((await admin.form('/organisation/memberships/not-an-id/delete', {})).statusCode).toBe(404);
  });
});

describe('party, person and administration forms', () => {
  it('creates and edits a party', async () => {
    const empty = await admin.form('/organisation/parties', { abbreviation: 'L', name: '' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Fältet måste fyllas i.');
    expect(empty.body).toContain('value="L"');
    const taken = await admin.form('/organisation/parties', { abbreviation: 'l', name: 'Liberala partiet' });
    expect(taken.statusCode).toBe(422);
    expect(taken.body).toContain('Det finns redan ett parti med den förkortningen.');
    expect(taken.body).toContain('value="Liberala partiet"');
    const ok = await admin.form('/organisation/parties', { abbreviation: 'FI', name: 'Feministiskt initiativ' });
    expect(ok.statusCode).toBe(303);
    const party = (await admin.get('/api/parties?pageSize=100')).json().items.find((p: { abbreviation: string }) => p.abbreviation === 'FI');
    expect((await admin.get(`/organisation/parties/${party.id}/edit`, html)).body).toContain('value="Feministiskt initiativ"');
    const edit = await admin.form(`/organisation/parties/${party.id}/edit`, { abbreviation: 'FI', name: 'Feministiskt initiativ (Fi)' });
    expect(edit.statusCode).toBe(303);
    expect((await lastAudit()).action).toBe('organisation.party.update');
  });

  it('creates and edits a person', async () => {
    const form = await page(admin, '/organisation/people/new');
    for (const label of ['Namn', 'Parti', 'Titel', 'Förvaltning']) expect(form, label).toContain(`<span>${label}</span>`);
    const bad = await admin.form('/organisation/people', { name: '', title: 'utredare' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('value="utredare"');
    const ok = await admin.form('/organisation/people', { name: 'Testa Testsson', title: 'utredare' });
    expect(ok.statusCode).toBe(303);
    const person = (await admin.get('/api/people?q=Testsson')).json().items[0];
    expect(person).toMatchObject({ title: 'utredare', partyId: null });
    const edit = await admin.form(`/organisation/people/${person.id}/edit`, { name: 'Testa Testsson', title: '' });
    expect(edit.statusCode).toBe(303);
    expect((await admin.get(`/api/people/${person.id}`)).json().title).toBeNull();
    expect((await admin.get('/organisation/people/00000000-0000-4000-8000-000000000000/edit', html)).statusCode).toBe(404);
  });

  it('creates, edits and deletes an administration', async () => {
    const ok = await admin.form('/organisation/administrations', { name: 'Älvsjö stadsdelsförvaltning', bodyId: '' });
    expect(ok.statusCode).toBe(303);
    const dup = await admin.form('/organisation/administrations', { name: 'Älvsjö stadsdelsförvaltning' });
    expect(dup.statusCode).toBe(422);
    expect(dup.body).toContain('Det finns redan en förvaltning med det namnet.');
    const edit = await admin.form('/organisation/administrations/alvsjo-stadsdelsforvaltning/edit', { name: 'Älvsjö stadsdelsförvaltning (nedlagd)' });
    expect(edit.statusCode).toBe(303);
    const del = await admin.form('/organisation/administrations/alvsjo-stadsdelsforvaltning-nedlagd/delete', {});
    expect(del.statusCode).toBe(303);
    expect((await lastAudit()).action).toBe('organisation.administration.delete');
  });
});
