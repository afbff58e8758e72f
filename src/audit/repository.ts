import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog } from './schema.js';

export type AuditRow = typeof auditLog.$inferSelect;

// Any constant works; it only has to be the same for every writer of the chain.
const AUDIT_CHAIN_LOCK = 7_318_245_001;

export const auditRepository = {
  /** Serialises appenders until the surrounding transaction ends, so the chain never forks. */
  async lockChain(tx: Db): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  },
  async last(tx: Db): Promise<AuditRow | undefined> {
    const [row] = await tx.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
    return row;
  },
  async insert(tx: Db, row: AuditRow): Promise<void> {
    await tx.insert(auditLog).values(row);
  },
  async page(db: Db, afterSeq: number, limit: number): Promise<AuditRow[]> {
    return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
  },
  async recent(db: Db, limit: number): Promise<AuditRow[]> {
    return db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(limit);
  },
};
