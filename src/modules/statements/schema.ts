import { date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { administrations } from '../organisation/schema.js';
import { cases, documents } from '../registry/schema.js';

export const STATEMENT_STATUSES = ['draft', 'final'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];
export const statementStatusEnum = pgEnum('statement_status', STATEMENT_STATUSES);

export interface Signatory {
  name: string;
  title: string;
}

/**
 * Tjänsteutlåtande: the administration's statement in a case (its Dnr is the case's). The text lives
 * in numbered versions; finalising registers the latest version as a registry document.
 */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    administrationId: uuid('administration_id').references(() => administrations.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    status: statementStatusEnum('status').notNull().default('draft'),
    currentVersion: integer('current_version').notNull().default(1),
    /** The registry document created when the statement was finalised. */
    documentId: uuid('document_id').references(() => documents.id, { onDelete: 'set null' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('statements_case_idx').on(t.caseId)],
);

/** One saved draft. Versions are never changed; a new save adds a version. */
export const statementVersions = pgTable(
  'statement_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    /** Förslag till beslut: numbered points. */
    proposedDecision: jsonb('proposed_decision').$type<string[]>().notNull().default([]),
    summary: text('summary').notNull().default(''),
    /** Ärendets beredning. */
    preparation: text('preparation').notNull().default(''),
    background: text('background').notNull().default(''),
    /** Förvaltningens synpunkter och förslag. */
    views: text('views').notNull().default(''),
    /** Bilagor: names of the attachments listed at the end. */
    attachmentNames: jsonb('attachment_names').$type<string[]>().notNull().default([]),
    signatories: jsonb('signatories').$type<Signatory[]>().notNull().default([]),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [unique('statement_versions_unique').on(t.statementId, t.version)],
);
