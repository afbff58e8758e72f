import { NotFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { archiveImportRepository, type ImportedFileRow, type ImportRunRow } from './repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface RunReport {
  run: ImportRunRow;
  files: ImportedFileRow[];
}

/** An import run with the files it stored (failures are in the run row). */
export async function getImportRun(db: Db, id: string): Promise<RunReport> {
  const run = UUID.test(id) ? await archiveImportRepository.findRun(db, id) : undefined;
  if (!run) throw new NotFound('import run');
  return { run, files: await archiveImportRepository.filesOfRun(db, id) };
}

export async function listImportRuns(db: Db, page: number, pageSize = 20) {
  const { rows, total } = await archiveImportRepository.listRuns(db, pageSize, (page - 1) * pageSize);
  return { rows, total, page, pageSize };
}
