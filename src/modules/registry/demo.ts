import { readFileSync } from 'node:fs';
import type { Ctx } from '../../core/context.js';
import { registerCase, type RegisterCaseInput } from './commands/register-case.js';
import { registerDocument, type RegisterDocumentInput } from './commands/register-document.js';
import { findBodyById } from '../organisation/index.js';
import { patternNeedsClass } from './numbering.js';
import { registryRepository } from './repository.js';

/**
 * Demo registry from the five seed documents (copies in ./demo-texts, public documents of the
 * City of Stockholm). Idempotent: cases are found again by their number (archive cases) or by
 * body, year and title; documents by case and title. Everything goes through the commands, so
 * the audit log shows the seeding like any other registration.
 *
 * Dates the seeds do not give (meeting days, most registration days) are placeholders, chosen
 * before the referral deadline of 30 September 2016 and marked below.
 */
export interface RegistryDemoResult {
  summary: { newCases: number; newDocuments: number; skippedBodies: string[] };
  caseIds: Record<string, string>;
}

const text = (file: string) => readFileSync(new URL(`./demo-texts/${file}`, import.meta.url), 'utf8');
const SEED = {
  hl: '000_605d7dfb49ed5342.txt',
  social: '001_41b9deafe301b80b.txt',
  labour: '002_60c3910f374916ba.txt',
  culture: '003_f6378860e77b1f9e.txt',
  eStrategy: '004_4df7957926e1cc26.txt',
} as const;

const STRATEGY = 'Strategi för Stockholm som smart och uppkopplad stad';
const REFERRAL_TITLE = `${STRATEGY} – remiss från kommunstyrelsen`;
/** Used only when a body's pattern needs a class and the body has no default class. */
const FALLBACK_CLASS = '1.5.1';

type DocSpec = Omit<RegisterDocumentInput, 'attachments'> & { file?: string };
interface CaseSpec {
  key: string;
  body: string;
  /** Other names the organisation demo may use for the same body. */
  aliases?: string[];
  /** Kind of body to fall back to when none of the names is present. */
  fallbackKind?: 'districtBoard';
  case: Omit<RegisterCaseInput, 'bodyId'> & { year: number };
  documents: DocSpec[];
}

const SPECS: CaseSpec[] = [
  {
    key: 'ks-strategy',
    body: 'Kommunstyrelsen',
    // The Dnr of KS is not in the seeds: numbered with the body's own pattern in 2016.
    case: {
      title: STRATEGY,
      description:
        'Kommunstyrelsens remiss av förslaget till strategi med fyra bilagor (strategi, kommunikationsstrategi, kartläggning pågående projekt och möjliga projekt). Remisstid till den 30 september 2016.',
      year: 2016,
      registeredOn: '2016-06-14', // placeholder: the letter in seed 003 says 14 June (2017, inconsistent with the 2016 deadline)
    },
    documents: [
      {
        kind: 'draft',
        direction: 'outgoing',
        title: `Förslag: ${STRATEGY}`,
        documentDate: '2016-06-14',
        authorName: 'Stadsledningskontoret',
        text: 'Förslaget till strategi som kommunstyrelsen sänder på remiss. Platshållare i demodata: strategins fulltext ingår inte.',
      },
      ...(
        [
          ['1', 'Strategi'],
          ['2', 'Kommunikationsstrategi'],
          ['3', 'Kartläggning pågående projekt'],
          ['4', 'Möjliga projekt'],
        ] as const
      ).map(
        ([n, name]): DocSpec => ({
          kind: 'attachment',
          direction: 'outgoing',
          title: `Bilaga ${n}: ${name}`,
          documentDate: '2016-06-14',
          authorName: 'Stadsledningskontoret',
          text: `Bilaga ${n} (${name.toLowerCase()}) till remissen "${STRATEGY}". Platshållare i demodata: bilagans text ingår inte.`,
        }),
      ),
    ],
  },
  {
    key: 'hl-strategy',
    body: 'Hägersten-Liljeholmens stadsdelsnämnd',
    case: { title: REFERRAL_TITLE, existingNumber: '304-2016-1.5.1', year: 2016, registeredOn: '2016-08-30' },
    documents: [
      {
        kind: 'statement',
        direction: 'internal',
        title: `Tjänsteutlåtande: ${STRATEGY}`,
        documentDate: '2016-08-30',
        authorName: 'Hägersten-Liljeholmens stadsdelsförvaltning',
        text: 'Förvaltningens tjänsteutlåtande av den 30 augusti 2016. Platshållare i demodata: utlåtandets text ingår inte; protokollsutdraget § 13 återger förvaltningens synpunkter.',
      },
      {
        kind: 'protocolExtract',
        direction: 'outgoing',
        title: `Protokollsutdrag § 13: ${STRATEGY}`,
        documentDate: '2016-09-22', // placeholder: the meeting day is not in the seed
        authorName: 'Hägersten-Liljeholmens stadsdelsnämnd',
        counterpart: 'Kommunstyrelsen',
        text: text(SEED.hl),
        file: SEED.hl,
      },
    ],
  },
  {
    key: 'social-strategy',
    body: 'Socialnämnden',
    case: { title: REFERRAL_TITLE, existingNumber: '1.7.1-368/2016', year: 2016, registeredOn: '2016-08-30' },
    documents: [
      {
        kind: 'statement',
        direction: 'internal',
        title: `Tjänsteutlåtande: ${STRATEGY}`,
        documentDate: '2016-08-30',
        authorName: 'Socialförvaltningen',
        text: 'Socialförvaltningens tjänsteutlåtande daterat den 30 augusti 2016. Platshållare i demodata: utlåtandets text ingår inte; protokollsutdraget § 13 sammanfattar det.',
      },
      {
        kind: 'protocolExtract',
        direction: 'outgoing',
        title: `Protokollsutdrag § 13: ${STRATEGY}`,
        documentDate: '2016-09-22', // placeholder: the meeting day is not in the seed
        authorName: 'Socialnämnden',
        counterpart: 'Kommunstyrelsen',
        text: text(SEED.social),
        file: SEED.social,
      },
    ],
  },
  {
    key: 'labour-strategy',
    body: 'Arbetsmarknadsnämnden',
    // The Dnr is not in the seed: numbered with the body's own pattern in 2016.
    case: { title: REFERRAL_TITLE, year: 2016, registeredOn: '2016-09-01' }, // placeholder date
    documents: [
      {
        kind: 'statement',
        direction: 'internal',
        title: `Yttrande över remissen "${STRATEGY}"`,
        documentDate: '2016-09-01', // placeholder: the statement is undated in the seed
        authorName: 'Arbetsmarknadsförvaltningen (Arjun Bakshi, arbetsmarknadsdirektör)',
        // OCR-damaged original (å/ä/ö lost), kept as it is: a real data-quality case.
        text: text(SEED.labour),
        file: SEED.labour,
      },
    ],
  },
  {
    key: 'culture-strategy',
    body: 'Kulturnämnden',
    // Dnr year 2016, but registered at the administration on 16 June 2017 (seed 003).
    case: { title: REFERRAL_TITLE, existingNumber: '171-908/2016', year: 2016, registeredOn: '2017-06-16' },
    documents: [
      {
        kind: 'referralLetter',
        direction: 'incoming',
        title: `Remissbrev: ${STRATEGY}`,
        documentDate: '2017-06-14',
        counterpart: 'Kommunstyrelsen',
        text: 'Remissbrevet är daterat den 14 juni 2017 men remisstiden sträcker sig till den 30 september 2016 (så står det i handlingen). Fyra bilagor: (1) strategi, (2) kommunikationsstrategi, (3) kartläggning pågående projekt och (4) möjliga projekt.',
        registeredOn: '2017-06-16',
      },
      {
        kind: 'statement',
        direction: 'internal',
        title: `${STRATEGY} – svar på remiss`,
        documentDate: '2017-06-16', // placeholder: the statement is undated in the seed
        authorName: 'Kulturförvaltningen (Robert Olsson, kulturdirektör)',
        text: text(SEED.culture),
        file: SEED.culture,
        registeredOn: '2017-06-16',
      },
    ],
  },
  {
    key: 'district-e-strategy-2008',
    // Seed 004 does not name the district administration; the demo files it with this board.
    body: 'Hägersten-Liljeholmens stadsdelsnämnd',
    fallbackKind: 'districtBoard',
    case: { title: 'Uppdatering av Stockholms stads e-strategi', year: 2008, registeredOn: '2008-03-03' }, // placeholder date
    documents: [
      {
        kind: 'statement',
        direction: 'internal',
        title: 'Tjänsteutlåtande: Uppdatering av Stockholms stads e-strategi',
        documentDate: '2008-03-03', // placeholder: the statement is undated in the seed
        authorName: 'Stadsdelsförvaltningen, avdelningen för stadsdelsmiljö och teknik',
        text: text(SEED.eStrategy),
        file: SEED.eStrategy,
      },
    ],
  },
  {
    key: 'hl-personnel-2016',
    body: 'Hägersten-Liljeholmens stadsdelsnämnd',
    // Invented for the demo, to show how a secret document appears in a public case.
    case: { title: 'Personalfrågor 2016', year: 2016, registeredOn: '2016-10-03' },
    documents: [
      {
        kind: 'memo',
        direction: 'internal',
        title: 'Bedömning av personalärende',
        documentDate: '2016-10-03',
        authorName: 'Hägersten-Liljeholmens stadsdelsförvaltning, HR',
        text: 'Påhittad anteckning i demodata. Handlingen är sekretessbelagd (K2) för att visa att diariet visar datum, diarienummer och typ men inte rubrik, innehåll eller bilagor.',
        classification: { confidentiality: 2, integrity: 1, availability: 1 },
        secrecyGround: 'OSL 39 kap. 3 §',
      },
    ],
  },
];

function findBodyId(byName: Record<string, string>, names: string[]): string | undefined {
  const lower = new Map(Object.entries(byName).map(([k, v]) => [k.toLowerCase(), v]));
  for (const n of names) {
    const id = byName[n] ?? lower.get(n.toLowerCase());
    if (id) return id;
  }
  return undefined;
}

export async function seedRegistryDemo(ctx: Ctx, bodyIdsByName: Record<string, string>): Promise<RegistryDemoResult> {
  const limits = { maxBytes: Number.MAX_SAFE_INTEGER };
  const result: RegistryDemoResult = { summary: { newCases: 0, newDocuments: 0, skippedBodies: [] }, caseIds: {} };
  for (const spec of SPECS) {
    let bodyId = findBodyId(bodyIdsByName, [spec.body, ...(spec.aliases ?? [])]);
    if (!bodyId && spec.fallbackKind) {
      bodyId = findBodyId(
        bodyIdsByName,
        Object.keys(bodyIdsByName).filter((n) => /stadsdelsnämnd/i.test(n)),
      );
    }
    if (!bodyId) {
      result.summary.skippedBodies.push(spec.body);
      continue;
    }
    const body = await findBodyById(ctx.db, bodyId);
    if (!body) {
      result.summary.skippedBodies.push(spec.body);
      continue;
    }
    let theCase = spec.case.existingNumber
      ? await registryRepository.findCaseByNumber(ctx.db, bodyId, spec.case.existingNumber)
      : await registryRepository.findCaseByTitle(ctx.db, bodyId, spec.case.year, spec.case.title);
    if (!theCase) {
      const needsClass = !spec.case.existingNumber && patternNeedsClass(body.registryPattern) && !body.defaultClassCode;
      const { year, ...rest } = spec.case;
      theCase = await registerCase(ctx, {
        ...rest,
        bodyId,
        // An existing number carries its own year.
        ...(spec.case.existingNumber ? {} : { year }),
        ...(needsClass && { classCode: FALLBACK_CLASS }),
      });
      result.summary.newCases++;
    }
    result.caseIds[spec.key] = theCase.id;
    for (const doc of spec.documents) {
      if (await registryRepository.findDocumentByTitle(ctx.db, theCase.id, doc.title)) continue;
      const { file, ...input } = doc;
      await registerDocument(
        ctx,
        theCase.id,
        {
          // Registered on the day it was written, but never before its case.
          registeredOn: spec.case.registeredOn && spec.case.registeredOn > doc.documentDate ? spec.case.registeredOn : doc.documentDate,
          ...input,
          ...(file && { attachments: [{ filename: file, mediaType: 'text/plain; charset=utf-8', content: Buffer.from(text(file), 'utf8') }] }),
        },
        limits,
      );
      result.summary.newDocuments++;
    }
  }
  return result;
}
