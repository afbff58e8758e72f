import { actorLabel } from '../../../auth/actor.js';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { extractText, parseDocument, toDryRunJson, type DryRunResult, type ParsedDocument } from '../parser/index.js';
import { ARCHIVE_IMPORT } from '../policy.js';
import { archiveImportRepository, type ImportRunRow } from '../repository.js';
import { runImport } from './import-files.js';
import { storeImportedFile } from './store-file.js';

export interface UploadedSource {
  filename: string;
  content: Buffer;
}

export interface ReadUpload {
  filename: string;
  content: Buffer;
  parsed: ParsedDocument;
  result: DryRunResult;
}

/** Read and parse an uploaded file; unreadable files are refused with the reason as a field error. */
export async function readUpload(file: UploadedSource, maxBytes: number): Promise<ReadUpload> {
  const extracted = await extractText({ name: file.filename, bytes: new Uint8Array(file.content) }, { maxBytes });
  if ('error' in extracted) throw new Invalid({ files: [`${file.filename}: ${extracted.error.messageSv}`] }, extracted.error.message);
  const parsed = parseDocument({ file: file.filename, text: extracted.text });
  return { filename: file.filename, content: file.content, parsed, result: toDryRunJson(parsed) };
}

/**
 * Store uploaded files from the import screen as one run, with the registrar's corrections for a
 * reviewed file. Each file is its own transaction (storeImportedFile); failures are collected in
 * the run's report instead of stopping the others.
 */
export async function importUploads(
  ctx: Ctx,
  files: Array<UploadedSource & { corrections?: Partial<DryRunResult> }>,
  maxBytes: number,
): Promise<ImportRunRow> {
  return runImport(
    ctx,
    'web',
    files.map((f) => f.filename),
    async (i, runId) => {
      const file = files[i]!;
      const read = await readUpload(file, maxBytes);
      const parsed = { ...read.result, ...file.corrections };
      if (parsed.kind === 'unknown') throw new Invalid({ kind: ['archiveImport.unclassified'] });
      const out = await storeImportedFile(ctx, {
        runId,
        filename: file.filename,
        bytes: new Uint8Array(file.content),
        originalText: read.parsed.originalText,
        repairedText: read.parsed.text,
        parsed,
        extra: read.parsed.extra,
      });
      return out.status;
    },
  );
}

/**
 * Store one reviewed file. Unlike importUploads a refusal is thrown (Invalid with field errors) so
 * the review form can show it next to the field; nothing is written then, not even a run.
 */
export async function importReviewed(ctx: Ctx, file: UploadedSource, corrections: Partial<DryRunResult>, maxBytes: number) {
  authorize(ctx.actor, ARCHIVE_IMPORT);
  const read = await readUpload(file, maxBytes);
  const parsed = { ...read.result, ...corrections };
  if (parsed.kind === 'unknown') throw new Invalid({ kind: ['archiveImport.unclassified'] });
  return ctx.db.transaction(async (tx) => {
    const inner = { ...ctx, db: tx };
    const run = await archiveImportRepository.insertRun(tx, {
      source: 'web',
      actorLabel: actorLabel(ctx.actor),
      startedAt: ctx.clock.now(),
      fileCount: 1,
    });
    const out = await storeImportedFile(inner, {
      runId: run.id,
      filename: file.filename,
      bytes: new Uint8Array(file.content),
      originalText: read.parsed.originalText,
      repairedText: read.parsed.text,
      parsed,
      extra: read.parsed.extra,
    });
    const counts = { stored: out.status === 'stored' ? 1 : 0, skipped: out.status === 'skipped' ? 1 : 0, failed: 0 };
    await archiveImportRepository.updateRun(tx, run.id, { ...counts, finishedAt: ctx.clock.now() });
    return { run: { ...run, ...counts }, outcome: out };
  });
}
