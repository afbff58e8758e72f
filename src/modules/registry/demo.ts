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
const SEED = { eStrategy: '004_4df7957926e1cc26.txt' } as const;

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

/**
 * The referral round of 2016 (the sender's case and the cases of seeds 000–003) is created by the
 * referral demo (src/demo/referral-round.ts) through the referral, meeting and statement commands.
 * The registry demo holds the other material.
 */
const SPECS: CaseSpec[] = [
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
