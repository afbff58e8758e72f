import path from 'node:path';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Forbidden, Invalid, Unauthenticated } from '../../../core/errors.js';
import { createBody, findBodyByName, type BodyKind, type BodyRow } from '../../organisation/index.js';
import {
  findCaseByRegistryNumber,
  normaliseRegistryNumber,
  registerCase,
  registerDocument,
  sha256Hex,
  stockholmDate,
  stockholmYear,
} from '../../registry/index.js';
import { findDates, type DryRunResult } from '../parser/index.js';
import { ARCHIVE_IMPORT } from '../policy.js';
import { archiveImportRepository, type ImportedFileRow } from '../repository.js';

export interface StoreFileInput {
  runId: string | null;
  /** The name shown in reports (the path given on the command line, or the uploaded name). */
  filename: string;
  bytes: Uint8Array;
  /** The text as read from the file, before OCR repair. */
  originalText: string;
  /** The text after OCR repair: becomes the document's searchable body text. */
  repairedText: string;
  /** The parser's result, possibly corrected by a registrar on the import screen. */
  parsed: DryRunResult;
}

export type StoreFileOutcome =
  | { status: 'stored'; file: ImportedFileRow }
  | { status: 'skipped'; file: ImportedFileRow };

const DOCUMENT_KIND = { protocolExtract: 'protocolExtract', statement: 'statement', memo: 'memo', unknown: 'other' } as const;
const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.md': 'text/markdown; charset=utf-8',
  '.markdown': 'text/markdown; charset=utf-8',
};

/** The kind of a body not yet in the organisation, from its Swedish name. */
export function guessBodyKind(name: string): BodyKind {
  const n = name.toLowerCase();
  if (n.includes('stadsdelsnämnd')) return 'districtBoard';
  if (n.includes('kommunstyrelse')) return 'executiveBoard';
  if (n.includes('fullmäktige')) return 'cityCouncil';
  if (n.includes('digitaliseringsråd')) return 'digitalisationCouncil';
  if (/\bab\b|aktiebolag|styrelse/.test(n)) return 'companyBoard';
  return 'specialistBoard';
}

/**
 * Store one parsed file as registry records, all or nothing.
 *
 * In one transaction: the file's content hash is looked up (already imported → `skipped`, nothing
 * new), the body is found by name (or created, administrators only), the case is found by its
 * registry number or registered with that number kept, the document is registered with the
 * repaired text as body text and the original file as attachment (SHA-256 checked), and the
 * imported_files row is written last. A crash or kill before commit leaves none of it; the next
 * run imports the file again from the start.
 */
export async function storeImportedFile(ctx: Ctx, input: StoreFileInput): Promise<StoreFileOutcome> {
  authorize(ctx.actor, ARCHIVE_IMPORT);
  const sha256 = sha256Hex(Buffer.from(input.bytes));
  const existing = await archiveImportRepository.findFileByHash(ctx.db, sha256);
  if (existing) return { status: 'skipped', file: existing };
  const parsed = input.parsed;
  if (!parsed.body) throw new Invalid({ body: ['archiveImport.bodyMissing'] }, 'no deciding or addressed body found');
  const today = stockholmDate(ctx.clock.now());
  const dated = resolveDate(parsed, input.repairedText, today);
  if (!dated) throw new Invalid({ documentDate: ['archiveImport.dateMissing'] }, 'no date found');
  const date = dated.date;
  if (date > today) throw new Invalid({ documentDate: ['archiveImport.dateInFuture'] }, 'the date lies in the future');

  return ctx.db.transaction(async (tx) => {
    const inner: Ctx = { ...ctx, db: tx };
    // A second importer may have committed the same file since the check above.
    const again = await archiveImportRepository.findFileByHash(tx, sha256);
    if (again) return { status: 'skipped', file: again } as const;

    const warnings = [...parsed.warnings, ...(dated.warning ? [dated.warning] : [])];
    const body = await resolveBody(inner, parsed.body!);
    const caseRow = await resolveCase(inner, body, parsed, date, warnings);

    const kind = DOCUMENT_KIND[parsed.kind];
    const title = documentTitle(parsed, input.filename);
    const ext = path.extname(input.filename).toLowerCase();
    const document = await registerDocument(
      inner,
      caseRow.id,
      {
        kind,
        direction: parsed.kind === 'protocolExtract' ? 'outgoing' : 'internal',
        title,
        documentDate: date,
        authorName: parsed.administration ?? parsed.body,
        counterpart: parsed.referral?.sender ?? null,
        text: input.repairedText,
        registeredOn: date,
        attachments: [
          {
            filename: path.basename(input.filename),
            mediaType: MEDIA_TYPES[ext] ?? 'text/plain; charset=utf-8',
            content: Buffer.from(input.bytes),
          },
        ],
      },
      { maxBytes: Number.MAX_SAFE_INTEGER },
    );

    const file = await archiveImportRepository.insertFile(tx, {
      sha256,
      runId: input.runId,
      filename: input.filename,
      kind: parsed.kind,
      bodyId: body.id,
      caseId: caseRow.id,
      documentId: document.id,
      parsed,
      originalText: input.originalText,
      warnings,
      records: {},
      importedBy: actorLabel(ctx.actor),
      importedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'archiveImport.file.store',
      subjectType: 'importedFile',
      subjectId: file.id,
      after: { filename: file.filename, sha256, kind: file.kind, caseId: caseRow.id, documentId: document.id },
      details: { warnings: warnings.length },
    });
    return { status: 'stored', file } as const;
  });
}

/**
 * The document's date: its own date, else the meeting's, else the referral letter's. Many extracts
 * carry none (seeds 000 and 001): then the latest date the text mentions (an extract is written
 * after everything it cites), else 1 January of the registry number's year – both with a warning
 * so a registrar can correct it.
 */
export function resolveDate(parsed: DryRunResult, text: string, today: string): { date: string; warning?: string } | null {
  const own = parsed.documentDate ?? parsed.meetingDate ?? parsed.referral?.letterDate;
  if (own) return { date: own };
  const mentioned = findDates(text)
    .map((d) => d.iso)
    .filter((d) => d <= today)
    .sort();
  const latest = mentioned.at(-1);
  if (latest) return { date: latest, warning: `Handlingen saknar datum; ${latest} (det senaste datum som texten nämner) används.` };
  const year = parsed.registryNumbers.map((n) => /(?:19|20)\d\d/.exec(n)?.[0]).find(Boolean);
  if (year) return { date: `${year}-01-01`, warning: `Handlingen saknar datum; ${year}-01-01 (diarienumrets år) används.` };
  return null;
}

function documentTitle(parsed: DryRunResult, filename: string): string {
  const base = parsed.title ?? path.basename(filename, path.extname(filename));
  const title = parsed.kind === 'protocolExtract' && parsed.paragraph !== null ? `Protokollsutdrag § ${parsed.paragraph}: ${base}` : base;
  return title.slice(0, 500);
}

async function resolveBody(ctx: Ctx, name: string): Promise<BodyRow> {
  const found = await findBodyByName(ctx.db, name);
  if (found) return found;
  try {
    return await createBody(ctx, { name, kind: guessBodyKind(name), description: 'Skapad vid arkivimport.' });
  } catch (e) {
    if (e instanceof Forbidden || e instanceof Unauthenticated) {
      throw new Invalid({ body: ['archiveImport.bodyUnknown'] }, `unknown body "${name}" (only administrators may create bodies)`);
    }
    throw e;
  }
}

async function resolveCase(ctx: Ctx, body: BodyRow, parsed: DryRunResult, date: string, warnings: string[]) {
  const caseTitle = (parsed.referral?.subject ?? parsed.title ?? 'Arkivhandling').slice(0, 500);
  const number = parsed.registryNumbers[0] ? normaliseRegistryNumber(parsed.registryNumbers[0]) : null;
  if (number) {
    const found = await findCaseByRegistryNumber(ctx.db, body.id, number);
    if (found) return found;
    try {
      // Savepoint: a refused number must not abort the file's transaction.
      return await registerCase(ctx, { bodyId: body.id, title: caseTitle, existingNumber: number, registeredOn: date });
    } catch (e) {
      if (!(e instanceof Invalid) || !e.fields.existingNumber) throw e;
      warnings.push(`Diarienumret ${number} kunde inte användas (${e.fields.existingNumber.join(', ')}); ärendet fick ett nytt nummer.`);
    }
  }
  return registerCase(ctx, {
    bodyId: body.id,
    title: caseTitle,
    year: Number(date.slice(0, 4)) || stockholmYear(ctx.clock.now()),
    registeredOn: date,
    ...(number && { description: `Diarienummer i originalhandlingen: ${number}` }),
  });
}
