import {
  customType,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  check,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { bodies, administrations } from '../organisation/schema.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

export const DOCUMENT_KINDS = [
  'referralLetter',
  'draft',
  'statement',
  'protocolExtract',
  'decision',
  'opinion',
  'memo',
  'letter',
  'attachment',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export const documentKindEnum = pgEnum('document_kind', DOCUMENT_KINDS);

export const DOCUMENT_DIRECTIONS = ['incoming', 'outgoing', 'internal'] as const;
export const documentDirectionEnum = pgEnum('document_direction', DOCUMENT_DIRECTIONS);

export const CASE_STATUSES = ['open', 'closed'] as const;
export const caseStatusEnum = pgEnum('case_status', CASE_STATUSES);

/**
 * Gap-free counter per body and year. Incremented with UPDATE … RETURNING inside the
 * registering transaction: the row lock serialises registrars and a rollback returns the number.
 */
export const registrySeries = pgTable(
  'registry_series',
  {
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull().default(0),
  },
  (t) => [unique('registry_series_pk').on(t.bodyId, t.year)],
);

/** KLASSA levels 0–4 for confidentiality (K), integrity (R) and availability (T). */
const klassa = (name: string) => smallint(name).notNull().default(0);

/** Ärende: a matter with its own registry number (Dnr) in one body's registry. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'restrict' }),
    registryNumber: text('registry_number').notNull(),
    year: integer('year').notNull(),
    sequence: integer('sequence').notNull(),
    classCode: text('class_code'),
    title: text('title').notNull(),
    description: text('description'),
    status: caseStatusEnum('status').notNull().default('open'),
    administrationId: uuid('administration_id').references(() => administrations.id, { onDelete: 'set null' }),
    confidentiality: klassa('confidentiality'),
    integrity: klassa('integrity'),
    availability: klassa('availability'),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
    registeredBy: text('registered_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('cases_body_number_unique').on(t.bodyId, t.registryNumber),
    unique('cases_body_year_seq_unique').on(t.bodyId, t.year, t.sequence),
    index('cases_registered_idx').on(t.registeredAt),
    check('cases_klassa_range', sql`${t.confidentiality} between 0 and 4 and ${t.integrity} between 0 and 4 and ${t.availability} between 0 and 4`),
  ],
);

/** Handling: a registered document in a case. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'restrict' }),
    /** Running number within the case: Dnr 304-2016-1.5.1 document 3. */
    number: integer('number').notNull(),
    kind: documentKindEnum('kind').notNull(),
    direction: documentDirectionEnum('direction').notNull().default('internal'),
    title: text('title').notNull(),
    documentDate: date('document_date', { mode: 'string' }).notNull(),
    authorName: text('author_name'),
    administrationId: uuid('administration_id').references(() => administrations.id, { onDelete: 'set null' }),
    /** Sender or recipient for incoming/outgoing documents. */
    counterpart: text('counterpart'),
    bodyText: text('body_text'),
    confidentiality: klassa('confidentiality'),
    integrity: klassa('integrity'),
    availability: klassa('availability'),
    /** Legal ground for secrecy (e.g. "OSL 26 kap. 1 §"), shown instead of the subject. */
    secrecyGround: text('secrecy_ground'),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
    registeredBy: text('registered_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    unique('documents_case_number_unique').on(t.caseId, t.number),
    index('documents_date_idx').on(t.documentDate),
    check('documents_klassa_range', sql`${t.confidentiality} between 0 and 4 and ${t.integrity} between 0 and 4 and ${t.availability} between 0 and 4`),
  ],
);

/** Bilaga / file. Stored in the database so app servers stay stateless; SHA-256 checked on read. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('attachments_document_idx').on(t.documentId)],
);
