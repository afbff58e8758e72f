import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/auth/actor.js';
import { loadConfig } from '../../src/config/index.js';
import type { Ctx } from '../../src/core/context.js';
import { fixedClock } from '../../src/core/clock.js';
import { buildApp } from '../../src/http/app.js';
import { addAgendaItem, approveMinutes, createMeeting, updateItem } from '../../src/modules/meetings/index.js';
import { createParty } from '../../src/modules/organisation/index.js';
import { answerReferral, createReferral, declineReferral, sendReferral } from '../../src/modules/referrals/index.js';
import { compileReferral, registerCompilationRoutes, type Compilation } from '../../src/modules/referrals/compilation/index.js';
import { seed000Matter, seed000Reservation, seed001Proposal } from '../../src/modules/referrals/compilation/seed-texts.js';
import { referralRecipients } from '../../src/modules/referrals/schema.js';
import { registerDocument, updateCase } from '../../src/modules/registry/index.js';
import { createStatement, finaliseStatement } from '../../src/modules/statements/index.js';
import { addUser, Client, type TestApp } from '../helpers/app.js';
import { createTestDb } from '../helpers/db.js';
import { insertBody } from '../registry/fixtures.js';

/**
 * A referral round of Kommunstyrelsen with five recipients, built through the modules' commands:
 * Hägersten-Liljeholmen and Socialnämnden decide as in seeds 000 and 001 (L reserves in both with
 * the same text), Kulturnämnden answers with documents (one secret), Arbetsmarknadsnämnden
 * declines (its case made secret), Trafiknämnden has not answered (late).
 */
const HL = 'Hägersten-Liljeholmens stadsdelsnämnd';
const SOC = 'Socialnämnden';
const KULTUR = 'Kulturnämnden';
const AMN = 'Arbetsmarknadsnämnden';
const TRAFIK = 'Trafiknämnden';
const SECRET = { doc: 'HEMLIG-BEDOMNING-Zyxw', draft: 'UTKAST-TEXT-Plugh', decline: 'SEKRETESS-SKAL-Frobozz' };
const L_POINTS = ['Att godkänna förvaltningens förslag till beslut.', 'Att därutöver anföra följande.'];

let t: TestApp;
let ctx: Ctx;
let bodies: Record<string, string>;
let referralId: string;
let recipientOf: Record<string, string>;
let caseOf: Record<string, string>;
let secretDocId: string;

/** The test app, with the compilation's routes registered here if the referrals module does not yet. */
async function buildAppWithCompilation(): Promise<TestApp> {
  const database = await createTestDb();
  const clock = fixedClock('2026-11-23T09:00:00Z');
  const config = loadConfig({ STADSNAV_LOG_LEVEL: 'silent', STADSNAV_LOGIN_RATE_LIMIT: '1000' });
  const app = await buildApp({ database, config, clock, logger: false });
  if (!app.hasRoute({ method: 'GET', url: '/api/referrals/:id/compilation' })) registerCompilationRoutes(app, { database, config, clock });
  await app.ready();
  return { app, database, clock, close: async () => (await app.close(), await database.close()) };
}

async function decideAt(body: string, meetingDate: string, tense: 'past' | 'present', item: Parameters<typeof updateItem>[2]) {
  const meeting = await createMeeting(ctx, { bodyId: bodies[body]!, meetingDate, minutesTense: tense });
  const added = await addAgendaItem(ctx, meeting.id, { paragraph: 13, title: 'Strategi för Stockholm som smart och uppkopplad stad', caseId: caseOf[body]! });
  await updateItem(ctx, added.id, item);
  await approveMinutes(ctx, meeting.id, { approvedOn: meetingDate });
}

beforeAll(async () => {
  t = await buildAppWithCompilation();
  ctx = { db: t.database.db, clock: t.clock, actor: systemActor('test') };
  const db = t.database.db;
  bodies = {
    Kommunstyrelsen: await insertBody(db, { name: 'Kommunstyrelsen', kind: 'executiveBoard', pattern: 'KS {year}/{seq}' }),
    [HL]: await insertBody(db, { name: HL, kind: 'districtBoard', pattern: '{seq}-{year}-{class}', defaultClassCode: '1.5.1' }),
    [SOC]: await insertBody(db, { name: SOC, pattern: '{class}-{seq}/{year}', defaultClassCode: '1.7.1' }),
    [KULTUR]: await insertBody(db, { name: KULTUR, pattern: '171-{seq}/{year}' }),
    [AMN]: await insertBody(db, { name: AMN, pattern: 'AMN {year}-{seq:4}' }),
    [TRAFIK]: await insertBody(db, { name: TRAFIK }),
  };
  await createParty(ctx, { abbreviation: 'L', name: 'Liberalerna' });
  await addUser(t, 'reg.ks', [{ role: 'registrar', bodyId: bodies.Kommunstyrelsen! }]);
  await addUser(t, 'off.kultur', [{ role: 'caseOfficer', bodyId: bodies[KULTUR]! }]);

  const referral = await createReferral(ctx, {
    senderBodyId: bodies.Kommunstyrelsen!,
    subject: 'Strategi för Stockholm som smart och uppkopplad stad',
    letterDate: '2016-06-01',
    deadline: '2016-09-30',
    recipients: [HL, SOC, KULTUR, AMN, TRAFIK].map((name) => ({ bodyId: bodies[name]! })),
  });
  referralId = referral.id;
  await sendReferral(ctx, referralId, { receivedOn: '2016-06-02' });
  const rows = await t.database.db.select().from(referralRecipients).where(eq(referralRecipients.referralId, referralId));
  const nameOf = Object.fromEntries(Object.entries(bodies).map(([name, id]) => [id, name]));
  recipientOf = Object.fromEntries(rows.map((r) => [nameOf[r.bodyId]!, r.id]));
  caseOf = Object.fromEntries(rows.map((r) => [nameOf[r.bodyId]!, r.caseId!]));

  // Seed 000: Hägersten-Liljeholmen. Statement first, then § 13 with L's own proposal and reservation.
  const hlStatement = await createStatement(ctx, {
    caseId: caseOf[HL]!,
    documentDate: '2016-08-30',
    proposedDecision: ['Stadsdelsnämnden godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.'],
    summary: 'Förvaltningen anser det viktigt att säkerställa användarvänlighet och kompetensutveckling.',
    views: 'Applikationerna Engagera STHLM och Invånardialog är intressanta initiativ inom demokratiområdet.',
    signatories: [{ name: 'Stadsdelsdirektören', title: 'stadsdelsdirektör' }],
  });
  await finaliseStatement(ctx, hlStatement.id);
  await decideAt(HL, '2016-09-22', 'past', {
    matterText: seed000Matter(),
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
      { kind: 'own', members: [{ name: 'Abit Dundar', party: 'L', others: true }], points: L_POINTS, text: seed001Proposal().text },
    ],
    procedure: { kind: 'acclamation', text: 'Ordföranden ställde förslagen mot varandra och fann att nämnden ställde sig bakom förvaltningens förslag.' },
    decisionPoints: ['Hägersten-Liljeholmens stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.'],
    reservations: [{ members: [{ name: 'Abit Dundar', party: 'L', others: true }], inFavourOfProposal: 2, text: seed000Reservation() }],
  });
  await answerReferral(ctx, recipientOf[HL]!, { stance: 'approves', answeredOn: '2016-09-29' });

  // Seed 001: Socialnämnden. The reservation has no text of its own: it is L's proposal.
  const p = seed001Proposal();
  await decideAt(SOC, '2016-09-20', 'present', {
    proposals: [
      { kind: 'supportsAdministration', members: [{ name: 'Ordföranden', role: 'chair' }] },
      {
        kind: 'own',
        members: [
          { name: 'Frida Johansson Metso', party: 'L', role: 'member' },
          { name: 'Inga-Lill Persson', party: 'L', role: 'servingSubstitute' },
        ],
        points: p.points,
        text: p.text,
      },
    ],
    procedure: { kind: 'acclamation', text: 'Ordföranden ställer förslagen mot varandra och finner att nämnden beslutar enligt förvaltningens förslag.' },
    decisionPoints: ['Socialnämnden hänvisar till tjänsteutlåtandet som svar på remissen.', 'Socialnämnden överlämnar ärendet till kommunstyrelsen.'],
    reservations: [
      {
        members: [
          { name: 'Frida Johansson Metso', party: 'L', role: 'member' },
          { name: 'Inga-Lill Persson', party: 'L', role: 'servingSubstitute' },
        ],
        inFavourOfProposal: 2,
      },
    ],
  });
  await answerReferral(ctx, recipientOf[SOC]!, { stance: 'approvesWithViews', answeredOn: '2016-10-05' });

  // Kulturnämnden: a draft statement, a public opinion and a secret memo as the answer.
  await createStatement(ctx, { caseId: caseOf[KULTUR]!, documentDate: '2016-09-01', views: `${SECRET.draft} om samverkan.` });
  const opinion = await registerDocument(
    ctx,
    caseOf[KULTUR]!,
    {
      kind: 'opinion',
      title: 'Yttrande över strategin',
      documentDate: '2016-09-28',
      text: 'Kulturnämnden ser en risk för digitalt utanförskap bland bibliotekens besökare.\n\nInformationssäkerheten och klassningen av informationen måste säkras.',
    },
    { maxBytes: 1_000_000 },
  );
  const secret = await registerDocument(
    ctx,
    caseOf[KULTUR]!,
    {
      kind: 'memo',
      title: `${SECRET.doc} promemoria`,
      documentDate: '2016-09-28',
      text: `${SECRET.doc}: den personliga integriteten hos enskilda låntagare.`,
      classification: { confidentiality: 2, integrity: 1, availability: 1 },
      secrecyGround: 'OSL 40 kap. 3 §',
    },
    { maxBytes: 1_000_000 },
  );
  secretDocId = secret.id;
  await answerReferral(ctx, recipientOf[KULTUR]!, { stance: 'rejects', answeredOn: '2016-09-29', documentIds: [opinion.id, secret.id] });

  // Arbetsmarknadsnämnden declines, and its case is classified.
  await declineReferral(ctx, recipientOf[AMN]!, { reason: `${SECRET.decline}: berör inte nämnden`, date: '2016-07-01' });
  await updateCase(ctx, caseOf[AMN]!, { classification: { confidentiality: 1, integrity: 0, availability: 0 }, classificationReason: 'Test av sekretess' });
}, 120_000);
afterAll(() => t.close());

const anonymous = () => ({ ...ctx, actor: { kind: 'anonymous' } as const });
const byBody = (c: Compilation, name: string) => c.recipients.find((r) => r.bodyName === name)!;

describe('compileReferral', () => {
  let c: Compilation;
  beforeAll(async () => {
    c = await compileReferral(anonymous(), referralId);
  });

  it('summarises the round', () => {
    expect(c.referral.subject).toBe('Strategi för Stockholm som smart och uppkopplad stad');
    expect(c.referral.senderBodyName).toBe('Kommunstyrelsen');
    expect(c.referral.deadline).toBe('2016-09-30');
    expect(c.compiledOn).toBe('2026-11-23');
    expect(c.counts.recipients).toBe(5);
    expect(c.counts.byStance).toMatchObject({ approves: 1, approvesWithViews: 1, rejects: 1, declined: 1, noAnswer: 1, unspecified: 0 });
    expect(c.counts.late).toBe(1);
    expect(c.counts.answeredLate).toBe(1);
  });

  it('lists every recipient with its stance, status, dates and late flags, in Swedish order', () => {
    expect(c.recipients.map((r) => r.bodyName)).toEqual([AMN, HL, KULTUR, SOC, TRAFIK]);
    expect(byBody(c, HL)).toMatchObject({ stance: 'approves', status: 'answered', answeredOn: '2016-09-29', late: false, answeredLate: false });
    expect(byBody(c, SOC)).toMatchObject({ stance: 'approvesWithViews', answeredLate: true, late: false });
    expect(byBody(c, KULTUR)).toMatchObject({ stance: 'rejects', status: 'answered' });
    expect(byBody(c, AMN)).toMatchObject({ stance: 'declined', status: 'declined', late: false });
    expect(byBody(c, TRAFIK)).toMatchObject({ stance: 'noAnswer', status: 'received', late: true, decision: null, statement: null });
    for (const r of c.recipients) expect(r.registryNumber, r.bodyName).toBeTruthy();
  });

  it('gives the decision points and the final statement of each recipient', () => {
    const hl = byBody(c, HL);
    expect(hl.decision).toMatchObject({ paragraph: 13, meetingDate: '2016-09-22', final: true });
    expect(hl.decision!.points).toHaveLength(1);
    expect(hl.decision!.url).toMatch(/^\/registry\/documents\//);
    expect(hl.statement).toMatchObject({ status: 'final', documentDate: '2016-08-30' });
    expect(hl.statement!.proposedDecision[0]).toMatch(/^Stadsdelsnämnden godkänner/);
    expect(hl.statement!.summary).toContain('kompetensutveckling');
    expect(byBody(c, SOC).decision!.points).toEqual([
      'Socialnämnden hänvisar till tjänsteutlåtandet som svar på remissen.',
      'Socialnämnden överlämnar ärendet till kommunstyrelsen.',
    ]);
    expect(byBody(c, SOC).statement).toBeNull();
  });

  it('merges the identical L reservation of Hägersten-Liljeholmen and Socialnämnden', () => {
    expect(c.reservations.map((g) => g.party)).toEqual(['L']);
    const l = c.reservations[0]!;
    expect(l.partyName).toBe('Liberalerna');
    expect(l.texts).toHaveLength(1);
    const text = l.texts[0]!;
    expect(text.occurrences.map((o) => o.bodyName)).toEqual([HL, SOC]);
    expect(text.text).toContain('Chydeniusinitiativet');
    expect(text.text).toContain('Stockholm ska vara en smart stad');
    expect(text.occurrences[0]!.members.map((m) => m.name)).toEqual(['Abit Dundar']);
    expect(text.occurrences[1]!.members.map((m) => [m.name, m.role])).toEqual([
      ['Frida Johansson Metso', 'member'],
      ['Inga-Lill Persson', 'servingSubstitute'],
    ]);
    expect(text.occurrences.every((o) => o.inFavourOfOwnProposal && o.paragraph === 13)).toBe(true);
    expect(byBody(c, HL).reservationParties).toEqual(['L']);
    expect(byBody(c, SOC).reservationParties).toEqual(['L']);
    expect(c.specialStatements).toEqual([]);
  });

  it('finds recurring themes with stemming, sorted by the number of recipients, with linked passages', () => {
    const theme = (id: string) => c.themes.find((th) => th.id === id)!;
    expect(c.themes).toHaveLength(8);
    const counts = c.themes.map((th) => th.recipientCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    // "den personliga integriteten" / "individens integritet" in L's text, in both boards.
    expect(theme('privacy').bodies.map((b) => b.bodyName).sort()).toEqual([HL, SOC]);
    expect(theme('privacy').recipientCount).toBe(2);
    expect(theme('competence').bodies.map((b) => b.bodyName)).toContain(HL);
    expect(theme('accessibility').bodies.map((b) => b.bodyName)).toEqual(expect.arrayContaining([HL, SOC]));
    expect(theme('digitalExclusion').bodies.map((b) => b.bodyName)).toEqual([KULTUR]);
    expect(theme('informationSecurity').bodies.map((b) => b.bodyName)).toEqual([KULTUR]);
    const privacyPassages = theme('privacy').passages;
    expect(privacyPassages.some((p) => p.source === 'reservation')).toBe(true);
    for (const p of privacyPassages) expect(p.url).toMatch(/^\/registry\/(documents|cases)\/[0-9a-f-]{36}#:~:text=/);
    expect(privacyPassages.flatMap((p) => p.headline.filter((s) => s.match).map((s) => s.text))).toEqual(expect.arrayContaining(['integriteten']));
    const kultur = theme('digitalExclusion').passages[0]!;
    expect(kultur.source).toBe('answerDocument');
    expect(byBody(c, KULTUR).themes).toEqual(expect.arrayContaining(['digitalExclusion', 'informationSecurity']));
    // The same L paragraph is one passage per board, not one per proposal and reservation.
    const chydenius = theme('openData').passages.filter((p) => p.headline.map((s) => s.text).join('').includes('Chydeniusinitiativet'));
    expect(chydenius.map((p) => p.bodyName).sort()).toEqual([HL, SOC]);
  });

  it('withholds secret documents, drafts and classified cases from anonymous readers', () => {
    const json = JSON.stringify(c);
    for (const s of Object.values(SECRET)) expect(json).not.toContain(s);
    expect(byBody(c, KULTUR).answerDocuments.map((d) => d.title)).toEqual(['Yttrande över strategin']);
    expect(byBody(c, KULTUR).statement).toBeNull();
    expect(byBody(c, AMN)).toMatchObject({ restricted: true, declineReason: null, stance: 'declined' });
  });

  it('shows the body staff their secret document and draft statement', async () => {
    const officer = await compileReferral(
      { ...ctx, actor: { kind: 'user', userId: 'x', username: 'off', displayName: 'off', grants: [{ role: 'caseOfficer', bodyId: bodies[KULTUR]! }] } },
      referralId,
    );
    const kultur = byBody(officer, KULTUR);
    expect(kultur.answerDocuments.map((d) => d.id)).toContain(secretDocId);
    expect(kultur.statement).toMatchObject({ status: 'draft' });
    expect(JSON.stringify(officer)).toContain(SECRET.doc);
    expect(byBody(officer, AMN).restricted).toBe(true);
  });

  it('answers 404 for an unknown referral', async () => {
    await expect(compileReferral(anonymous(), '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b')).rejects.toMatchObject({ status: 404 });
  });
});

describe('HTTP', () => {
  const anon = () => new Client(t.app);
  const url = () => `/referrals/${referralId}/compilation`;
  const UNKNOWN = '0b7e0c52-8f0e-4c7e-9a51-3f1c2d4e5a6b';

  it('serves the JSON API, listed in the OpenAPI document', async () => {
    const res = await anon().get(`/api/referrals/${referralId}/compilation`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Compilation;
    expect(body.reservations[0]!.texts[0]!.occurrences.map((o) => o.bodyName)).toEqual([HL, SOC]);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, { get?: { tags?: string[]; responses?: Record<string, unknown> } }>;
    };
    const op = doc.paths['/api/referrals/{id}/compilation']?.get;
    expect(op?.tags).toEqual(['referrals']);
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404']));
  });

  it('serves an accessible page with the merged reservation and marked theme words', async () => {
    const res = await anon().get(url(), { accept: 'text/html' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = res.body;
    expect(html).toContain('<html lang="sv"');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<caption>');
    expect(html).toContain('Samma text i 2 instanser');
    expect(html).toContain('Liberalerna (L)');
    expect(html).toMatch(/<mark>integriteten<\/mark>/);
    expect(html).toContain('tjänstgörande ersättare Inga-Lill Persson (L)');
    for (const s of Object.values(SECRET)) expect(html).not.toContain(s);
    const en = await anon().get(`${url()}?lang=en`, { accept: 'text/html' });
    expect(en.body).toContain('Same text in 2 bodies');
    expect(en.body).toContain('Privacy and data protection');
  });

  it('downloads CSV with a BOM, one row per recipient', async () => {
    const res = await anon().get(`${url()}.csv`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="remissammanstallning-.*\.csv"$/);
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('Remissinstans,Dnr,Status,Hållning,Svarsdatum,Försenad,Beslut,Reservationer (partier),Teman');
    const soc = lines.find((l) => l.startsWith(SOC))!;
    expect(soc).toContain('Tillstyrker med synpunkter');
    expect(soc).toContain('Svarade sent');
    expect(soc).toContain(',1. Socialnämnden hänvisar till tjänsteutlåtandet som svar på remissen. | 2. Socialnämnden överlämnar ärendet till kommunstyrelsen.,');
    expect(soc).toMatch(/,L,/);
    expect(lines.find((l) => l.startsWith(TRAFIK))).toContain('Försenad');
    for (const s of Object.values(SECRET)) expect(res.body).not.toContain(s);
  });

  it('downloads the model as JSON', async () => {
    const res = await anon().get(`${url()}.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-disposition']).toMatch(/\.json"$/);
    const body = res.json() as Compilation;
    expect(body.recipients).toHaveLength(5);
    expect(res.body).not.toContain(SECRET.doc);
  });

  it('downloads a PDF', async () => {
    const res = await anon().get(`${url()}.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(res.rawPayload.length).toBeGreaterThan(2000);
  });

  it('answers 404 for an unknown id and 400 for a malformed one, in every format', async () => {
    const client = anon();
    for (const suffix of ['', '.csv', '.json', '.pdf']) {
      expect((await client.get(`/referrals/${UNKNOWN}/compilation${suffix}`)).statusCode, suffix).toBe(404);
      expect((await client.get(`/referrals/not-a-uuid/compilation${suffix}`)).statusCode, suffix).toBe(400);
    }
    expect((await client.get(`/api/referrals/${UNKNOWN}/compilation`)).statusCode).toBe(404);
    const bad = await client.get('/api/referrals/not-a-uuid/compilation');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fields)).toContain('params.id');
  });

  it('hides a round whose sender case is secret from anonymous readers, not from the sender', async () => {
    const secretRound = await createReferral(ctx, {
      senderBodyId: bodies.Kommunstyrelsen!,
      subject: 'Hemlig remiss',
      letterDate: '2026-11-01',
      deadline: '2026-12-01',
      recipients: [{ bodyId: bodies[HL]! }],
      classification: { confidentiality: 2 },
    });
    expect((await anon().get(`/api/referrals/${secretRound.id}/compilation`)).statusCode).toBe(404);
    const sender = new Client(t.app);
    await sender.login('reg.ks');
    const res = await sender.get(`/api/referrals/${secretRound.id}/compilation`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().referral.subject).toBe('Hemlig remiss');
  });
});
