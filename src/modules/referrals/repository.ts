import { and, asc, count, desc, eq, ilike, inArray, isNull, max, ne, sql, type SQL } from 'drizzle-orm';
import type { ReadScope } from '../../access/classification.js';
import type { Db } from '../../db/client.js';
// Shared schema files: bodies and cases are joined here for names, kinds and registry numbers.
import { bodies, type BodyKind } from '../organisation/schema.js';
import { cases } from '../registry/schema.js';
import {
  recipientGroupBodies,
  recipientGroups,
  referralEvents,
  referralRecipients,
  referrals,
  type RecipientStatus,
  type ReferralStatus,
} from './schema.js';

export type ReferralRow = typeof referrals.$inferSelect;
export type RecipientRow = typeof referralRecipients.$inferSelect;
export type EventRow = typeof referralEvents.$inferSelect;
export type GroupRow = typeof recipientGroups.$inferSelect;

/** A round with its sender's name and the sender case's number and confidentiality. */
export type ReferralWithNames = ReferralRow & { senderBodyName: string; registryNumber: string; confidentiality: number };
/** A recipient with its body and its own case's number. */
export type RecipientWithNames = RecipientRow & { bodyName: string; bodyKind: BodyKind; registryNumber: string | null };

export interface BodyChoice {
  id: string;
  name: string;
  kind: BodyKind;
  archived: boolean;
}

export interface ReferralListFilter {
  /** Who may read what: sender case public, or the reader's bodies (sender, or recipient once sent). */
  scope: ReadScope;
  /** sent: by one of `bodyIds`; received: sent to one of them. */
  role?: 'sent' | 'received' | undefined;
  bodyIds?: readonly string[] | 'all' | undefined;
  status?: ReferralStatus | undefined;
  q?: string | undefined;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const referralColumns = {
  id: referrals.id,
  caseId: referrals.caseId,
  senderBodyId: referrals.senderBodyId,
  subject: referrals.subject,
  description: referrals.description,
  letterDate: referrals.letterDate,
  deadline: referrals.deadline,
  status: referrals.status,
  sentAt: referrals.sentAt,
  createdBy: referrals.createdBy,
  createdAt: referrals.createdAt,
  updatedAt: referrals.updatedAt,
  senderBodyName: bodies.name,
  registryNumber: cases.registryNumber,
  confidentiality: cases.confidentiality,
};

const recipientColumns = {
  id: referralRecipients.id,
  referralId: referralRecipients.referralId,
  bodyId: referralRecipients.bodyId,
  caseId: referralRecipients.caseId,
  existingNumber: referralRecipients.existingNumber,
  status: referralRecipients.status,
  stance: referralRecipients.stance,
  receivedOn: referralRecipients.receivedOn,
  answeredOn: referralRecipients.answeredOn,
  declineReason: referralRecipients.declineReason,
  answerDocumentIds: referralRecipients.answerDocumentIds,
  createdAt: referralRecipients.createdAt,
  updatedAt: referralRecipients.updatedAt,
  bodyName: bodies.name,
  bodyKind: bodies.kind,
  registryNumber: cases.registryNumber,
};

/** Sent to one of these bodies (a subquery on the recipients). */
function sentTo(bodyIds: readonly string[]): SQL {
  if (bodyIds.length === 0) return sql`false`;
  return sql`(${referrals.status} <> 'draft' and exists (select 1 from ${referralRecipients} where ${referralRecipients.referralId} = ${referrals.id} and ${inArray(referralRecipients.bodyId, [...bodyIds])}))`;
}

/** The read rule of `canReadReferral` (queries.ts) as SQL. */
function readable(scope: ReadScope): SQL {
  if (scope.all) return sql`true`;
  if (scope.bodyIds.length === 0) return sql`(${cases.confidentiality} <= 0)`;
  return sql`(${cases.confidentiality} <= 0 or ${inArray(referrals.senderBodyId, scope.bodyIds)} or ${sentTo(scope.bodyIds)})`;
}

function listWhere(f: ReferralListFilter): SQL | undefined {
  const parts: Array<SQL | undefined> = [readable(f.scope)];
  if (f.status) parts.push(eq(referrals.status, f.status));
  if (f.q) parts.push(ilike(referrals.subject, `%${escapeLike(f.q)}%`));
  if (f.role && f.bodyIds !== 'all') {
    const ids = f.bodyIds ?? [];
    if (f.role === 'sent') parts.push(ids.length ? inArray(referrals.senderBodyId, [...ids]) : sql`false`);
    else parts.push(sentTo(ids));
  } else if (f.role === 'received') {
    parts.push(ne(referrals.status, 'draft'));
  }
  return and(...parts);
}

export const referralsRepository = {
  // ── bodies (the organisation module owns them) ───────────────────────────
  async listBodies(db: Db): Promise<BodyChoice[]> {
    const rows = await db
      .select({ id: bodies.id, name: bodies.name, kind: bodies.kind, archivedAt: bodies.archivedAt })
      .from(bodies)
      .where(isNull(bodies.archivedAt))
      .orderBy(asc(bodies.name));
    return rows.map((b) => ({ id: b.id, name: b.name, kind: b.kind, archived: false }));
  },
  async findBodies(db: Db, ids: readonly string[]): Promise<BodyChoice[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .select({ id: bodies.id, name: bodies.name, kind: bodies.kind, archivedAt: bodies.archivedAt })
      .from(bodies)
      .where(inArray(bodies.id, [...ids]));
    return rows.map((b) => ({ id: b.id, name: b.name, kind: b.kind, archived: b.archivedAt !== null }));
  },
  async bodiesOfKinds(db: Db, kinds: readonly BodyKind[]): Promise<BodyChoice[]> {
    if (kinds.length === 0) return [];
    const rows = await db
      .select({ id: bodies.id, name: bodies.name, kind: bodies.kind })
      .from(bodies)
      .where(and(inArray(bodies.kind, [...kinds]), isNull(bodies.archivedAt)))
      .orderBy(asc(bodies.name));
    return rows.map((b) => ({ ...b, archived: false }));
  },

  // ── referrals ────────────────────────────────────────────────────────────
  async insertReferral(tx: Db, row: typeof referrals.$inferInsert): Promise<ReferralRow> {
    const [created] = await tx.insert(referrals).values(row).returning();
    return created!;
  },
  async updateReferral(tx: Db, id: string, patch: Partial<typeof referrals.$inferInsert>): Promise<ReferralRow> {
    const [row] = await tx.update(referrals).set(patch).where(eq(referrals.id, id)).returning();
    return row!;
  },
  /** The round a body sent on a subject (archive import joins answers to it); case and spacing ignored. */
  async findReferralBySubject(db: Db, senderBodyId: string, subject: string): Promise<ReferralRow | undefined> {
    const [row] = await db
      .select()
      .from(referrals)
      .where(and(eq(referrals.senderBodyId, senderBodyId), sql`lower(regexp_replace(${referrals.subject}, '\s+', ' ', 'g')) = lower(regexp_replace(${subject}, '\s+', ' ', 'g'))`))
      .orderBy(asc(referrals.createdAt))
      .limit(1);
    return row;
  },
  /** SELECT … FOR UPDATE: one change of a round at a time (editing, sending). */
  async lockReferral(tx: Db, id: string): Promise<ReferralRow | undefined> {
    const [row] = await tx.select().from(referrals).where(eq(referrals.id, id)).for('update');
    return row;
  },
  async findReferral(db: Db, id: string): Promise<ReferralWithNames | undefined> {
    const [row] = await db
      .select(referralColumns)
      .from(referrals)
      .innerJoin(bodies, eq(bodies.id, referrals.senderBodyId))
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(eq(referrals.id, id));
    return row;
  },
  async findReferralByCase(db: Db, caseId: string): Promise<ReferralWithNames | undefined> {
    const [row] = await db
      .select(referralColumns)
      .from(referrals)
      .innerJoin(bodies, eq(bodies.id, referrals.senderBodyId))
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(eq(referrals.caseId, caseId));
    return row;
  },
  async caseClassification(db: Db, caseId: string): Promise<{ confidentiality: number; integrity: number; availability: number }> {
    const [row] = await db
      .select({ confidentiality: cases.confidentiality, integrity: cases.integrity, availability: cases.availability })
      .from(cases)
      .where(eq(cases.id, caseId));
    return row ?? { confidentiality: 0, integrity: 0, availability: 0 };
  },
  async listReferrals(
    db: Db,
    filter: ReferralListFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: ReferralWithNames[]; total: number }> {
    const where = listWhere(filter);
    const rows = await db
      .select(referralColumns)
      .from(referrals)
      .innerJoin(bodies, eq(bodies.id, referrals.senderBodyId))
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(where)
      .orderBy(desc(referrals.letterDate), desc(referrals.createdAt))
      .offset(page.offset)
      .limit(page.limit);
    const [total] = await db
      .select({ n: count() })
      .from(referrals)
      .innerJoin(cases, eq(cases.id, referrals.caseId))
      .where(where);
    return { rows, total: total?.n ?? 0 };
  },

  // ── recipients ───────────────────────────────────────────────────────────
  async insertRecipients(tx: Db, rows: Array<typeof referralRecipients.$inferInsert>): Promise<RecipientRow[]> {
    if (rows.length === 0) return [];
    return tx.insert(referralRecipients).values(rows).returning();
  },
  async deleteRecipients(tx: Db, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.delete(referralRecipients).where(inArray(referralRecipients.id, [...ids]));
  },
  async updateRecipient(tx: Db, id: string, patch: Partial<typeof referralRecipients.$inferInsert>): Promise<RecipientRow> {
    const [row] = await tx.update(referralRecipients).set(patch).where(eq(referralRecipients.id, id)).returning();
    return row!;
  },
  async lockRecipient(tx: Db, id: string): Promise<RecipientRow | undefined> {
    const [row] = await tx.select().from(referralRecipients).where(eq(referralRecipients.id, id)).for('update');
    return row;
  },
  /** The recipient whose own case this is (domain events name the case). */
  async lockRecipientByCase(tx: Db, caseId: string): Promise<RecipientRow | undefined> {
    const [row] = await tx.select().from(referralRecipients).where(eq(referralRecipients.caseId, caseId)).for('update');
    return row;
  },
  async findRecipient(db: Db, id: string): Promise<RecipientWithNames | undefined> {
    const [row] = await db
      .select(recipientColumns)
      .from(referralRecipients)
      .innerJoin(bodies, eq(bodies.id, referralRecipients.bodyId))
      .leftJoin(cases, eq(cases.id, referralRecipients.caseId))
      .where(eq(referralRecipients.id, id));
    return row;
  },
  async findRecipientByCase(db: Db, caseId: string): Promise<RecipientWithNames | undefined> {
    const [row] = await db
      .select(recipientColumns)
      .from(referralRecipients)
      .innerJoin(bodies, eq(bodies.id, referralRecipients.bodyId))
      .leftJoin(cases, eq(cases.id, referralRecipients.caseId))
      .where(eq(referralRecipients.caseId, caseId));
    return row;
  },
  async listRecipients(db: Db, referralIds: readonly string[]): Promise<RecipientWithNames[]> {
    if (referralIds.length === 0) return [];
    return db
      .select(recipientColumns)
      .from(referralRecipients)
      .innerJoin(bodies, eq(bodies.id, referralRecipients.bodyId))
      .leftJoin(cases, eq(cases.id, referralRecipients.caseId))
      .where(inArray(referralRecipients.referralId, [...referralIds]))
      .orderBy(asc(bodies.name));
  },
  async recipientStatuses(tx: Db, referralId: string): Promise<RecipientStatus[]> {
    const rows = await tx.select({ status: referralRecipients.status }).from(referralRecipients).where(eq(referralRecipients.referralId, referralId));
    return rows.map((r) => r.status);
  },

  // ── timeline ─────────────────────────────────────────────────────────────
  /**
   * Append to a recipient's timeline. The timeline is ordered by `occurredAt`; two steps within the
   * same clock reading (one command, a pinned clock) are kept apart by a millisecond so the order
   * in which they happened survives.
   */
  async insertEvent(tx: Db, row: typeof referralEvents.$inferInsert): Promise<EventRow> {
    const [last] = await tx
      .select({ at: max(referralEvents.occurredAt) })
      .from(referralEvents)
      .where(eq(referralEvents.recipientId, row.recipientId));
    const occurredAt = last?.at && last.at.getTime() >= row.occurredAt.getTime() ? new Date(last.at.getTime() + 1) : row.occurredAt;
    const [created] = await tx.insert(referralEvents).values({ ...row, occurredAt }).returning();
    return created!;
  },
  async listEvents(db: Db, recipientId: string): Promise<EventRow[]> {
    return db
      .select()
      .from(referralEvents)
      .where(eq(referralEvents.recipientId, recipientId))
      .orderBy(asc(referralEvents.occurredAt));
  },

  // ── recipient groups ─────────────────────────────────────────────────────
  async listGroups(db: Db): Promise<GroupRow[]> {
    return db.select().from(recipientGroups).orderBy(asc(recipientGroups.name));
  },
  async findGroup(db: Db, id: string): Promise<GroupRow | undefined> {
    const [row] = await db.select().from(recipientGroups).where(eq(recipientGroups.id, id));
    return row;
  },
  async lockGroup(tx: Db, id: string): Promise<GroupRow | undefined> {
    const [row] = await tx.select().from(recipientGroups).where(eq(recipientGroups.id, id)).for('update');
    return row;
  },
  async findGroupByName(db: Db, name: string): Promise<GroupRow | undefined> {
    const [row] = await db.select().from(recipientGroups).where(sql`lower(${recipientGroups.name}) = lower(${name})`);
    return row;
  },
  async insertGroup(tx: Db, row: typeof recipientGroups.$inferInsert): Promise<GroupRow> {
    const [created] = await tx.insert(recipientGroups).values(row).returning();
    return created!;
  },
  async updateGroup(tx: Db, id: string, patch: Partial<typeof recipientGroups.$inferInsert>): Promise<GroupRow> {
    const [row] = await tx.update(recipientGroups).set(patch).where(eq(recipientGroups.id, id)).returning();
    return row!;
  },
  async deleteGroup(tx: Db, id: string): Promise<void> {
    await tx.delete(recipientGroups).where(eq(recipientGroups.id, id));
  },
  async setGroupBodies(tx: Db, groupId: string, bodyIds: readonly string[]): Promise<void> {
    await tx.delete(recipientGroupBodies).where(eq(recipientGroupBodies.groupId, groupId));
    if (bodyIds.length) await tx.insert(recipientGroupBodies).values(bodyIds.map((bodyId) => ({ groupId, bodyId })));
  },
  /** The fixed members of groups (archived bodies included; callers leave them out when expanding). */
  async groupBodies(db: Db, groupIds: readonly string[]): Promise<Array<{ groupId: string } & BodyChoice>> {
    if (groupIds.length === 0) return [];
    const rows = await db
      .select({ groupId: recipientGroupBodies.groupId, id: bodies.id, name: bodies.name, kind: bodies.kind, archivedAt: bodies.archivedAt })
      .from(recipientGroupBodies)
      .innerJoin(bodies, eq(bodies.id, recipientGroupBodies.bodyId))
      .where(inArray(recipientGroupBodies.groupId, [...groupIds]))
      .orderBy(asc(bodies.name));
    return rows.map((r) => ({ groupId: r.groupId, id: r.id, name: r.name, kind: r.kind, archived: r.archivedAt !== null }));
  },
};

const PG_UNIQUE = '23505';
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    if (typeof cur === 'object' && (cur as { code?: unknown }).code === PG_UNIQUE) return true;
    cur = (cur as { cause?: unknown }).cause;
  }
  return false;
}
