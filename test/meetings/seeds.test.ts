import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '../../src/auth/actor.js';
import { verifyAuditChain } from '../../src/audit/index.js';
import {
  addAgendaItem,
  approveMinutes,
  createMeeting,
  getExtract,
  listDecisionsForCases,
  recordItem,
  SEED_000,
  SEED_001,
  type SeedMinutes,
} from '../../src/modules/meetings/index.js';
import { seedOrganisationDemo } from '../../src/modules/organisation/index.js';
import { findCaseByRegistryNumber, getAttachmentFile, getDocument, registerCase } from '../../src/modules/registry/index.js';
import { addUser, buildTestApp, Client, type TestApp } from '../helpers/app.js';
import { pdfText } from './helpers.js';

/**
 * Seeds 000 and 001 recorded through the commands must come back as the seeds' text: every line
 * of substance, in the seeds' order (compared with whitespace normalised).
 */
let t: TestApp;
let bodyIds: Record<string, string>;
const seedText = (file: string) => readFileSync(new URL(`../../../shared/seeds/${file}`, import.meta.url), 'utf8');
const normalise = (s: string) => s.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  t = await buildTestApp();
  const system = { db: t.database.db, clock: t.clock, actor: systemActor('demo') };
  bodyIds = (await seedOrganisationDemo(system)).bodyIdsByName;
  // The cases the two boards decided in, with the seeds' registry numbers.
  for (const seed of [SEED_000, SEED_001]) {
    await registerCase(system, { bodyId: bodyIds[seed.body]!, title: seed.item.title, existingNumber: seed.registryNumber, registeredOn: '2016-08-30' });
  }
});
afterAll(() => t.close());

function secretaryOf(bodyId: string, userId: string): Actor {
  return { kind: 'user', userId, username: `sekr-${bodyId.slice(0, 4)}`, displayName: 'Sekreterare', grants: [{ role: 'boardSecretary', bodyId }] };
}

async function record(seed: SeedMinutes) {
  const bodyId = bodyIds[seed.body]!;
  const userId = await addUser(t, `sekr-${bodyId.slice(0, 8)}`, [{ role: 'boardSecretary', bodyId }]);
  const ctx = { db: t.database.db, clock: t.clock, actor: secretaryOf(bodyId, userId) };
  const meeting = await createMeeting(ctx, { bodyId, meetingDate: seed.meetingDate, minutesTense: seed.minutesTense, place: 'Stadshuset' });
  const { title, subtitle } = seed.item;
  const item = await addAgendaItem(ctx, meeting.id, { paragraph: seed.paragraph, title, subtitle, registryNumber: seed.registryNumber });
  await recordItem(ctx, item.id, seed.item);
  await approveMinutes(ctx, meeting.id, { approvedOn: seed.approvedOn, approvers: ['Justerare Ett', 'Justerare Två'] });
  const extract = await getExtract({ db: t.database.db, actor: { kind: 'anonymous' } }, meeting.id, item.id);
  return { meeting, item, extract, bodyId };
}

function expectSeedIn(seedFile: string, rendered: string) {
  const seed = seedText(seedFile);
  const text = normalise(rendered);
  // Every line of the seed, in the rendered extract …
  const missing = seed
    .split('\n')
    .map(normalise)
    .filter(Boolean)
    .filter((line) => !text.includes(line));
  expect(missing).toEqual([]);
  // … and the whole seed, in its order.
  expect(text).toContain(normalise(seed));
}

describe('seed 000: Hägersten-Liljeholmens stadsdelsnämnd § 13', () => {
  let result: Awaited<ReturnType<typeof record>>;
  beforeAll(async () => {
    result = await record(SEED_000);
  });

  it('renders the seed exactly: decision, matter, Dnr, proposals, procedure and L’s reservation in full', () => {
    expectSeedIn('000_605d7dfb49ed5342.txt', result.extract.text);
    const text = normalise(result.extract.text);
    expect(text).toContain('Jessica Jormtun m.fl. (MP), Eva Fagerhem m.fl. (S), Carita Stenbacka Tenezakis (V) och Lars Svärd m.fl. (M) föreslog att nämnden skulle besluta enligt förvaltningens förslag.');
    expect(text).toContain('Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag. ”1. Att godkänna förvaltningens förslag till beslut. 2. Att därutöver anföra följande. Liberalerna har länge');
    expect(text).toContain('Protokollet justerades den 29 september 2016. Justerare: Justerare Ett och Justerare Två.');
    // The seed's order: Beslut before Ärendet, the reservation last.
    expect(text.indexOf('Beslut Hägersten')).toBeLessThan(text.indexOf('Ärendet'));
    expect(text.indexOf('Beslutsgång')).toBeLessThan(text.indexOf('Reservation'));
  });

  it('registers the extract in the case as a protocol extract with the text and the PDF', async () => {
    const theCase = await findCaseByRegistryNumber(t.database.db, result.bodyId, SEED_000.registryNumber);
    const documentId = result.extract.item.extractDocumentId!;
    expect(documentId).toBeTruthy();
    const reader = { db: t.database.db, actor: { kind: 'anonymous' } as const };
    const doc = await getDocument(reader, documentId);
    expect(doc).toMatchObject({ caseId: theCase!.id, kind: 'protocolExtract', documentDate: SEED_000.approvedOn, text: result.extract.text });
    expect(doc.attachments).toHaveLength(1);
    const file = await getAttachmentFile(reader, doc.attachments[0]!.id);
    expect(file.mediaType).toBe('application/pdf');
    const pdf = normalise(await pdfText(file.content));
    expect(pdf).toContain('Abit Dundar m.fl. (L) reserverade sig till förmån för eget förslag.');
    expect(pdf).toContain('Stockholm ska vara en smart stad och ligga i framkant av det digitala innovationsarbetet.”');
  });
});

describe('seed 001: Socialnämnden § 13', () => {
  let result: Awaited<ReturnType<typeof record>>;
  beforeAll(async () => {
    result = await record(SEED_001);
  });

  it('renders the seed exactly in the present tense: numbered decision, reservation, matter, proposals with L’s text, Beslutsordning', () => {
    expectSeedIn('001_41b9deafe301b80b.txt', result.extract.text);
    const text = normalise(result.extract.text);
    expect(text).toContain('Dnr 1.7.1-368/2016 Socialnämndens beslut 1. Socialnämnden hänvisar till tjänsteutlåtandet som svar på remissen. 2. Socialnämnden överlämnar ärendet till kommunstyrelsen.');
    expect(text).toContain(
      'Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson (L) reserverar sig mot nämndens beslut till förmån för sitt eget förslag som redovisas nedan.',
    );
    expect(text).toContain('Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson föreslår att nämnden beslutar följande:');
  });

  it('gives the compilation the same L text in both boards', async () => {
    const c000 = await findCaseByRegistryNumber(t.database.db, bodyIds[SEED_000.body]!, SEED_000.registryNumber);
    const c001 = await findCaseByRegistryNumber(t.database.db, bodyIds[SEED_001.body]!, SEED_001.registryNumber);
    const decisions = await listDecisionsForCases(t.database.db, [c000!.id, c001!.id]);
    expect(decisions).toHaveLength(2);
    for (const d of decisions) {
      expect(d).toMatchObject({ final: true, paragraph: 13, title: 'Strategi för Stockholm som smart och uppkopplad stad' });
      expect(d.reservations).toHaveLength(1);
      expect(d.reservations[0]!.inFavourOfOwnProposal).toBe(true);
      expect(d.reservations[0]!.parties).toEqual(['L']);
      expect(d.proposals.map((p) => p.kind)).toEqual(['supportsAdministration', 'own']);
      expect(d.extractDocumentId).toBeTruthy();
      expect(d.procedureText).toMatch(/^Ordföranden ställ/);
    }
    expect(decisions[0]!.reservations[0]!.text).toBe(decisions[1]!.reservations[0]!.text);
    expect(decisions[0]!.reservations[0]!.text).toMatch(/^1\. Att godkänna förvaltningens förslag till beslut\.\n\n2\. Att därutöver anföra följande\.\n\nLiberalerna har länge/);
  });

  it('shows the extract page and the case section to anyone', async () => {
    const anon = new Client(t.app);
    const page = await anon.get(`/meetings/${result.meeting.id}/items/${result.item.id}/extract`, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    const html = page.body.replace(/<[^>]+>/g, ' ').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(normalise(html)).toContain('Ledamoten Frida Johansson Metso (L) och tjänstgörande ersättaren Inga-Lill Persson (L) reserverar sig');
    const c001 = await findCaseByRegistryNumber(t.database.db, bodyIds[SEED_001.body]!, SEED_001.registryNumber);
    const casePage = await anon.get(`/registry/cases/${c001!.id}`, { accept: 'text/html' });
    expect(casePage.body).toContain('Socialnämnden, sammanträde 20 september 2016 § 13');
    expect(casePage.body).toContain(`/meetings/${result.meeting.id}/items/${result.item.id}/extract`);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
