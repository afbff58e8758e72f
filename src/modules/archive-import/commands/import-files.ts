import { actorLabel } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { isAppError, Invalid } from '../../../core/errors.js';
import { t } from '../../../core/i18n.js';
import { authorize } from '../../../access/permissions.js';
import { parseFile } from '../dry-run.js';
import { ARCHIVE_IMPORT } from '../policy.js';
import { archiveImportRepository, type ImportRunRow } from '../repository.js';
import { storeImportedFile } from './store-file.js';

export interface ImportFilesOptions {
  maxBytes: number;
  source: 'cli' | 'web';
  /** Called after each file (progress bars). */
  onFile?: (file: string, status: 'stored' | 'skipped' | 'failed') => void;
}

/** Why a file could not be stored, in Swedish (the report's language) with field messages spelled out. */
export function failureReason(e: unknown): string {
  if (e instanceof Invalid) {
    const parts = Object.entries(e.fields).flatMap(([field, keys]) => keys.map((k) => `${field}: ${t('sv', k)}`));
    return parts.join('; ') || e.message;
  }
  if (isAppError(e)) return t('sv', e.messageKey, e.params);
  return `oväntat fel: ${(e as Error)?.message ?? String(e)}`;
}

/**
 * Import files one by one, each in its own transaction (see storeImportedFile), continuing past
 * files that cannot be read or stored. The run row is the report: counts and every failure with
 * its reason. Re-running over the same files skips those already stored (content hash).
 */
export async function importFiles(ctx: Ctx, files: string[], opts: ImportFilesOptions): Promise<ImportRunRow> {
  authorize(ctx.actor, ARCHIVE_IMPORT);
  const run = await archiveImportRepository.insertRun(ctx.db, {
    source: opts.source,
    actorLabel: actorLabel(ctx.actor),
    startedAt: ctx.clock.now(),
    fileCount: files.length,
  });
  const counts = { stored: 0, skipped: 0, failed: 0 };
  const failures: Array<{ file: string; reason: string }> = [];
  for (const file of files) {
    let status: 'stored' | 'skipped' | 'failed';
    try {
      const outcome = await parseFile(file, { maxBytes: opts.maxBytes });
      if (!outcome.source) throw new Error(outcome.error?.messageSv ?? 'filen kunde inte läsas');
      if (outcome.result.kind === 'unknown') {
        throw new Invalid({ kind: ['archiveImport.unclassified'] }, 'the text could not be classified');
      }
      const stored = await storeImportedFile(ctx, {
        runId: run.id,
        filename: file,
        bytes: outcome.source.bytes,
        originalText: outcome.source.originalText,
        repairedText: outcome.source.repairedText,
        parsed: outcome.result,
        extra: outcome.source.extra,
      });
      status = stored.status;
    } catch (e) {
      status = 'failed';
      failures.push({ file, reason: isAppError(e) ? failureReason(e) : (e as Error).message });
    }
    counts[status]++;
    opts.onFile?.(file, status);
  }
  await archiveImportRepository.updateRun(ctx.db, run.id, { ...counts, failures, finishedAt: ctx.clock.now() });
  return { ...run, ...counts, failures, finishedAt: ctx.clock.now() };
}
