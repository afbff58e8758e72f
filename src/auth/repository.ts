import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { Role, RoleGrant } from './actor.js';
import { sessions, userRoles, users } from './schema.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;

export const authRepository = {
  async findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(sql`lower(${users.username})`, username.toLowerCase()));
    return row;
  },
  async findUserById(db: Db, id: string): Promise<UserRow | undefined> {
    const [row] = await db.select().from(users).where(eq(users.id, id));
    return row;
  },
  async listUsers(db: Db, opts: { offset: number; limit: number; q?: string | undefined }) {
    const where = opts.q ? or(ilike(users.username, `%${opts.q}%`), ilike(users.displayName, `%${opts.q}%`)) : undefined;
    const rows = await db.select().from(users).where(where).orderBy(asc(users.username)).offset(opts.offset).limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(users).where(where);
    return { rows, total: total?.n ?? 0 };
  },
  async insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
    const [created] = await db.insert(users).values(row).returning();
    return created!;
  },
  async updateUser(db: Db, id: string, patch: Partial<typeof users.$inferInsert>): Promise<UserRow | undefined> {
    const [row] = await db.update(users).set(patch).where(eq(users.id, id)).returning();
    return row;
  },
  async grantsOf(db: Db, userId: string): Promise<RoleGrant[]> {
    const rows = await db
      .select({ role: userRoles.role, bodyId: userRoles.bodyId })
      .from(userRoles)
      .where(eq(userRoles.userId, userId));
    return rows;
  },
  async replaceGrants(db: Db, userId: string, grants: RoleGrant[]): Promise<void> {
    await db.delete(userRoles).where(eq(userRoles.userId, userId));
    if (grants.length) await db.insert(userRoles).values(grants.map((g) => ({ userId, role: g.role, bodyId: g.bodyId }))).onConflictDoNothing();
  },
  async addGrant(db: Db, userId: string, role: Role, bodyId: string | null): Promise<void> {
    await db.insert(userRoles).values({ userId, role, bodyId }).onConflictDoNothing();
  },
  async insertSession(db: Db, row: SessionRow): Promise<void> {
    await db.insert(sessions).values(row);
  },
  async findSession(db: Db, id: string): Promise<SessionRow | undefined> {
    const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
    return row;
  },
  async touchSession(db: Db, id: string, at: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },
  async deleteSession(db: Db, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },
  async deleteSessionsOfUser(db: Db, userId: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.userId, userId));
  },
  async deleteExpiredSessions(db: Db, idleBefore: Date, createdBefore: Date): Promise<void> {
    await db.delete(sessions).where(or(sql`${sessions.lastSeenAt} < ${idleBefore}`, sql`${sessions.createdAt} < ${createdBefore}`));
  },
  /** Active users holding `role` for exactly `bodyId` (null: the city-wide grant), for notifications. */
  async activeUsersWithGrant(db: Db, role: Role, bodyId: string | null): Promise<Array<Pick<UserRow, 'id' | 'username' | 'displayName' | 'email' | 'locale'>>> {
    return db
      .selectDistinct({ id: users.id, username: users.username, displayName: users.displayName, email: users.email, locale: users.locale })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(and(eq(users.active, true), eq(userRoles.role, role), bodyId === null ? isNull(userRoles.bodyId) : eq(userRoles.bodyId, bodyId)))
      .orderBy(asc(users.username));
  },
  async countUsersWithRole(db: Db, role: Role): Promise<number> {
    const [row] = await db.select({ n: count() }).from(userRoles).where(and(eq(userRoles.role, role)));
    return row?.n ?? 0;
  },
};
