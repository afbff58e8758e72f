import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/audit/index.js';
import { subscribe, type DomainEvents } from '../../src/core/events.js';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { insertBody, pdfText } from './helpers.js';

/** The whole flow through the JSON API: meeting, attendance, agenda, recording, approval, extract. */
let t: TestApp;
let bodyA: string;
let bodyB: string;
let secretary: Client;
let otherSecretary: Client;
let member: Client;
let registrar: Client;
let admin: Client;
let anon: Client;
let caseA: { id: string; registryNumber: string };
let caseB: { id: string; registryNumber: string };
const events: Array<{ name: keyof DomainEvents; payload: unknown }> = [];

beforeAll(async () => {
  t = await buildTestApp();
  bodyA = await insertBody(t.database.db, 'Hägersten-Liljeholmens stadsdelsnämnd', '{seq}-{year}');
  bodyB = await insertBody(t.database.db, 'Farsta stadsdelsnämnd', 'F-{seq}/{year}');
  await addUser(t, 'sekr-a', [{ role: 'boardSecretary', bodyId: bodyA }]);
  await addUser(t, 'sekr-b', [{ role: 'boardSecretary', bodyId: bodyB }]);
  await addUser(t, 'ledamot-a', [{ role: 'boardMember', bodyId: bodyA }]);
  await addUser(t, 'reg', [
    { role: 'registrar', bodyId: bodyA },
    { role: 'registrar', bodyId: bodyB },
  ]);
  await addUser(t, 'admin', [{ role: 'administrator' }]);
  secretary = new Client(t.app);
  otherSecretary = new Client(t.app);
  member = new Client(t.app);
  registrar = new Client(t.app);
  admin = new Client(t.app);
  anon = new Client(t.app);
  await secretary.login('sekr-a');
  await otherSecretary.login('sekr-b');
  await member.login('ledamot-a');
  await registrar.login('reg');
  await admin.login('admin');
  caseA = (await registrar.post('/api/cases', { bodyId: bodyA, title: 'Remiss: Strategi för Stockholm som smart och uppkopplad stad' })).json();
  caseB = (await registrar.post('/api/cases', { bodyId: bodyB, title: 'Annat ärende' })).json();
  for (const name of ['meetings.itemScheduled', 'meetings.itemUnscheduled', 'meetings.decisionFinal'] as const) {
    subscribe(name, async (_tx, _ctx, payload) => {
      events.push({ name, payload });
    });
  }
});
afterAll(() => t.close());

const eventsNamed = (name: string) => events.filter((e) => e.name === name).map((e) => e.payload);

let meetingId: string;
let itemId: string;
let secondItemId: string;

describe('creating a meeting', () => {
  it('lets only the secretary of the body (or an administrator) create it', async () => {
    const body = { bodyId: bodyA, meetingDate: '2026-11-19', startTime: '18.00', place: 'Stadsdelsförvaltningen, Årstaängsvägen 21' };
    expect((await anon.post('/api/meetings', body)).statusCode).toBe(401);
    expect((await member.post('/api/meetings', body)).statusCode).toBe(403);
    expect((await otherSecretary.post('/api/meetings', body)).statusCode).toBe(403);
    const res = await secretary.post('/api/meetings', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ bodyId: bodyA, bodyName: 'Hägersten-Liljeholmens stadsdelsnämnd', startTime: '18:00', status: 'planned', minutesTense: 'past', attendees: [], items: [] });
    meetingId = res.json().id;
  });

  it('refuses bad input with 400 and unknown bodies with 422', async () => {
    const missing = await secretary.post('/api/meetings', { bodyId: bodyA });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().fields)).toContain('body.meetingDate');
    const time = await secretary.post('/api/meetings', { bodyId: bodyA, meetingDate: '2026-11-19', startTime: '25:00' });
    expect(time.statusCode).toBe(400);
    expect(time.json().fields['body.startTime']).toEqual(['Ange tiden som TT:MM, till exempel 18:00.']);
    const unknown = await admin.post('/api/meetings', { bodyId: '00000000-0000-4000-8000-000000000000', meetingDate: '2026-11-19' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields.bodyId).toEqual(['Instansen finns inte.']);
  });

  it('lists meetings publicly, filtered by body', async () => {
    const list = (await anon.get(`/api/meetings?bodyId=${bodyA}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: meetingId, itemCount: 0 });
    expect((await anon.get(`/api/meetings?bodyId=${bodyB}`)).json().total).toBe(0);
  });
});

describe('attendance', () => {
  it('records members, serving substitutes with whom they replace, and the chair', async () => {
    const attendees = [
      { name: 'Anna Ordförande', party: 'S', role: 'chair' },
      ...['Jessica Jormtun (MP)', 'Eva Fagerhem (S)', 'Carita Stenbacka Tenezakis (V)', 'Lars Svärd (M)', 'Abit Dundar (L)'].map((s) => {
        const [, name, party] = /^(.*) \((\w+)\)$/.exec(s)!;
        return { name: name!, party: party!, role: 'member' };
      }),
      { name: 'Inga Ersättare', party: 'L', role: 'servingSubstitute', replacesName: 'Frånvarande Ledamot (L)' },
      { name: 'Sven Suppleant', party: 'M', role: 'substitute' },
    ];
    const res = await secretary.request({ method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload: { attendees } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attendees).toHaveLength(8);
    expect(res.json().attendees[6]).toMatchObject({ role: 'servingSubstitute', replacesName: 'Frånvarande Ledamot (L)' });
  });

  it('refuses two chairs and a member who replaces someone', async () => {
    const res = await secretary.request({
      method: 'PUT',
      url: `/api/meetings/${meetingId}/attendance`,
      payload: {
        attendees: [
          { name: 'A', role: 'chair' },
          { name: 'B', role: 'chair', replacesName: 'C' },
        ],
      },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toEqual({
      attendees: ['Bara en person kan vara ordförande vid sammanträdet.'],
      'attendees.1.replacesName': ['Bara en tjänstgörande ersättare ersätter någon.'],
    });
    const other = await otherSecretary.request({ method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload: { attendees: [] } });
    expect(other.statusCode).toBe(403);
  });
});

describe('the agenda', () => {
  it('places a case on the agenda by its Dnr and announces it', async () => {
    const res = await secretary.post(`/api/meetings/${meetingId}/items`, {
      paragraph: 13,
      title: 'Strategi för Stockholm som smart och uppkopplad stad',
      subtitle: 'Yttrande till kommunstyrelsen',
      registryNumber: caseA.registryNumber,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ paragraph: 13, caseId: caseA.id, registryNumber: caseA.registryNumber, final: false });
    itemId = res.json().id;
    expect(eventsNamed('meetings.itemScheduled')).toContainEqual({ caseId: caseA.id, meetingDate: '2026-11-19' });
  });

  it('announces the scheduled cases again when the meeting moves', async () => {
    await secretary.patch(`/api/meetings/${meetingId}`, { meetingDate: '2026-11-18' });
    expect(eventsNamed('meetings.itemScheduled').at(-1)).toEqual({ caseId: caseA.id, meetingDate: '2026-11-18' });
    const back = await secretary.patch(`/api/meetings/${meetingId}`, { meetingDate: '2026-11-19', status: 'held' });
    expect(back.json()).toMatchObject({ meetingDate: '2026-11-19', status: 'held' });
    events.splice(0, events.length, { name: 'meetings.itemScheduled', payload: { caseId: caseA.id, meetingDate: '2026-11-19' } });
  });

  it('numbers the next item on, and refuses a taken §, an unknown Dnr and a case of another body', async () => {
    const next = await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'Information från förvaltningen' });
    expect(next.statusCode).toBe(201);
    expect(next.json().paragraph).toBe(14);
    secondItemId = next.json().id;
    const taken = await secretary.post(`/api/meetings/${meetingId}/items`, { paragraph: 13, title: 'x' });
    expect(taken.json().fields).toEqual({ paragraph: ['Paragrafnumret används redan vid sammanträdet.'] });
    const unknown = await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'x', registryNumber: '999-1999' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().fields).toEqual({ registryNumber: ['Inget ärende med det diarienumret finns i nämndens diarium.'] });
    const foreign = await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'x', caseId: caseB.id });
    expect(foreign.json().fields).toEqual({ caseId: ['Ärendet tillhör en annan nämnds diarium.'] });
  });

  it('reorders the agenda keeping the § numbers', async () => {
    const res = await secretary.request({ method: 'PUT', url: `/api/meetings/${meetingId}/agenda`, payload: { itemIds: [secondItemId, itemId] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string; paragraph: number }) => [i.id, i.paragraph])).toEqual([
      [secondItemId, 13],
      [itemId, 14],
    ]);
    const back = await secretary.request({ method: 'PUT', url: `/api/meetings/${meetingId}/agenda`, payload: { itemIds: [itemId, secondItemId] } });
    expect(back.json().items.map((i: { paragraph: number }) => i.paragraph)).toEqual([13, 14]);
    const incomplete = await secretary.request({ method: 'PUT', url: `/api/meetings/${meetingId}/agenda`, payload: { itemIds: [itemId] } });
    expect(incomplete.statusCode).toBe(422);
  });

  it('announces a case taken off the agenda before the decision', async () => {
    const unlink = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, { registryNumber: null });
    expect(unlink.json().caseId).toBeNull();
    expect(eventsNamed('meetings.itemUnscheduled')).toContainEqual({ caseId: caseA.id });
    const relink = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, { caseId: caseA.id });
    expect(relink.json().caseId).toBe(caseA.id);
    expect(eventsNamed('meetings.itemScheduled').filter((p) => (p as { caseId: string }).caseId === caseA.id)).toHaveLength(2);
  });
});

const seed000 = {
  matterText: 'Kommunfullmäktige har beslutat att en strategi för Stockholm som smart och uppkopplad stad ska tas fram.',
  proposals: [
    {
      kind: 'supportsAdministration',
      members: [
        { name: 'Jessica Jormtun', party: 'MP', others: true },
        { name: 'Eva Fagerhem', party: 'S', others: true },
        { name: 'Carita Stenbacka Tenezakis', party: 'V' },
        { name: 'Lars Svärd', party: 'M', others: true },
      ],
    },
    { kind: 'own', members: [{ name: 'Abit Dundar', party: 'L', others: true }], points: ['Att godkänna förvaltningens förslag till beslut.', 'Att därutöver anföra följande.'], text: 'Liberalerna har länge drivit frågan om ett uppkopplat och smart Stockholm.' },
  ],
  debateClosedText: 'Ordföranden förklarade överläggningen avslutad.',
  procedure: { kind: 'acclamation', text: 'Ordföranden ställde förslagen mot varandra och fann att nämnden ställde sig bakom förvaltningens förslag.' },
  decisionPoints: ['Hägersten-Liljeholmens stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.'],
  reservations: [{ members: [{ name: 'Abit Dundar', party: 'L', others: true }], inFavourOfProposal: 2 }],
};

describe('recording an item', () => {
  it('refuses a vote without counts, more votes than voting attendees, a roll call that does not add up', async () => {
    const noCounts = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, { procedure: { kind: 'vote' } });
    expect(noCounts.statusCode).toBe(422);
    expect(noCounts.json().fields).toEqual({ 'procedure.votesYes': ['Ange antalet röster vid votering.'], 'procedure.votesNo': ['Ange antalet röster vid votering.'] });
    // 7 vote (chair, five members, one serving substitute); the substitute does not.
    const tooMany = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, { procedure: { kind: 'vote', votesYes: 5, votesNo: 3 } });
    expect(tooMany.json().fields).toEqual({ 'procedure.votesYes': ['Fler röster än tjänstgörande ledamöter vid sammanträdet.'] });
    const roll = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, {
      procedure: { kind: 'vote', votesYes: 2, votesNo: 0, rollCall: [{ name: 'Eva Fagerhem', party: 'S', vote: 'yes' }] },
    });
    expect(roll.json().fields).toEqual({ 'procedure.rollCall': ['Röstlängden stämmer inte med röstsiffrorna.'] });
  });

  it('refuses a reservation without members or parties and one in favour of a non-own proposal', async () => {
    const res = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, {
      proposals: seed000.proposals,
      reservations: [{ members: [] }, { members: [{ name: 'Anna Ek', party: 'S' }], inFavourOfProposal: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toEqual({
      'reservations.0.members': ['Ange minst en ledamot eller ett parti.'],
      'reservations.1.inFavourOfProposal': ['En reservation till förmån för eget förslag måste peka på ett eget förslag.'],
    });
    const party = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, { reservations: [{ parties: ['Liberalerna'] }] });
    expect(party.statusCode).toBe(400);
  });

  it('records seed 000 and words it as the minutes do', async () => {
    const res = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, seed000);
    expect(res.statusCode, res.body).toBe(200);
    const item = res.json();
    expect(item.proposals.map((p: { sentence: string }) => p.sentence)).toEqual([
      'Jessica Jormtun m.fl. (MP), Eva Fagerhem m.fl. (S), Carita Stenbacka Tenezakis (V) och Lars Svärd m.fl. (M) föreslog att nämnden skulle besluta enligt förvaltningens förslag.',
      'Abit Dundar m.fl. (L) lade fram ett förslag och föreslog att nämnden skulle ställa sig bakom det.',
    ]);
    expect(item.proposals[0].parties).toEqual(['MP', 'S', 'V', 'M']);
    expect(item.reservations[0]).toMatchObject({ inFavourOfProposal: 2, parties: ['L'], sentence: 'Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag.' });
    // A later change of one list keeps the reservation pointing at the same proposal.
    const again = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, { specialStatements: [{ parties: ['V'], text: 'Vi vill se en tydligare plan för tillgänglighet.' }] });
    expect(again.json().reservations[0].inFavourOfProposal).toBe(2);
    expect(again.json().specialStatements[0].sentence).toBe('Ledamöterna från (V) lämnade ett särskilt uttalande.');
  });

  it('shows drafts to the staff and members of the body only', async () => {
    expect((await anon.get(`/api/meetings/${meetingId}/items/${itemId}`)).statusCode).toBe(401);
    expect((await otherSecretary.get(`/api/meetings/${meetingId}/items/${itemId}`)).statusCode).toBe(403);
    expect((await anon.get(`/api/meetings/${meetingId}/items/${itemId}/extract`)).statusCode).toBe(401);
    expect((await member.get(`/api/meetings/${meetingId}/items/${itemId}`)).statusCode).toBe(200);
    const publicMeeting = (await anon.get(`/api/meetings/${meetingId}`)).json();
    expect(publicMeeting.items[0]).toMatchObject({ title: 'Strategi för Stockholm som smart och uppkopplad stad', visibility: 'heading', decisionPoints: null });
    expect((await anon.get(`/api/meetings/decisions?caseId=${caseA.id}`)).json()).toEqual([]);
    const draft = (await member.get(`/api/meetings/${meetingId}/items/${itemId}/extract`)).json();
    expect(draft.final).toBe(false);
    expect(draft.text).toContain('Utkast: paragrafen är inte justerad.');
  });

  it('finds nothing under the wrong meeting', async () => {
    const other = (await secretary.post('/api/meetings', { bodyId: bodyA, meetingDate: '2026-11-20' })).json();
    expect((await secretary.get(`/api/meetings/${other.id}/items/${itemId}`)).statusCode).toBe(404);
    expect((await secretary.patch(`/api/meetings/${other.id}/items/${itemId}`, { title: 'x' })).statusCode).toBe(404);
    expect((await secretary.delete(`/api/meetings/${other.id}`)).statusCode).toBe(204);
  });
});

describe('approving the minutes', () => {
  it('refuses an approval before the meeting, in the future, or with an undecided item', async () => {
    const early = await secretary.post(`/api/meetings/${meetingId}/approval`, { approvedOn: '2026-11-18' });
    expect(early.json().fields).toEqual({ approvedOn: ['Justeringen kan inte vara före sammanträdet.'] });
    const future = await secretary.post(`/api/meetings/${meetingId}/approval`, { approvedOn: '2026-11-24' });
    expect(future.json().fields).toEqual({ approvedOn: ['Justeringsdagen kan inte ligga i framtiden.'] });
    const undecided = await secretary.post(`/api/meetings/${meetingId}/approval`, { approvedOn: '2026-11-23' });
    expect(undecided.statusCode).toBe(422);
    expect(undecided.json().fields._).toEqual(['Alla paragrafer måste ha ett protokollfört beslut innan protokollet justeras.']);
    expect((await otherSecretary.post(`/api/meetings/${meetingId}/approval`, { approvedOn: '2026-11-23' })).statusCode).toBe(403);
  });

  it('makes every decision final, registers the extracts and announces them', async () => {
    await secretary.patch(`/api/meetings/${meetingId}/items/${secondItemId}`, { decisionPoints: ['Informationen läggs till handlingarna.'] });
    const res = await secretary.post(`/api/meetings/${meetingId}/approval`, { approvedOn: '2026-11-23', approvers: ['Lars Svärd', 'Eva Fagerhem'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', approvedOn: '2026-11-23', approvers: ['Lars Svärd', 'Eva Fagerhem'] });
    expect(res.json().items.every((i: { final: boolean; finalOn: string }) => i.final && i.finalOn === '2026-11-23')).toBe(true);

    const item = (await anon.get(`/api/meetings/${meetingId}/items/${itemId}`)).json();
    expect(item).toMatchObject({ final: true, finalOn: '2026-11-23' });
    expect(item.extractDocumentId).toBeTruthy();
    expect(eventsNamed('meetings.decisionFinal')).toEqual([{ caseId: caseA.id, finalOn: '2026-11-23', extractDocumentId: item.extractDocumentId }]);
    // The item without a case is final too, without a document.
    const info = (await anon.get(`/api/meetings/${meetingId}/items/${secondItemId}`)).json();
    expect(info).toMatchObject({ final: true, extractDocumentId: null });

    const theCase = (await anon.get(`/api/cases/${caseA.id}`)).json();
    expect(theCase.documents.map((d: { kind: string }) => d.kind)).toEqual(['protocolExtract']);
    const doc = (await anon.get(`/api/documents/${item.extractDocumentId}`)).json();
    expect(doc).toMatchObject({ kind: 'protocolExtract', documentDate: '2026-11-23', title: 'Protokollsutdrag § 13: Strategi för Stockholm som smart och uppkopplad stad' });
    expect(doc.text).toContain('Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag.');
    expect(doc.attachments[0]).toMatchObject({ mediaType: 'application/pdf', filename: 'protokollsutdrag-2026-11-19-paragraf-13.pdf' });
    const pdf = await anon.get(doc.attachments[0].url);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('freezes the minutes: every change answers 409', async () => {
    const patch = await secretary.patch(`/api/meetings/${meetingId}/items/${itemId}`, { title: 'Ändrad' });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().message).toBe('Beslutet är justerat och kan inte längre ändras.');
    expect((await secretary.delete(`/api/meetings/${meetingId}/items/${itemId}`)).statusCode).toBe(409);
    expect((await secretary.post(`/api/meetings/${meetingId}/items`, { title: 'Sent ärende' })).json().message).toBe('Protokollet är justerat och kan inte längre ändras.');
    expect((await secretary.request({ method: 'PUT', url: `/api/meetings/${meetingId}/attendance`, payload: { attendees: [] } })).statusCode).toBe(409);
    expect((await secretary.post(`/api/meetings/${meetingId}/approval`, { approvedOn: '2026-11-23' })).statusCode).toBe(409);
    expect((await secretary.patch(`/api/meetings/${meetingId}`, { place: 'Annat' })).statusCode).toBe(409);
    expect((await secretary.delete(`/api/meetings/${meetingId}`)).statusCode).toBe(409);
    expect((await secretary.post(`/api/meetings/${meetingId}/items/${itemId}/immediate-approval`, {})).statusCode).toBe(409);
  });

  it('shows final decisions to anyone: item, extract, PDF and the decisions of a case', async () => {
    const extract = await anon.get(`/api/meetings/${meetingId}/items/${itemId}/extract`);
    expect(extract.statusCode).toBe(200);
    expect(extract.json()).toMatchObject({ final: true, finalOn: '2026-11-23' });
    expect(extract.json().text).toContain('Protokollet justerades den 23 november 2026.\n\nJusterare: Lars Svärd och Eva Fagerhem.');
    const pdf = await anon.get(`/meetings/${meetingId}/items/${itemId}/extract.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await pdfText(pdf.rawPayload)).replace(/\s+/g, ' ')).toContain('Ordföranden förklarade överläggningen avslutad.');
    const decisions = (await anon.get(`/api/meetings/decisions?caseId=${caseA.id}`)).json();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ caseId: caseA.id, paragraph: 13, final: true, reservations: [{ parties: ['L'], inFavourOfOwnProposal: true }] });
    expect(decisions[0].reservations[0].text).toContain('1. Att godkänna förvaltningens förslag till beslut.');
  });
});

describe('immediate approval', () => {
  it('makes one item final at the meeting', async () => {
    const meeting = (await secretary.post('/api/meetings', { bodyId: bodyA, meetingDate: '2026-11-23' })).json();
    const caseC = (await registrar.post('/api/cases', { bodyId: bodyA, title: 'Brådskande yttrande' })).json();
    const item = (await secretary.post(`/api/meetings/${meeting.id}/items`, { title: 'Brådskande yttrande', caseId: caseC.id })).json();
    expect(item.paragraph).toBe(15);
    const noDecision = await secretary.post(`/api/meetings/${meeting.id}/items/${item.id}/immediate-approval`, {});
    expect(noDecision.json().fields).toEqual({ decisionPoints: ['Protokollför beslutet innan paragrafen justeras.'] });
    await secretary.patch(`/api/meetings/${meeting.id}/items/${item.id}`, { decisionPoints: ['Nämnden yttrar sig enligt förvaltningens förslag.'] });
    const res = await secretary.post(`/api/meetings/${meeting.id}/items/${item.id}/immediate-approval`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ final: true, finalOn: '2026-11-23', immediateApproval: true });
    expect(eventsNamed('meetings.decisionFinal')).toContainEqual({ caseId: caseC.id, finalOn: '2026-11-23', extractDocumentId: res.json().extractDocumentId });
    const extract = (await anon.get(`/api/meetings/${meeting.id}/items/${item.id}/extract`)).json();
    expect(extract.text).toContain('Paragrafen förklarades omedelbart justerad.');
    expect((await secretary.patch(`/api/meetings/${meeting.id}/items/${item.id}`, { title: 'x' })).statusCode).toBe(409);
    // The agenda of a meeting with a final item is fixed, the rest of the meeting not.
    expect((await secretary.request({ method: 'PUT', url: `/api/meetings/${meeting.id}/agenda`, payload: { itemIds: [item.id] } })).statusCode).toBe(409);
    expect((await secretary.delete(`/api/meetings/${meeting.id}`)).statusCode).toBe(409);
  });
});

describe('the API document', () => {
  it('lists the meetings routes under the tag meetings', async () => {
    const doc = (await anon.get('/api/openapi.json')).json();
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/meetings'));
    expect(paths).toEqual(
      expect.arrayContaining(['/api/meetings', '/api/meetings/{id}', '/api/meetings/{id}/items/{itemId}', '/api/meetings/{id}/approval', '/api/meetings/decisions']),
    );
    for (const p of paths) for (const op of Object.values(doc.paths[p]) as Array<{ tags: string[] }>) expect(op.tags).toEqual(['meetings']);
  });

  it('keeps the audit chain whole', async () => {
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
