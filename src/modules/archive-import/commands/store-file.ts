import path from 'node:path';
import { authorize } from '../../../access/permissions.js';
import { actorLabel, systemActor } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Forbidden, Invalid, Unauthenticated } from '../../../core/errors.js';
import { t } from '../../../core/i18n.js';
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
import { findDates, type DryRunResult, type Member, type ParseExtra } from '../parser/index.js';
import { recordArchivedItem, type RecordArchivedItemInput } from '../../meetings/index.js';
import { linkArchivedAnswer } from '../../referrals/index.js';
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
  /** What else the parser found (the matter text, full proposal texts, a vote): for the meeting record. */
  extra?: ParseExtra;
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

/** A refusal's field messages in Swedish, for the import report: "field: message, message; field: …". */
export const fieldReasons = (e: Invalid) =>
  Object.entries(e.fields)
    .map(([field, keys]) => `${field}: ${keys.map((k) => t('sv', k)).join(', ')}`)
    .join('; ');

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

    const records: Record<string, string> = {};
    if (parsed.kind === 'protocolExtract' && parsed.paragraph !== null) {
      // The decision as a meeting paragraph, final, with this document as its extract. The
      // document is kept even when the model refuses what was read; the report says why.
      try {
        const item = await recordArchivedItem(
          { ...inner, actor: systemActor(`import:${actorLabel(ctx.actor)}`) },
          archivedItemInput(parsed, input.extra, { bodyId: body.id, caseId: caseRow.id, extractDocumentId: document.id, meetingDate: parsed.meetingDate ?? date }),
        );
        records.meetingId = item.meetingId;
        records.itemId = item.id;
      } catch (e) {
        if (!(e instanceof Invalid)) throw e;
        warnings.push(`Beslutet kunde inte sparas som sammanträdesparagraf (${fieldReasons(e)}); handlingen är sparad.`);
      }
    } else if (parsed.kind === 'protocolExtract') {
      warnings.push('Protokollsutdraget saknar paragrafnummer: beslutet sparades inte som sammanträdesparagraf.');
    }

    // Answers to the same referral gather in one round (found by sender and subject, or created).
    const subject = parsed.referral?.subject;
    const senderName = parsed.referral?.sender ?? (/kommunstyrelsen/i.test(input.repairedText) ? 'Kommunstyrelsen' : null);
    if (subject && senderName && parsed.kind !== 'memo') {
      try {
        // A sender missing from the organisation (and not creatable by this user) only costs the link.
        const sender = await resolveBody(inner, senderName);
        if (sender.id !== body.id) {
          const link = await linkArchivedAnswer(
            { ...inner, actor: systemActor(`import:${actorLabel(ctx.actor)}`) },
            {
              senderBodyId: sender.id,
              subject: subject.slice(0, 500),
              letterDate: parsed.referral?.letterDate ?? date,
              deadline: parsed.referral?.deadline ?? null,
              recipientBodyId: body.id,
              caseId: caseRow.id,
              status: parsed.kind === 'protocolExtract' && records.itemId ? 'answered' : 'drafting',
              date,
              documentIds: [document.id],
            },
          );
          records.referralId = link.referralId;
        }
      } catch (e) {
        if (!(e instanceof Invalid)) throw e;
        warnings.push(`Handlingen kunde inte knytas till remissen "${subject}" (${fieldReasons(e)}).`);
      }
    }

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
      records,
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

const toMember = (m: Member) => ({ name: m.name ?? '', party: m.party, role: m.role === 'substitute' ? null : m.role, ...(m.others && { others: true }) });

/** What the parser read from a protocol extract, in the meetings model's terms. */
export function archivedItemInput(
  parsed: DryRunResult,
  extra: ParseExtra | undefined,
  ids: { bodyId: string; caseId: string; extractDocumentId: string; meetingDate: string },
): RecordArchivedItemInput {
  const proposals = parsed.proposals.map((p, i) => {
    const own = extra?.proposalTexts[i] ?? null;
    const supports = own === null && /förvaltningens förslag|enligt förvaltningens/i.test(p.summary);
    return {
      members: p.members.filter((m) => m.name || m.role === 'chair').map(toMember),
      parties: p.parties,
      kind: supports ? ('supportsAdministration' as const) : ('own' as const),
      text: supports ? '' : (own ?? p.summary),
    };
  });
  const ownIndex = (parties: string[]) => {
    const i = proposals.findIndex((p) => p.kind === 'own' && p.parties.some((x) => parties.includes(x)));
    return i < 0 ? null : i + 1;
  };
  const vote = extra?.vote;
  return {
    bodyId: ids.bodyId,
    caseId: ids.caseId,
    extractDocumentId: ids.extractDocumentId,
    meetingDate: ids.meetingDate,
    paragraph: parsed.paragraph!,
    title: (parsed.title ?? 'Ärende').slice(0, 500),
    subtitle: extra?.subtitle ?? null,
    content: {
      matterText: (extra?.sections ?? []).filter((s) => s.key === 'matter').map((s) => s.text).join('\n\n').slice(0, 200_000),
      proposals,
      procedure: vote
        ? { kind: 'vote', text: parsed.procedure, votesYes: vote.yes, votesNo: vote.no, votesAbstain: vote.abstained }
        : parsed.procedure
          ? { kind: 'acclamation', text: parsed.procedure }
          : null,
      decisionPoints: parsed.decision,
      reservations: parsed.reservations.map((r) => ({
        members: r.members.filter((m) => m.name || m.role === 'chair').map(toMember),
        parties: r.parties,
        inFavourOfProposal: r.inFavourOf && /eget|egna/i.test(r.inFavourOf) ? ownIndex(r.parties) : null,
        text: r.text ?? '',
      })),
    },
  };
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
