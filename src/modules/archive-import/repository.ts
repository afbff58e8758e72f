import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { importedFiles, importRuns } from './schema.js';

export type ImportRunRow = typeof importRuns.$inferSelect;
export type ImportedFileRow = typeof importedFiles.$inferSelect;

export const archiveImportRepository = {
  async findFileByHash(db: Db, sha256: string): Promise<ImportedFileRow | undefined> {
    const [row] = await db.select().from(importedFiles).where(eq(importedFiles.sha256, sha256));
    return row;
  },

  async insertFile(db: Db, row: typeof importedFiles.$inferInsert): Promise<ImportedFileRow> {
    const [created] = await db.insert(importedFiles).values(row).returning();
    return created!;
  },

  async insertRun(db: Db, row: typeof importRuns.$inferInsert): Promise<ImportRunRow> {
    const [created] = await db.insert(importRuns).values(row).returning();
    return created!;
  },

  async updateRun(db: Db, id: string, patch: Partial<typeof importRuns.$inferInsert>): Promise<void> {
    await db.update(importRuns).set(patch).where(eq(importRuns.id, id));
  },

  async findRun(db: Db, id: string): Promise<ImportRunRow | undefined> {
    const [row] = await db.select().from(importRuns).where(eq(importRuns.id, id));
    return row;
  },

  async listRuns(db: Db, limit: number, offset: number): Promise<{ rows: ImportRunRow[]; total: number }> {
    const rows = await db.select().from(importRuns).orderBy(desc(importRuns.startedAt)).limit(limit).offset(offset);
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(importRuns);
    return { rows, total: count?.n ?? 0 };
  },

  async filesOfRun(db: Db, runId: string): Promise<ImportedFileRow[]> {
    return db.select().from(importedFiles).where(eq(importedFiles.runId, runId)).orderBy(importedFiles.filename);
  },

  async findFile(db: Db, id: string): Promise<ImportedFileRow | undefined> {
    const [row] = await db.select().from(importedFiles).where(eq(importedFiles.id, id));
    return row;
  },
};
