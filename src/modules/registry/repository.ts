import { and, asc, count, desc, eq, ilike, inArray, isNull, max, sql, type SQL } from 'drizzle-orm';
import type { ReadScope } from '../../access/classification.js';
import type { Db } from '../../db/client.js';
// The organisation schema file is shared: its tables are joined here for names in lists and details.
import { administrations, bodies } from '../organisation/schema.js';
import { attachments, cases, documents, registrySeries, type DocumentKind } from './schema.js';

export type CaseRow = typeof cases.$inferSelect;
export type DocumentRow = typeof documents.$inferSelect;
export type AttachmentRow = typeof attachments.$inferSelect;
export type AttachmentMeta = Omit<AttachmentRow, 'content'>;

export type CaseWithBody = CaseRow & { bodyName: string; administrationName: string | null };
export type DocumentWithCase = DocumentRow & {
  bodyId: string;
  bodyName: string;
  registryNumber: string;
  caseYear: number;
  caseTitle: string;
  caseConfidentiality: number;
  caseIntegrity: number;
  caseAvailability: number;
  caseRegisteredAt: Date;
  administrationName: string | null;
};

/** One line of the public registry list, with the subject already removed where it may not be read. */
export interface RegistryEntryRow {
  entryType: 'case' | 'document';
  caseId: string;
  documentId: string | null;
  bodyId: string;
  bodyName: string;
  registryNumber: string;
  year: number;
  documentNumber: number | null;
  kind: DocumentKind | null;
  direction: 'incoming' | 'outgoing' | 'internal' | null;
  entryDate: string;
  registeredAt: Date;
  /** Null when restricted. */
  title: string | null;
  restricted: boolean;
  secrecyGround: string | null;
  confidentiality: number;
  integrity: number;
  availability: number;
}

export interface EntryFilter {
  bodyId?: string | undefined;
  year?: number | undefined;
  kind?: DocumentKind | undefined;
  q?: string | undefined;
}

/** `%`, `_` and `\` typed by a user are literal characters in a search, not wildcards. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The classification rule as SQL: may the reader see the subject of a row with this
 * confidentiality in this body? Mirrors `canReadClassified` (src/access/classification.ts).
 */
function readable(scope: ReadScope, confidentiality: SQL, bodyId: typeof cases.bodyId): SQL {
  if (scope.all) return sql`true`;
  if (scope.bodyIds.length === 0) return sql`(${confidentiality} <= 0)`;
  return sql`(${confidentiality} <= 0 or ${inArray(bodyId, scope.bodyIds)})`;
}

/** A document is never more public than its case. */
const documentConfidentiality = sql<number>`greatest(${cases.confidentiality}, ${documents.confidentiality})`;
const caseConfidentiality = sql<number>`${cases.confidentiality}`;

function isPgError(e: unknown, code: string): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur === 'object' && (cur as { code?: unknown }).code === code) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
export const isUniqueViolation = (e: unknown) => isPgError(e, '23505');
export const isForeignKeyViolation = (e: unknown) => isPgError(e, '23503');

const caseWithBodyColumns = {
  id: cases.id,
  bodyId: cases.bodyId,
  registryNumber: cases.registryNumber,
  year: cases.year,
  sequence: cases.sequence,
  classCode: cases.classCode,
  title: cases.title,
  description: cases.description,
  status: cases.status,
  administrationId: cases.administrationId,
  confidentiality: cases.confidentiality,
  integrity: cases.integrity,
  availability: cases.availability,
  registeredAt: cases.registeredAt,
  registeredBy: cases.registeredBy,
  updatedAt: cases.updatedAt,
  bodyName: bodies.name,
  administrationName: administrations.name,
};

const documentWithCaseColumns = {
  id: documents.id,
  caseId: documents.caseId,
  number: documents.number,
  kind: documents.kind,
  direction: documents.direction,
  title: documents.title,
  documentDate: documents.documentDate,
  authorName: documents.authorName,
  administrationId: documents.administrationId,
  counterpart: documents.counterpart,
  bodyText: documents.bodyText,
  confidentiality: documents.confidentiality,
  integrity: documents.integrity,
  availability: documents.availability,
  secrecyGround: documents.secrecyGround,
  registeredAt: documents.registeredAt,
  registeredBy: documents.registeredBy,
  updatedAt: documents.updatedAt,
  bodyId: cases.bodyId,
  bodyName: bodies.name,
  registryNumber: cases.registryNumber,
  caseYear: cases.year,
  caseTitle: cases.title,
  caseConfidentiality: cases.confidentiality,
  caseIntegrity: cases.integrity,
  caseAvailability: cases.availability,
  caseRegisteredAt: cases.registeredAt,
  administrationName: administrations.name,
};

const attachmentMetaColumns = {
  id: attachments.id,
  documentId: attachments.documentId,
  filename: attachments.filename,
  mediaType: attachments.mediaType,
  size: attachments.size,
  sha256: attachments.sha256,
  createdAt: attachments.createdAt,
};

export const registryRepository = {
  // ── bodies (for forms and filters; the organisation module owns them) ─────
  /** Bodies for forms and filters: all, or only the listed ones; archived bodies left out. */
  async listBodies(db: Db, only?: readonly string[]): Promise<Array<{ id: string; name: string }>> {
    if (only && only.length === 0) return [];
    return db
      .select({ id: bodies.id, name: bodies.name })
      .from(bodies)
      .where(and(isNull(bodies.archivedAt), only ? inArray(bodies.id, [...only]) : undefined))
      .orderBy(asc(bodies.name));
  },

  // ── series ───────────────────────────────────────────────────────────────
  /**
   * Take the next number of a body's series for a year. Must run inside the registering
   * transaction: the UPDATE holds the series row's lock until commit, so concurrent registrars
   * queue here, and a rollback gives the number back.
   */
  async takeNextSequence(tx: Db, bodyId: string, year: number): Promise<number> {
    await tx.insert(registrySeries).values({ bodyId, year, lastNumber: 0 }).onConflictDoNothing();
    const [row] = await tx
      .update(registrySeries)
      .set({ lastNumber: sql`${registrySeries.lastNumber} + 1` })
      .where(and(eq(registrySeries.bodyId, bodyId), eq(registrySeries.year, year)))
      .returning({ lastNumber: registrySeries.lastNumber });
    return row!.lastNumber;
  },
  /** Archive registration: lock the series and move it up to `sequence` if that is higher. */
  async raiseSeriesTo(tx: Db, bodyId: string, year: number, sequence: number): Promise<number> {
    await tx.insert(registrySeries).values({ bodyId, year, lastNumber: 0 }).onConflictDoNothing();
    const [row] = await tx
      .update(registrySeries)
      .set({ lastNumber: sql`greatest(${registrySeries.lastNumber}, ${sequence})` })
      .where(and(eq(registrySeries.bodyId, bodyId), eq(registrySeries.year, year)))
      .returning({ lastNumber: registrySeries.lastNumber });
    return row!.lastNumber;
  },
  async lastSequence(db: Db, bodyId: string, year: number): Promise<number> {
    const [row] = await db
      .select({ lastNumber: registrySeries.lastNumber })
      .from(registrySeries)
      .where(and(eq(registrySeries.bodyId, bodyId), eq(registrySeries.year, year)));
    return row?.lastNumber ?? 0;
  },

  // ── cases ────────────────────────────────────────────────────────────────
  async caseNumberTaken(tx: Db, bodyId: string, registryNumber: string, year: number, sequence: number): Promise<boolean> {
    const [row] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(
        and(
          eq(cases.bodyId, bodyId),
          sql`(${cases.registryNumber} = ${registryNumber} or (${cases.year} = ${year} and ${cases.sequence} = ${sequence}))`,
        ),
      )
      .limit(1);
    return Boolean(row);
  },
  async insertCase(tx: Db, row: typeof cases.$inferInsert): Promise<CaseRow> {
    const [created] = await tx.insert(cases).values(row).returning();
    return created!;
  },
  async findCase(db: Db, id: string): Promise<CaseWithBody | undefined> {
    const [row] = await db
      .select(caseWithBodyColumns)
      .from(cases)
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .leftJoin(administrations, eq(administrations.id, cases.administrationId))
      .where(eq(cases.id, id));
    return row;
  },
  /** SELECT … FOR UPDATE: serialises document numbering and concurrent edits of one case. */
  async lockCase(tx: Db, id: string): Promise<CaseRow | undefined> {
    const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
    return row;
  },
  async updateCase(tx: Db, id: string, patch: Partial<typeof cases.$inferInsert>): Promise<CaseRow> {
    const [row] = await tx.update(cases).set(patch).where(eq(cases.id, id)).returning();
    return row!;
  },
  /** Demo seeding: the case of a body and year with this title, if already registered. */
  async findCaseByTitle(db: Db, bodyId: string, year: number, title: string): Promise<CaseRow | undefined> {
    const [row] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.bodyId, bodyId), eq(cases.year, year), eq(cases.title, title)))
      .orderBy(asc(cases.sequence))
      .limit(1);
    return row;
  },
  async findCaseByNumber(db: Db, bodyId: string, registryNumber: string): Promise<CaseRow | undefined> {
    const [row] = await db
      .select()
      .from(cases)
      .where(and(eq(cases.bodyId, bodyId), eq(cases.registryNumber, registryNumber)));
    return row;
  },

  // ── documents ────────────────────────────────────────────────────────────
  /** The next running number in a case; call after `lockCase` in the same transaction. */
  async nextDocumentNumber(tx: Db, caseId: string): Promise<number> {
    const [row] = await tx.select({ n: max(documents.number) }).from(documents).where(eq(documents.caseId, caseId));
    return (row?.n ?? 0) + 1;
  },
  async insertDocument(tx: Db, row: typeof documents.$inferInsert): Promise<DocumentRow> {
    const [created] = await tx.insert(documents).values(row).returning();
    return created!;
  },
  async findDocument(db: Db, id: string): Promise<DocumentWithCase | undefined> {
    const [row] = await db
      .select(documentWithCaseColumns)
      .from(documents)
      .innerJoin(cases, eq(cases.id, documents.caseId))
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .leftJoin(administrations, eq(administrations.id, documents.administrationId))
      .where(eq(documents.id, id));
    return row;
  },
  async lockDocument(tx: Db, id: string): Promise<DocumentRow | undefined> {
    const [row] = await tx.select().from(documents).where(eq(documents.id, id)).for('update');
    return row;
  },
  async updateDocument(tx: Db, id: string, patch: Partial<typeof documents.$inferInsert>): Promise<DocumentRow> {
    const [row] = await tx.update(documents).set(patch).where(eq(documents.id, id)).returning();
    return row!;
  },
  async listDocumentsOfCase(db: Db, caseId: string): Promise<DocumentWithCase[]> {
    return db
      .select(documentWithCaseColumns)
      .from(documents)
      .innerJoin(cases, eq(cases.id, documents.caseId))
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .leftJoin(administrations, eq(administrations.id, documents.administrationId))
      .where(eq(documents.caseId, caseId))
      .orderBy(asc(documents.number));
  },
  async findDocumentByTitle(db: Db, caseId: string, title: string): Promise<DocumentRow | undefined> {
    const [row] = await db
      .select()
      .from(documents)
      .where(and(eq(documents.caseId, caseId), eq(documents.title, title)))
      .limit(1);
    return row;
  },

  // ── attachments ──────────────────────────────────────────────────────────
  async insertAttachment(tx: Db, row: typeof attachments.$inferInsert): Promise<AttachmentMeta> {
    const [created] = await tx.insert(attachments).values(row).returning(attachmentMetaColumns);
    return created!;
  },
  /** Metadata only: the bytes are read one file at a time, when served. */
  async listAttachments(db: Db, documentId: string): Promise<AttachmentMeta[]> {
    return db
      .select(attachmentMetaColumns)
      .from(attachments)
      .where(eq(attachments.documentId, documentId))
      .orderBy(asc(attachments.createdAt), asc(attachments.filename));
  },
  /** The file with what is needed to decide whether the reader may have it. */
  async findAttachment(
    db: Db,
    id: string,
  ): Promise<(AttachmentRow & { bodyId: string; confidentiality: number }) | undefined> {
    const [row] = await db
      .select({
        id: attachments.id,
        documentId: attachments.documentId,
        filename: attachments.filename,
        mediaType: attachments.mediaType,
        size: attachments.size,
        sha256: attachments.sha256,
        content: attachments.content,
        createdAt: attachments.createdAt,
        bodyId: cases.bodyId,
        confidentiality: documentConfidentiality,
      })
      .from(attachments)
      .innerJoin(documents, eq(documents.id, attachments.documentId))
      .innerJoin(cases, eq(cases.id, documents.caseId))
      .where(eq(attachments.id, id));
    return row;
  },

  // ── the public list ──────────────────────────────────────────────────────
  /**
   * Cases and documents in one list, newest registration first. Titles the reader may not see
   * are replaced by NULL in SQL, and the free-text filter only matches titles the reader may see,
   * so a search can never reveal a secret subject.
   */
  async listEntries(
    db: Db,
    scope: ReadScope,
    filter: EntryFilter,
    paging: { offset: number; limit: number },
  ): Promise<{ rows: RegistryEntryRow[]; total: number }> {
    const caseReadable = readable(scope, caseConfidentiality, cases.bodyId);
    const docReadable = readable(scope, documentConfidentiality, cases.bodyId);
    const like = filter.q ? `%${escapeLike(filter.q)}%` : undefined;

    const caseWhere = filter.kind
      ? sql`false`
      : and(
          filter.bodyId ? eq(cases.bodyId, filter.bodyId) : undefined,
          filter.year ? eq(cases.year, filter.year) : undefined,
          like ? and(ilike(cases.title, like), caseReadable) : undefined,
        );
    const docWhere = and(
      filter.bodyId ? eq(cases.bodyId, filter.bodyId) : undefined,
      filter.year ? eq(cases.year, filter.year) : undefined,
      filter.kind ? eq(documents.kind, filter.kind) : undefined,
      like ? and(ilike(documents.title, like), docReadable) : undefined,
    );

    const caseSelect = db
      .select({
        entryType: sql<'case' | 'document'>`'case'`.as('entry_type'),
        caseId: sql<string>`${cases.id}`.as('case_id'),
        documentId: sql<string | null>`null::uuid`.as('document_id'),
        bodyId: sql<string>`${cases.bodyId}`.as('body_id'),
        bodyName: sql<string>`${bodies.name}`.as('body_name'),
        registryNumber: sql<string>`${cases.registryNumber}`.as('registry_number'),
        year: sql<number>`${cases.year}`.as('year'),
        documentNumber: sql<number | null>`null::integer`.as('document_number'),
        sortNumber: sql<number>`0`.as('sort_number'),
        kind: sql<DocumentKind | null>`null::text`.as('kind'),
        direction: sql<RegistryEntryRow['direction']>`null::text`.as('direction'),
        entryDate: sql<string>`to_char(${cases.registeredAt} at time zone 'Europe/Stockholm', 'YYYY-MM-DD')`.as('entry_date'),
        registeredAt: sql<Date>`${cases.registeredAt}`.mapWith(cases.registeredAt).as('registered_at'),
        title: sql<string | null>`case when ${caseReadable} then ${cases.title} else null end`.as('title'),
        restricted: sql<boolean>`not ${caseReadable}`.mapWith(Boolean).as('restricted'),
        secrecyGround: sql<string | null>`null::text`.as('secrecy_ground'),
        confidentiality: sql<number>`${cases.confidentiality}::integer`.mapWith(Number).as('confidentiality'),
        integrity: sql<number>`${cases.integrity}::integer`.mapWith(Number).as('integrity'),
        availability: sql<number>`${cases.availability}::integer`.mapWith(Number).as('availability'),
      })
      .from(cases)
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .where(caseWhere);

    const docSelect = db
      .select({
        entryType: sql<'case' | 'document'>`'document'`.as('entry_type'),
        caseId: sql<string>`${documents.caseId}`.as('case_id'),
        documentId: sql<string | null>`${documents.id}`.as('document_id'),
        bodyId: sql<string>`${cases.bodyId}`.as('body_id'),
        bodyName: sql<string>`${bodies.name}`.as('body_name'),
        registryNumber: sql<string>`${cases.registryNumber}`.as('registry_number'),
        year: sql<number>`${cases.year}`.as('year'),
        documentNumber: sql<number | null>`${documents.number}`.as('document_number'),
        sortNumber: sql<number>`${documents.number}`.as('sort_number'),
        kind: sql<DocumentKind | null>`${documents.kind}::text`.as('kind'),
        direction: sql<RegistryEntryRow['direction']>`${documents.direction}::text`.as('direction'),
        entryDate: sql<string>`to_char(${documents.documentDate}, 'YYYY-MM-DD')`.as('entry_date'),
        registeredAt: sql<Date>`${documents.registeredAt}`.mapWith(documents.registeredAt).as('registered_at'),
        title: sql<string | null>`case when ${docReadable} then ${documents.title} else null end`.as('title'),
        restricted: sql<boolean>`not ${docReadable}`.mapWith(Boolean).as('restricted'),
        secrecyGround: sql<string | null>`${documents.secrecyGround}`.as('secrecy_ground'),
        confidentiality: sql<number>`${documentConfidentiality}::integer`.mapWith(Number).as('confidentiality'),
        integrity: sql<number>`greatest(${cases.integrity}, ${documents.integrity})::integer`.mapWith(Number).as('integrity'),
        availability: sql<number>`greatest(${cases.availability}, ${documents.availability})::integer`.mapWith(Number).as('availability'),
      })
      .from(documents)
      .innerJoin(cases, eq(cases.id, documents.caseId))
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .where(docWhere);

    const rows = await caseSelect
      .unionAll(docSelect)
      .orderBy(
        desc(sql`registered_at`),
        desc(sql`registry_number`),
        // The case line first, then its documents in order.
        asc(sql`sort_number`),
        asc(sql`case_id`),
        asc(sql`document_id`),
      )
      .offset(paging.offset)
      .limit(paging.limit);

    const [caseCount] = await db
      .select({ n: count() })
      .from(cases)
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .where(caseWhere);
    const [docCount] = await db
      .select({ n: count() })
      .from(documents)
      .innerJoin(cases, eq(cases.id, documents.caseId))
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .where(docWhere);
    return { rows: rows.map(({ sortNumber: _s, ...row }) => row as RegistryEntryRow), total: (caseCount?.n ?? 0) + (docCount?.n ?? 0) };
  },

  /** Years that have cases, newest first (for the year filter). */
  async years(db: Db): Promise<number[]> {
    const rows = await db.selectDistinct({ year: cases.year }).from(cases).orderBy(desc(cases.year));
    return rows.map((r) => r.year);
  },

  async counts(db: Db): Promise<{ cases: number; documents: number; attachments: number }> {
    const [c] = await db.select({ n: count() }).from(cases);
    const [d] = await db.select({ n: count() }).from(documents);
    const [a] = await db.select({ n: count() }).from(attachments);
    return { cases: c?.n ?? 0, documents: d?.n ?? 0, attachments: a?.n ?? 0 };
  },
};
