import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
// The registry's and organisation's schema files are shared: cases, bodies, administrations and
// documents are joined here for the Dnr, names and classification (read-only).
import { administrations, bodies } from '../organisation/schema.js';
import { cases, documents } from '../registry/schema.js';
import { statements, statementVersions } from './schema.js';

export type StatementRow = typeof statements.$inferSelect;
export type VersionRow = typeof statementVersions.$inferSelect;

/** What a statement needs of its case. */
export interface CaseInfo {
  id: string;
  bodyId: string;
  bodyName: string;
  registryNumber: string;
  title: string;
  administrationId: string | null;
  confidentiality: number;
}

export type StatementWithCase = StatementRow & {
  bodyId: string;
  bodyName: string;
  registryNumber: string;
  caseTitle: string;
  caseConfidentiality: number;
  /** Confidentiality of the registered document (0 while a draft). */
  documentConfidentiality: number;
  documentNumber: number | null;
  administrationName: string | null;
};

const caseInfoColumns = {
  id: cases.id,
  bodyId: cases.bodyId,
  bodyName: bodies.name,
  registryNumber: cases.registryNumber,
  title: cases.title,
  administrationId: cases.administrationId,
  confidentiality: cases.confidentiality,
};

const statementColumns = {
  id: statements.id,
  caseId: statements.caseId,
  administrationId: statements.administrationId,
  title: statements.title,
  status: statements.status,
  currentVersion: statements.currentVersion,
  documentId: statements.documentId,
  createdBy: statements.createdBy,
  createdAt: statements.createdAt,
  updatedAt: statements.updatedAt,
  bodyId: cases.bodyId,
  bodyName: bodies.name,
  registryNumber: cases.registryNumber,
  caseTitle: cases.title,
  caseConfidentiality: cases.confidentiality,
  documentConfidentiality: sql<number>`coalesce(${documents.confidentiality}, 0)`.mapWith(Number),
  documentNumber: documents.number,
  administrationName: administrations.name,
};

function isPgError(e: unknown, code: string): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur === 'object' && (cur as { code?: unknown }).code === code) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
export const isUniqueViolation = (e: unknown) => isPgError(e, '23505');

export const statementsRepository = {
  /** The case row locked until commit: statements of one case are started one at a time. */
  async lockCase(tx: Db, caseId: string): Promise<CaseInfo | undefined> {
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseId)).for('update');
    const [row] = await tx.select(caseInfoColumns).from(cases).innerJoin(bodies, eq(bodies.id, cases.bodyId)).where(eq(cases.id, caseId));
    return row;
  },
  /** The body's administration when it has exactly one (the usual case): the statement's author. */
  async soleAdministrationOfBody(db: Db, bodyId: string): Promise<string | null> {
    const rows = await db.select({ id: administrations.id }).from(administrations).where(eq(administrations.bodyId, bodyId)).limit(2);
    return rows.length === 1 ? rows[0]!.id : null;
  },
  async administrationExists(db: Db, id: string): Promise<boolean> {
    const [row] = await db.select({ id: administrations.id }).from(administrations).where(eq(administrations.id, id));
    return Boolean(row);
  },

  async insertStatement(tx: Db, row: typeof statements.$inferInsert): Promise<StatementRow> {
    const [created] = await tx.insert(statements).values(row).returning();
    return created!;
  },
  async updateStatement(tx: Db, id: string, patch: Partial<typeof statements.$inferInsert>): Promise<StatementRow> {
    const [row] = await tx.update(statements).set(patch).where(eq(statements.id, id)).returning();
    return row!;
  },
  /** SELECT … FOR UPDATE: saves of one statement queue, so version numbers never collide. */
  async lockStatement(tx: Db, id: string): Promise<StatementRow | undefined> {
    const [row] = await tx.select().from(statements).where(eq(statements.id, id)).for('update');
    return row;
  },
  async findStatement(db: Db, id: string): Promise<StatementWithCase | undefined> {
    const [row] = await db
      .select(statementColumns)
      .from(statements)
      .innerJoin(cases, eq(cases.id, statements.caseId))
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .leftJoin(administrations, eq(administrations.id, statements.administrationId))
      .leftJoin(documents, eq(documents.id, statements.documentId))
      .where(eq(statements.id, id));
    return row;
  },
  /** Statements of cases, newest first. */
  async statementsOfCases(db: Db, caseIds: readonly string[]): Promise<StatementWithCase[]> {
    if (caseIds.length === 0) return [];
    return db
      .select(statementColumns)
      .from(statements)
      .innerJoin(cases, eq(cases.id, statements.caseId))
      .innerJoin(bodies, eq(bodies.id, cases.bodyId))
      .leftJoin(administrations, eq(administrations.id, statements.administrationId))
      .leftJoin(documents, eq(documents.id, statements.documentId))
      .where(inArray(statements.caseId, [...caseIds]))
      .orderBy(desc(statements.createdAt), desc(statements.id));
  },
  async countStatementsOfCase(db: Db, caseId: string): Promise<number> {
    const rows = await db.select({ id: statements.id }).from(statements).where(eq(statements.caseId, caseId));
    return rows.length;
  },

  async insertVersion(tx: Db, row: typeof statementVersions.$inferInsert): Promise<VersionRow> {
    const [created] = await tx.insert(statementVersions).values(row).returning();
    return created!;
  },
  async findVersion(db: Db, statementId: string, version: number): Promise<VersionRow | undefined> {
    const [row] = await db
      .select()
      .from(statementVersions)
      .where(and(eq(statementVersions.statementId, statementId), eq(statementVersions.version, version)));
    return row;
  },
  /** The given versions of many statements at once (e.g. each one's current version). */
  async findVersions(db: Db, pairs: Array<{ statementId: string; version: number }>): Promise<VersionRow[]> {
    if (pairs.length === 0) return [];
    return db
      .select()
      .from(statementVersions)
      .where(
        sql`(${statementVersions.statementId}, ${statementVersions.version}) in (${sql.join(
          pairs.map((p) => sql`(${p.statementId}::uuid, ${p.version}::integer)`),
          sql`, `,
        )})`,
      );
  },
  async listVersions(db: Db, statementId: string): Promise<VersionRow[]> {
    return db.select().from(statementVersions).where(eq(statementVersions.statementId, statementId)).orderBy(asc(statementVersions.version));
  },
};
