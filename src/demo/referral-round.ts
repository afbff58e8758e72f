import { readFileSync } from 'node:fs';
import type { Ctx } from '../core/context.js';
import { parseDocument } from '../modules/archive-import/parser/index.js';
import { addAgendaItem, approveMinutes, createMeeting, recordItem, SEED_000, SEED_001, type SeedMinutes } from '../modules/meetings/index.js';
import { findAdministrationByName } from '../modules/organisation/index.js';
import { addAttachment } from '../modules/registry/index.js';
import { answerReferral, createRecipientGroup, createReferral, declineReferral, getReferral, listRecipientGroups, listReferrals, sendReferral } from '../modules/referrals/index.js';
import { createStatement, finaliseStatement } from '../modules/statements/index.js';

/**
 * The referral round that the five seed documents answer, recorded through the commands as it
 * would have happened in 2016: Kommunstyrelsen sends "Strategi för Stockholm som smart och
 * uppkopplad stad" with its four attachments; Hägersten-Liljeholmen and Socialnämnden decide at
 * meetings (seeds 000 and 001, reproduced exactly) and answer; Arbetsmarknadsnämnden answers with
 * its statement (seed 002); Kulturnämnden's statement (seed 003) is written but never decided, so
 * the answer is late; AB Stokab declines. Everything not in the seeds is marked as a placeholder.
 */
export const STRATEGY = 'Strategi för Stockholm som smart och uppkopplad stad';
const LETTER_DATE = '2016-06-14';
const DEADLINE = '2016-09-30';
const RECEIVED = '2016-06-16'; // placeholder: two days after the letter

const seedText = (file: string) => readFileSync(new URL(`../modules/registry/demo-texts/${file}`, import.meta.url), 'utf8');
const SEED_FILES = { hl: '000_605d7dfb49ed5342.txt', social: '001_41b9deafe301b80b.txt', labour: '002_60c3910f374916ba.txt', culture: '003_f6378860e77b1f9e.txt' };

const placeholderFile = (name: string, text: string) => ({ title: name, filename: `${name}.txt`, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(text, 'utf8') });

export interface ReferralDemoResult {
  summary: { referralCreated: boolean };
  referralId: string | null;
}

/** Saved recipient groups registrars pick from when they send a round. */
const GROUPS = [
  { name: 'Alla stadsdelsnämnder', description: 'Varje stadsdelsnämnd som finns när remissen skickas.', bodyKinds: ['districtBoard' as const] },
  { name: 'Alla facknämnder', description: 'Varje facknämnd som finns när remissen skickas.', bodyKinds: ['specialistBoard' as const] },
  { name: 'Alla bolagsstyrelser', description: 'Stadens bolag.', bodyKinds: ['companyBoard' as const] },
];

export async function seedReferralDemo(ctx: Ctx, bodyIdsByName: Record<string, string>): Promise<ReferralDemoResult> {
  const groups = new Set((await listRecipientGroups(ctx.db)).map((g) => g.name));
  for (const group of GROUPS) if (!groups.has(group.name)) await createRecipientGroup(ctx, group);
  const existing = await listReferrals(ctx, { q: STRATEGY, pageSize: 5 });
  const found = existing.items.find((r) => r.subject === STRATEGY);
  if (found) return { summary: { referralCreated: false }, referralId: found.id };
  const body = (name: string) => bodyIdsByName[name];
  const ks = body('Kommunstyrelsen');
  if (!ks) return { summary: { referralCreated: false }, referralId: null };

  const recipients = [
    { name: 'Hägersten-Liljeholmens stadsdelsnämnd', existingNumber: '304-2016-1.5.1' },
    { name: 'Socialnämnden', existingNumber: '1.7.1-368/2016' },
    { name: 'Arbetsmarknadsnämnden' },
    // Seed 003: registered at the administration on 16 June 2017, a year after the letter.
    { name: 'Kulturnämnden', existingNumber: '171-908/2016', receivedOn: '2017-06-16' },
    { name: 'Miljö- och hälsoskyddsnämnden' },
    { name: 'Trafiknämnden' },
    { name: 'AB Stokab' },
  ]
    .filter((r) => body(r.name))
    .map((r) => ({ bodyId: body(r.name)!, ...(r.existingNumber && { existingNumber: r.existingNumber }), ...(r.receivedOn && { receivedOn: r.receivedOn }) }));

  const referral = await createReferral(ctx, {
    senderBodyId: ks,
    subject: STRATEGY,
    description:
      'Kommunstyrelsen remitterar förslaget till strategi med fyra bilagor: (1) strategi, (2) kommunikationsstrategi, (3) kartläggning pågående projekt och (4) möjliga projekt. Remisstid till den 30 september 2016.',
    letterDate: LETTER_DATE,
    deadline: DEADLINE,
    registeredOn: LETTER_DATE,
    recipients,
    draft: placeholderFile(`Förslag: ${STRATEGY}`, 'Förslaget till strategi som kommunstyrelsen sänder på remiss. Platshållare i demodata: strategins fulltext ingår inte.'),
    attachments: ['Strategi', 'Kommunikationsstrategi', 'Kartläggning pågående projekt', 'Möjliga projekt'].map((name, i) =>
      placeholderFile(`Bilaga ${i + 1}: ${name}`, `Bilaga ${i + 1} (${name.toLowerCase()}) till remissen "${STRATEGY}". Platshållare i demodata: bilagans text ingår inte.`),
    ),
  });
  await sendReferral(ctx, referral.id, { receivedOn: RECEIVED });
  const view = await getReferral(ctx, referral.id);
  const recipientOf = (name: string) => view.recipients.find((r) => r.bodyId === body(name));

  // Seeds 000 and 001: the boards decide at a meeting; the approved extract is the answer.
  for (const [seed, file] of [
    [SEED_000, SEED_FILES.hl],
    [SEED_001, SEED_FILES.social],
  ] as Array<[SeedMinutes, string]>) {
    const recipient = recipientOf(seed.body);
    if (!recipient) continue;
    const meeting = await createMeeting(ctx, { bodyId: recipient.bodyId, meetingDate: seed.meetingDate, minutesTense: seed.minutesTense, place: 'Stadshuset' });
    const { title, subtitle } = seed.item;
    const item = await addAgendaItem(ctx, meeting.id, { paragraph: seed.paragraph, title, subtitle, caseId: recipient.caseId });
    await recordItem(ctx, item.id, seed.item);
    await approveMinutes(ctx, meeting.id, { approvedOn: seed.approvedOn, approvers: ['Platshållare: justerare ej angiven'] });
    const decided = (await getReferral(ctx, referral.id)).recipients.find((r) => r.id === recipient.id)!;
    // The document as it was archived, kept beside the extract Stadsnav rendered from the record.
    const extractId = decided.answerDocumentIds[0];
    if (extractId) await addAttachment(ctx, extractId, { filename: file, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(seedText(file), 'utf8') }, { maxBytes: Number.MAX_SAFE_INTEGER });
    await answerReferral(ctx, recipient.id, { stance: 'approvesWithViews', answeredOn: seed.approvedOn });
  }

  // Seeds 002 and 003: the administrations' statements, sections as the parser reads them.
  const labour = recipientOf('Arbetsmarknadsnämnden');
  if (labour) {
    const statement = await statementFromSeed(ctx, labour.caseId!, SEED_FILES.labour, 'Arbetsmarknadsförvaltningen', '2016-09-01');
    const document = await finaliseStatement(ctx, statement.id, { registeredOn: '2016-09-01' });
    await answerReferral(ctx, labour.id, {
      stance: 'approvesWithViews',
      answeredOn: '2016-09-29', // placeholder: the answer day is not in the seed
      documentIds: [document.documentId!],
      note: 'Nämnden hänvisar till förvaltningens tjänsteutlåtande som svar på remissen (seed 002).',
    });
  }
  const culture = recipientOf('Kulturnämnden');
  if (culture) {
    const statement = await statementFromSeed(ctx, culture.caseId!, SEED_FILES.culture, 'Kulturförvaltningen', '2017-06-16');
    await finaliseStatement(ctx, statement.id, { registeredOn: '2017-06-16' });
    // No decision by the board in the seeds: the answer stays late.
  }
  const stokab = recipientOf('AB Stokab');
  if (stokab) {
    await declineReferral(ctx, stokab.id, {
      reason: 'Bolaget har deltagit i framtagandet av strategin och avstår från att yttra sig. (Påhittat i demodata.)',
      date: '2016-06-20',
    });
  }
  return { summary: { referralCreated: true }, referralId: referral.id };
}

/** A statement built from a seed document: the parser's sections mapped to the standard sections. */
async function statementFromSeed(ctx: Ctx, caseId: string, file: string, administrationName: string, documentDate: string) {
  const parsed = parseDocument({ file, text: seedText(file) });
  const sections = parsed.extra.sections.filter((s) => s.text.trim());
  const pick = (test: (heading: string) => boolean) =>
    sections
      .filter((s) => s.heading && test(s.heading.toLowerCase()))
      .map((s) => s.text)
      .join('\n\n');
  const used = (h: string) => /sammanfattning|beredning|synpunkter|förslag till beslut|bilag|handläggare|^till$/.test(h);
  const background = sections
    .filter((s) => s.heading && !used(s.heading.toLowerCase()) && s.key !== 'header')
    .map((s) => `${s.heading}\n\n${s.text}`)
    .join('\n\n');
  const administration = await findAdministrationByName(ctx.db, administrationName);
  return createStatement(ctx, {
    caseId,
    title: `${STRATEGY} – svar på remiss`,
    administrationId: administration?.id ?? null,
    documentDate, // placeholder: the seeds' statements are undated
    proposedDecision: parsed.result.proposedDecision,
    summary: pick((h) => h.includes('sammanfattning')),
    preparation: pick((h) => h.includes('beredning')),
    background,
    views: pick((h) => h.includes('synpunkter')),
    attachmentNames: parsed.result.attachments,
    signatories: parsed.result.signatories.map((s) => ({ name: s.name, title: s.title ?? '' })),
    note: `Text ur ${file} (${parsed.repairs.length ? `${parsed.repairs.length} OCR-fel rättade` : 'oförändrad'}).`,
  });
}
