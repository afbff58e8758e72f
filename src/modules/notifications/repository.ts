import { and, asc, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { mailOutbox, notifications } from './schema.js';

export type NotificationRow = typeof notifications.$inferSelect;
export type MailRow = typeof mailOutbox.$inferSelect;

/**
 * `last_error` of a row that a flush has claimed and is sending right now (with `sent_at` the
 * claim time). A claim older than the lease is taken again: the sender died mid-delivery.
 */
export const DELIVERING = '(delivering)';

export const notificationsRepository = {
  async insertNotifications(db: Db, rows: Array<typeof notifications.$inferInsert>): Promise<NotificationRow[]> {
    if (rows.length === 0) return [];
    return db.insert(notifications).values(rows).returning();
  },
  async insertMail(db: Db, rows: Array<typeof mailOutbox.$inferInsert>): Promise<void> {
    if (rows.length) await db.insert(mailOutbox).values(rows);
  },

  /** The user's notifications, unread first, then newest first. */
  async listForUser(db: Db, userId: string, opts: { offset: number; limit: number; unreadOnly: boolean }) {
    const where = and(eq(notifications.userId, userId), opts.unreadOnly ? isNull(notifications.readAt) : undefined);
    const rows = await db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(sql`(${notifications.readAt} is null) desc`, desc(notifications.createdAt), desc(notifications.id))
      .offset(opts.offset)
      .limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(notifications).where(where);
    return { rows, total: total?.n ?? 0 };
  },
  async countForUser(db: Db, userId: string): Promise<{ total: number; unread: number }> {
    const [row] = await db
      .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number) })
      .from(notifications)
      .where(eq(notifications.userId, userId));
    return { total: row?.total ?? 0, unread: row?.unread ?? 0 };
  },
  async findForUser(db: Db, userId: string, id: string): Promise<NotificationRow | undefined> {
    const [row] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
    return row;
  },
  async markRead(db: Db, userId: string, id: string, at: Date): Promise<NotificationRow | undefined> {
    const [row] = await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning();
    return row;
  },
  async markAllRead(db: Db, userId: string, at: Date): Promise<number> {
    const rows = await db
      .update(notifications)
      .set({ readAt: at })
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    return rows.length;
  },

  // ── outbox ───────────────────────────────────────────────────────────────
  /**
   * Claim up to `limit` undelivered rows in one statement (FOR UPDATE SKIP LOCKED, so two app
   * servers never claim the same row): they get `sent_at = now, last_error = DELIVERING`.
   * Undelivered = never sent, failed before, or claimed longer ago than the lease.
   */
  async claimPendingMail(db: Db, now: Date, leaseStart: Date, limit: number): Promise<MailRow[]> {
    const claimable = or(isNull(mailOutbox.sentAt), and(eq(mailOutbox.lastError, DELIVERING), lt(mailOutbox.sentAt, leaseStart)));
    const ids = db
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(claimable)
      .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    const rows = await db.update(mailOutbox).set({ sentAt: now, lastError: DELIVERING }).where(inArray(mailOutbox.id, ids)).returning();
    return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  },
  async markMailSent(db: Db, id: string, at: Date): Promise<void> {
    await db.update(mailOutbox).set({ sentAt: at, lastError: null }).where(eq(mailOutbox.id, id));
  },
  /** Give the row back to the queue with the reason; the next flush tries again. */
  async markMailFailed(db: Db, id: string, error: string): Promise<void> {
    await db.update(mailOutbox).set({ sentAt: null, lastError: error }).where(eq(mailOutbox.id, id));
  },
  async listMail(db: Db): Promise<MailRow[]> {
    return db.select().from(mailOutbox).orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
  },
};
