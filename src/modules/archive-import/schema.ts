import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bodies } from '../organisation/schema.js';
import { cases, documents } from '../registry/schema.js';
import type { DryRunResult } from './parser/schema.js';

export const IMPORT_SOURCES = ['cli', 'web'] as const;
export const importSourceEnum = pgEnum('import_source', IMPORT_SOURCES);

/** One run of `stadsnav import` or one save from the import screen: the report's header. */
export const importRuns = pgTable('import_runs', {
  id: uuid('id').primaryKey().defaultRandom(),
  source: importSourceEnum('source').notNull(),
  actorLabel: text('actor_label').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  fileCount: integer('file_count').notNull().default(0),
  stored: integer('stored').notNull().default(0),
  skipped: integer('skipped').notNull().default(0),
  failed: integer('failed').notNull().default(0),
  /** Files that could not be stored, with the reason (the rest is in imported_files). */
  failures: jsonb('failures').$type<Array<{ file: string; reason: string }>>().notNull().default([]),
});

/**
 * One stored source file. The SHA-256 of its bytes is unique: importing the same file again finds
 * this row and creates nothing. The row is written in the same transaction as the records made
 * from the file, so a file is either fully imported (row present) or not at all.
 */
export const importedFiles = pgTable(
  'imported_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sha256: text('sha256').notNull().unique(),
    runId: uuid('run_id').references(() => importRuns.id, { onDelete: 'set null' }),
    filename: text('filename').notNull(),
    kind: text('kind').notNull(),
    bodyId: uuid('body_id').references(() => bodies.id, { onDelete: 'set null' }),
    caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    /** What the parser found (the dry-run contract), after any corrections made on the import screen. */
    parsed: jsonb('parsed').$type<DryRunResult>().notNull(),
    /** The text as read from the file, before OCR repair; the repaired text is the document's body text. */
    originalText: text('original_text').notNull(),
    warnings: jsonb('warnings').$type<string[]>().notNull().default([]),
    /** Records made from the file, for the report: { meetingId, itemId, referralId, … }. */
    records: jsonb('records').$type<Record<string, string>>().notNull().default({}),
    importedBy: text('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('imported_files_run_idx').on(t.runId)],
);
