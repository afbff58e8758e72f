import './messages.js';
import './policy.js';

/** The archive import's public surface: other modules and the CLI import only from here. */
export { ARCHIVE_IMPORT } from './policy.js';
export { collectFiles, parseFile, IMPORTABLE_EXTENSIONS, type FileOutcome } from './dry-run.js';
export { storeImportedFile, guessBodyKind, type StoreFileInput, type StoreFileOutcome } from './commands/store-file.js';
export { importFiles, failureReason, type ImportFilesOptions } from './commands/import-files.js';
export type { ImportRunRow, ImportedFileRow } from './repository.js';
export { registerArchiveImportRoutes } from './http/routes.js';
export { importUploads, importReviewed, readUpload } from './commands/import-upload.js';
export { getImportRun, listImportRuns } from './queries.js';
