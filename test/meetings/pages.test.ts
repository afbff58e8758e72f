import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { insertBody } from './helpers.js';

/** The pages work as plain forms (no JavaScript): post/redirect/get, 422 with an error summary. */
let t: TestApp;
let bodyA: string;
let secretary: Client;
let otherSecretary: Client;
let anon: Client;
let caseA: { id: string; registryNumber: string };
let meetingId: string;
let itemId: string;

const html = { accept: 'text/html' };
const text = (body: string) =>
  body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

beforeAll(async () => {
  t = await buildTestApp();
  bodyA = await insertBody(t.database.db, 'Hägersten-Liljeholmens stadsdelsnämnd');
  const bodyB = await insertBody(t.database.db, 'Farsta stadsdelsnämnd');
  await addUser(t, 'sekr-a', [{ role: 'boardSecretary', bodyId: bodyA }]);
  await addUser(t, 'sekr-b', [{ role: 'boardSecretary', bodyId: bodyB }]);
  await addUser(t, 'reg', [{ role: 'registrar', bodyId: bodyA }]);
  secretary = new Client(t.app);
  otherSecretary = new Client(t.app);
  anon = new Client(t.app);
  await secretary.login('sekr-a');
  await otherSecretary.login('sekr-b');
  const registrar = new Client(t.app);
  await registrar.login('reg');
  caseA = (await registrar.post('/api/cases', { bodyId: bodyA, title: 'Remiss: Strategi för Stockholm som smart och uppkopplad stad' })).json();
});
afterAll(() => t.close());

describe('meeting pages', () => {
  it('offers the new-meeting form to secretaries only', async () => {
    expect((await anon.get('/meetings/new', html)).statusCode).toBe(401);
    const form = await secretary.get('/meetings/new', html);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Hägersten-Liljeholmens stadsdelsnämnd');
    expect(form.body).not.toContain('Farsta stadsdelsnämnd');
  });

  it('re-shows the form with an error summary, then creates the meeting', async () => {
    const bad = await secretary.form('/meetings', { bodyId: bodyA, meetingDate: '', startTime: '7 pm' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('Ange tiden som TT:MM, till exempel 18:00.');
    expect(bad.body).toContain('value="7 pm"');
    const ok = await secretary.form('/meetings', { bodyId: bodyA, meetingDate: '2026-11-19', startTime: '18:00', place: 'Årstaängsvägen 21', minutesTense: 'past' });
    expect(ok.statusCode).toBe(303);
    meetingId = ok.headers.location!.split('/').pop()!;
    const page = await anon.get(`/meetings/${meetingId}`, html);
    expect(page.statusCode).toBe(200);
    expect(text(page.body)).toContain('Hägersten-Liljeholmens stadsdelsnämnd, sammanträde 19 november 2026');
    expect(page.body).not.toContain('Justera protokollet');
    expect((await secretary.get(`/meetings/${meetingId}`, html)).body).toContain('Justera protokollet');
  });

  it('lists and filters meetings for anyone', async () => {
    const list = await anon.get(`/meetings?bodyId=${bodyA}`, html);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`/meetings/${meetingId}`);
    expect((await anon.get('/meetings?year=abc', html)).statusCode).toBe(400);
    expect(text((await anon.get('/meetings?lang=en', html)).body)).toContain('Meetings, newest first');
    await anon.get('/meetings?lang=sv', html);
  });

  it('records attendance from free lines', async () => {
    const page = await secretary.get(`/meetings/${meetingId}/attendance`, html);
    expect(page.statusCode).toBe(200);
    expect((await otherSecretary.get(`/meetings/${meetingId}/attendance`, html)).statusCode).toBe(403);
    const bad = await secretary.form(`/meetings/${meetingId}/attendance`, { others: 'Ordföranden Anna Ek (S)\nOrdföranden Bo Berg (M)' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Bara en person kan vara ordförande vid sammanträdet.');
    const ok = await secretary.form(`/meetings/${meetingId}/attendance`, {
      others: 'Ordföranden Anna Ek (S)\nAbit Dundar (L)\nJessica Jormtun (MP)\nTjänstgörande ersättaren Inga Ek (L) ersätter Per Ek (L)',
    });
    expect(ok.statusCode).toBe(303);
    const meeting = text((await anon.get(`/meetings/${meetingId}`, html)).body);
    expect(meeting).toContain('Inga Ek L Tjänstgörande ersättare Per Ek (L)');
  });

  it('adds an item by Dnr and opens its form', async () => {
    const bad = await secretary.form(`/meetings/${meetingId}/items`, { title: '', registryNumber: '1-1999' });
    expect(bad.statusCode).toBe(422);
    const ok = await secretary.form(`/meetings/${meetingId}/items`, {
      paragraph: '13',
      title: 'Strategi för Stockholm som smart och uppkopplad stad',
      subtitle: 'Yttrande till kommunstyrelsen',
      registryNumber: caseA.registryNumber,
    });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toMatch(/\/items\/[0-9a-f-]{36}\/edit$/);
    itemId = ok.headers.location!.split('/').at(-2)!;
    const edit = await secretary.get(ok.headers.location!, html);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain(`value="${caseA.registryNumber}"`);
    expect(edit.body).toContain('Förslag 1');
    expect(edit.body).not.toContain('Förslag 2');
  });
});

describe('changing the meeting and its agenda', () => {
  it('edits date, place and wording', async () => {
    const form = await secretary.get(`/meetings/${meetingId}/edit`, html);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('value="Årstaängsvägen 21"');
    const bad = await secretary.form(`/meetings/${meetingId}/edit`, { meetingDate: '2026-13-40', place: 'x', minutesTense: 'past', status: 'planned' });
    expect(bad.statusCode).toBe(422);
    const ok = await secretary.form(`/meetings/${meetingId}/edit`, { meetingDate: '2026-11-19', place: 'Liljeholmstorget 7', minutesTense: 'past', status: 'held' });
    expect(ok.statusCode).toBe(303);
    const page = text((await anon.get(`/meetings/${meetingId}`, html)).body);
    expect(page).toContain('Liljeholmstorget 7');
    expect(page).toContain('Hållet');
  });

  it('moves items up and down and removes them', async () => {
    const added = await secretary.form(`/meetings/${meetingId}/items`, { title: 'Anmälan av delegationsbeslut' });
    const otherId = added.headers.location!.split('/').at(-2)!;
    const up = await secretary.form(`/meetings/${meetingId}/items/${otherId}/move`, { direction: 'up' });
    expect(up.statusCode).toBe(303);
    let items = (await secretary.get(`/api/meetings/${meetingId}`)).json().items;
    expect(items.map((i: { id: string; paragraph: number }) => [i.id, i.paragraph])).toEqual([
      [otherId, 13],
      [itemId, 14],
    ]);
    await secretary.form(`/meetings/${meetingId}/items/${otherId}/move`, { direction: 'down' });
    items = (await secretary.get(`/api/meetings/${meetingId}`)).json().items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([itemId, otherId]);
    expect((await otherSecretary.form(`/meetings/${meetingId}/items/${otherId}/delete`, {})).statusCode).toBe(403);
    const removed = await secretary.form(`/meetings/${meetingId}/items/${otherId}/delete`, {});
    expect(removed.statusCode).toBe(303);
    expect((await secretary.get(`/api/meetings/${meetingId}`)).json().items).toHaveLength(1);
  });
});

describe('the item form without JavaScript', () => {
  const url = () => `/meetings/${meetingId}/items/${itemId}/edit`;
  const fields = () => ({
    paragraph: '13',
    title: 'Strategi för Stockholm som smart och uppkopplad stad',
    subtitle: 'Yttrande till kommunstyrelsen',
    registryNumber: caseA.registryNumber,
    'proposals.0.members': 'Jessica Jormtun m.fl. (MP)\nEva Fagerhem m.fl. (S)',
    'proposals.0.kind': 'supportsAdministration',
  });

  it('adds another proposal, reservation or statement without saving', async () => {
    const res = await secretary.form(url(), { ...fields(), _add: 'proposal' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Förslag 2');
    expect(res.body).toContain('Jessica Jormtun m.fl. (MP)');
    const again = await secretary.form(url(), { ...fields(), 'proposals.1.members': 'Abit Dundar m.fl. (L)', _add: 'reservation' });
    expect(again.body).toContain('Reservation 1');
    expect(again.body).toContain('Abit Dundar m.fl. (L)');
    const item = (await secretary.get(`/api/meetings/${meetingId}/items/${itemId}`)).json();
    expect(item.proposals).toEqual([]);
  });

  it('shows field errors on the fields typed in', async () => {
    const res = await secretary.form(url(), {
      ...fields(),
      'proposals.1.members': 'Abit (L) Dundar',
      'proposals.1.kind': 'own',
      'reservations.0.members': '',
      'reservations.0.text': 'Vi reserverar oss.',
      'procedure.kind': 'vote',
    });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('href="#f-proposals-1-members"');
    expect(res.body).toContain('Raden kunde inte läsas. Skriv till exempel ”Abit Dundar m.fl. (L)”.');
    const fixed = await secretary.form(url(), {
      ...fields(),
      'proposals.1.members': 'Abit Dundar m.fl. (L)',
      'proposals.1.kind': 'own',
      'reservations.0.text': 'Vi reserverar oss.',
      'procedure.kind': 'vote',
    });
    expect(fixed.statusCode).toBe(422);
    const body = fixed.body;
    expect(body).toContain('href="#f-reservations-0-members"');
    expect(body).toContain('href="#f-procedure-votesYes"');
    expect(body).toContain('href="#f-proposals-1-points"');
  });

  it('saves the whole item and shows it in words', async () => {
    const res = await secretary.form(url(), {
      ...fields(),
      'proposals.1.members': 'Abit Dundar m.fl. (L)',
      'proposals.1.kind': 'own',
      'proposals.1.points': '1. Att godkänna förvaltningens förslag till beslut.\n2. Att därutöver anföra följande.',
      'proposals.1.text': 'Liberalerna har länge drivit frågan om ett uppkopplat och smart Stockholm.',
      debateClosedText: 'Ordföranden förklarade överläggningen avslutad.',
      'procedure.kind': 'acclamation',
      'procedure.text': 'Ordföranden ställde förslagen mot varandra och fann att nämnden ställde sig bakom förvaltningens förslag.',
      decisionPoints: 'Hägersten-Liljeholmens stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.',
      'reservations.0.members': 'Abit Dundar m.fl. (L)',
      'reservations.0.inFavourOfProposal': '2',
    });
    expect(res.statusCode, res.body.slice(0, 3000)).toBe(303);
    const page = text((await secretary.get(`/meetings/${meetingId}/items/${itemId}`, html)).body);
    expect(page).toContain('Jessica Jormtun m.fl. (MP) och Eva Fagerhem m.fl. (S) föreslog att nämnden skulle besluta enligt förvaltningens förslag.');
    expect(page).toContain('Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag.');
    const english = text((await secretary.get(`/meetings/${meetingId}/items/${itemId}?lang=en`, html)).body);
    expect(english).toContain('Abit Dundar et al. (L) reserved against the decision in favour of their own proposal.');
    await secretary.get('/meetings?lang=sv', html);
    // Draft: staff only.
    expect((await anon.get(`/meetings/${meetingId}/items/${itemId}`, html)).statusCode).toBe(401);
    expect((await otherSecretary.get(`/meetings/${meetingId}/items/${itemId}/extract`, html)).statusCode).toBe(403);
    const edit = await secretary.get(url(), html);
    expect(edit.body).toContain('Att godkänna förvaltningens förslag till beslut.\nAtt därutöver anföra följande.');
  });

  it('approves the minutes, after which the extract is public and the form closed', async () => {
    const bad = await secretary.form(`/meetings/${meetingId}/approval`, { approvedOn: '2026-12-01', approvers: '' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Justeringsdagen kan inte ligga i framtiden.');
    const ok = await secretary.form(`/meetings/${meetingId}/approval`, { approvedOn: '2026-11-23', approvers: 'Abit Dundar\nJessica Jormtun' });
    expect(ok.statusCode).toBe(303);
    const extract = await anon.get(`/meetings/${meetingId}/items/${itemId}/extract`, html);
    expect(extract.statusCode).toBe(200);
    const words = text(extract.body);
    expect(words).toContain('§ 13 Strategi för Stockholm som smart och uppkopplad stad Yttrande till kommunstyrelsen Beslut Hägersten-Liljeholmens stadsdelsnämnd godkänner');
    expect(words).toContain('Reservation Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag. ”1. Att godkänna förvaltningens förslag till beslut. 2. Att därutöver anföra följande. Liberalerna');
    expect(extract.body).toContain('lang="sv"');
    expect((await secretary.get(url(), html)).statusCode).toBe(409);
    expect((await secretary.form(url(), fields())).statusCode).toBe(409);
    const casePage = text((await anon.get(`/registry/cases/${caseA.id}`, html)).body);
    expect(casePage).toContain('Behandlat på sammanträde');
    expect(casePage).toContain('Hägersten-Liljeholmens stadsdelsnämnd, sammanträde 19 november 2026 § 13 – Justerat 23 november 2026');
    const meeting = await secretary.get(`/meetings/${meetingId}`, html);
    expect(meeting.body).not.toContain('Justera protokollet');
  });
});
