import { actorLabel } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { isAppError, Invalid } from '../../../core/errors.js';
import { t } from '../../../core/i18n.js';
import { authorize } from '../../../access/permissions.js';
import { parseFile } from '../dry-run.js';
import { ARCHIVE_IMPORT } from '../policy.js';
import { archiveImportRepository, type ImportRunRow } from '../repository.js';
import { fieldReasons, storeImportedFile } from './store-file.js';

export interface ImportFilesOptions {
  maxBytes: number;
  source: 'cli' | 'web';
  /** Called after each file (progress bars). */
  onFile?: (file: string, status: 'stored' | 'skipped' | 'failed') => void;
}

/** Why a file could not be stored, in Swedish (the report's language) with field messages spelled out. */
export function failureReason(e: unknown): string {
  if (e instanceof Invalid) return fieldReasons(e) || e.message;
  if (isAppError(e)) return t('sv', e.messageKey, e.params);
  return `oväntat fel: ${(e as Error)?.message ?? String(e)}`;
}

/** A file whose text could not be read: its own reason is the report line (no "unexpected error"). */
class UnreadableFile extends Error {}

type FileStatus = 'stored' | 'skipped' | 'failed';

/**
 * One import run over named items, each stored in its own transaction by `storeOne`, continuing
 * past items that cannot be read or stored. The run row is the report: counts and every failure
 * with its reason. Shared by the command line (files) and the import screen (uploads).
 */
export async function runImport(
  ctx: Ctx,
  source: 'cli' | 'web',
  names: string[],
  storeOne: (index: number, runId: string) => Promise<'stored' | 'skipped'>,
  onFile?: (name: string, status: FileStatus) => void,
): Promise<ImportRunRow> {
  authorize(ctx.actor, ARCHIVE_IMPORT);
  const run = await archiveImportRepository.insertRun(ctx.db, {
    source,
    actorLabel: actorLabel(ctx.actor),
    startedAt: ctx.clock.now(),
    fileCount: names.length,
  });
  const counts = { stored: 0, skipped: 0, failed: 0 };
  const failures: Array<{ file: string; reason: string }> = [];
  for (const [i, name] of names.entries()) {
    let status: FileStatus;
    try {
      status = await storeOne(i, run.id);
    } catch (e) {
      status = 'failed';
      failures.push({ file: name, reason: e instanceof UnreadableFile ? e.message : failureReason(e) });
    }
    counts[status]++;
    onFile?.(name, status);
  }
  const finishedAt = ctx.clock.now();
  await archiveImportRepository.updateRun(ctx.db, run.id, { ...counts, failures, finishedAt });
  return { ...run, ...counts, failures, finishedAt };
}

/**
 * Import files one by one (see runImport). Re-running over the same files skips those already
 * stored (content hash).
 */
export async function importFiles(ctx: Ctx, files: string[], opts: ImportFilesOptions): Promise<ImportRunRow> {
  return runImport(
    ctx,
    opts.source,
    files,
    async (i, runId) => {
      const file = files[i]!;
      const outcome = await parseFile(file, { maxBytes: opts.maxBytes });
      if (!outcome.source) throw new UnreadableFile(outcome.error?.messageSv ?? 'filen kunde inte läsas');
      if (outcome.result.kind === 'unknown') {
        throw new Invalid({ kind: ['archiveImport.unclassified'] }, 'the text could not be classified');
      }
      const stored = await storeImportedFile(ctx, {
        runId,
        filename: file,
        bytes: outcome.source.bytes,
        originalText: outcome.source.originalText,
        repairedText: outcome.source.repairedText,
        parsed: outcome.result,
        extra: outcome.source.extra,
      });
      return stored.status;
    },
    opts.onFile,
  );
}
