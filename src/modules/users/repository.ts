import { and, asc, count, desc, eq, ilike, inArray, ne, or, type SQL } from 'drizzle-orm';
import type { RoleGrant } from '../../auth/index.js';
import type { Db } from '../../db/client.js';
// The schema index (not another module's internals): tables of auth and audit. Bodies are read
// through the organisation module's index (see queries.ts and commands/role-bodies.ts).
import { auditLog, sessions, userRoles, users } from '../../db/schema.js';

export type AccountRow = typeof users.$inferSelect;
export type AuditLogRow = typeof auditLog.$inferSelect;

export interface BodyOption {
  id: string;
  name: string;
}

export interface AuditFilter {
  subjectType?: string | undefined;
  subjectId?: string | undefined;
  action?: string | undefined;
}

/** `%` and `_` typed by a user are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export const usersRepository = {
  async searchUsers(db: Db, opts: { offset: number; limit: number; q?: string | undefined }): Promise<{ rows: AccountRow[]; total: number }> {
    let where: SQL | undefined;
    if (opts.q) {
      const p = likePattern(opts.q);
      where = or(ilike(users.username, p), ilike(users.displayName, p), ilike(users.email, p));
    }
    const rows = await db.select().from(users).where(where).orderBy(asc(users.username)).offset(opts.offset).limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(users).where(where);
    return { rows, total: total?.n ?? 0 };
  },

  async usersByIds(db: Db, ids: string[]): Promise<AccountRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(users).where(inArray(users.id, ids));
  },

  async grantsOfUsers(db: Db, userIds: string[]): Promise<Map<string, RoleGrant[]>> {
    const out = new Map<string, RoleGrant[]>(userIds.map((id) => [id, []]));
    if (userIds.length === 0) return out;
    const rows = await db
      .select({ userId: userRoles.userId, role: userRoles.role, bodyId: userRoles.bodyId })
      .from(userRoles)
      .where(inArray(userRoles.userId, userIds))
      .orderBy(asc(userRoles.role));
    for (const r of rows) out.get(r.userId)?.push({ role: r.role, bodyId: r.bodyId });
    return out;
  },

  async usernamesByIds(db: Db, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await db.select({ id: users.id, username: users.username }).from(users).where(inArray(users.id, ids));
    return new Map(rows.map((r) => [r.id, r.username]));
  },

  /** Ends every session of the user except `keepSessionId` (the one making the change). Returns how many ended. */
  async deleteOtherSessions(db: Db, userId: string, keepSessionId: string | null): Promise<number> {
    const rows = await db
      .delete(sessions)
      .where(and(eq(sessions.userId, userId), keepSessionId ? ne(sessions.id, keepSessionId) : undefined))
      .returning({ id: sessions.id });
    return rows.length;
  },

  /** Newest first, optionally narrowed to one subject type, subject and/or action. */
  async auditEntries(db: Db, filter: AuditFilter, opts: { offset: number; limit: number }): Promise<{ rows: AuditLogRow[]; total: number }> {
    const conditions = [
      filter.subjectType ? eq(auditLog.subjectType, filter.subjectType) : undefined,
      filter.subjectId ? eq(auditLog.subjectId, filter.subjectId) : undefined,
      filter.action ? eq(auditLog.action, filter.action) : undefined,
    ].filter((c): c is SQL => c !== undefined);
    const where = conditions.length ? and(...conditions) : undefined;
    const rows = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.seq)).offset(opts.offset).limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(auditLog).where(where);
    return { rows, total: total?.n ?? 0 };
  },
};
