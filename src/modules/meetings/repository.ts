import { and, asc, count, desc, eq, inArray, max, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
// Shared schema files: bodies and cases are joined here for names and numbers in lists and details.
import { bodies } from '../organisation/schema.js';
import { cases } from '../registry/schema.js';
import { agendaItems, meetingAttendees, meetings, proposals, reservations, specialStatements } from './schema.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type AttendeeRow = typeof meetingAttendees.$inferSelect;
export type ItemRow = typeof agendaItems.$inferSelect;
export type ProposalRow = typeof proposals.$inferSelect;
export type ReservationRow = typeof reservations.$inferSelect;
export type SpecialStatementRow = typeof specialStatements.$inferSelect;

export type MeetingWithBody = MeetingRow & { bodyName: string; bodyKind: (typeof bodies.$inferSelect)['kind']; bodySlug: string };
/** An item with its case's registry number and confidentiality (null without a case). */
export type ItemWithCase = ItemRow & { registryNumber: string | null; caseConfidentiality: number | null; caseBodyId: string | null };
export type MeetingListRow = MeetingWithBody & { itemCount: number };

export interface MeetingFilter {
  bodyId?: string | undefined;
  year?: number | undefined;
}

const meetingWithBodyColumns = {
  id: meetings.id,
  bodyId: meetings.bodyId,
  meetingDate: meetings.meetingDate,
  startTime: meetings.startTime,
  place: meetings.place,
  status: meetings.status,
  minutesTense: meetings.minutesTense,
  approvers: meetings.approvers,
  approvedOn: meetings.approvedOn,
  approvedBy: meetings.approvedBy,
  createdAt: meetings.createdAt,
  updatedAt: meetings.updatedAt,
  bodyName: bodies.name,
  bodyKind: bodies.kind,
  bodySlug: bodies.slug,
};

const itemWithCaseColumns = {
  id: agendaItems.id,
  meetingId: agendaItems.meetingId,
  paragraph: agendaItems.paragraph,
  title: agendaItems.title,
  subtitle: agendaItems.subtitle,
  caseId: agendaItems.caseId,
  matterText: agendaItems.matterText,
  administrationProposal: agendaItems.administrationProposal,
  debateClosedText: agendaItems.debateClosedText,
  procedureKind: agendaItems.procedureKind,
  procedureText: agendaItems.procedureText,
  votesYes: agendaItems.votesYes,
  votesNo: agendaItems.votesNo,
  votesAbstain: agendaItems.votesAbstain,
  rollCall: agendaItems.rollCall,
  decisionPoints: agendaItems.decisionPoints,
  immediateApproval: agendaItems.immediateApproval,
  finalOn: agendaItems.finalOn,
  extractDocumentId: agendaItems.extractDocumentId,
  position: agendaItems.position,
  createdAt: agendaItems.createdAt,
  updatedAt: agendaItems.updatedAt,
  registryNumber: cases.registryNumber,
  caseConfidentiality: cases.confidentiality,
  caseBodyId: cases.bodyId,
};

const yearOf = (column: SQL | typeof meetings.meetingDate) => sql<number>`extract(year from ${column})::int`;

export const meetingsRepository = {
  // ── meetings ─────────────────────────────────────────────────────────────
  async insertMeeting(tx: Db, row: typeof meetings.$inferInsert): Promise<MeetingRow> {
    const [created] = await tx.insert(meetings).values(row).returning();
    return created!;
  },
  async updateMeeting(tx: Db, id: string, patch: Partial<typeof meetings.$inferInsert>): Promise<MeetingRow> {
    const [row] = await tx.update(meetings).set(patch).where(eq(meetings.id, id)).returning();
    return row!;
  },
  async deleteMeeting(tx: Db, id: string): Promise<void> {
    await tx.delete(meetings).where(eq(meetings.id, id));
  },
  async findMeeting(db: Db, id: string): Promise<MeetingWithBody | undefined> {
    const [row] = await db.select(meetingWithBodyColumns).from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId)).where(eq(meetings.id, id));
    return row;
  },
  /** SELECT … FOR UPDATE: every change of a meeting, its attendance or its agenda queues here. */
  /** The body's (first) meeting on a day: archive imports add their paragraphs to it. */
  async findMeetingOn(db: Db, bodyId: string, meetingDate: string): Promise<MeetingRow | undefined> {
    const [row] = await db
      .select()
      .from(meetings)
      .where(and(eq(meetings.bodyId, bodyId), eq(meetings.meetingDate, meetingDate)))
      .orderBy(meetings.createdAt)
      .limit(1);
    return row;
  },

  async lockMeeting(tx: Db, id: string): Promise<MeetingRow | undefined> {
    const [row] = await tx.select().from(meetings).where(eq(meetings.id, id)).for('update');
    return row;
  },
  async listMeetings(db: Db, filter: MeetingFilter, paging: { offset: number; limit: number }): Promise<{ rows: MeetingListRow[]; total: number }> {
    const where = and(
      filter.bodyId ? eq(meetings.bodyId, filter.bodyId) : undefined,
      filter.year ? eq(yearOf(meetings.meetingDate), filter.year) : undefined,
    );
    const itemCount = db.$with('item_count').as(
      db.select({ meetingId: agendaItems.meetingId, n: count().as('n') }).from(agendaItems).groupBy(agendaItems.meetingId),
    );
    const rows = await db
      .with(itemCount)
      .select({ ...meetingWithBodyColumns, itemCount: sql<number>`coalesce(${itemCount.n}, 0)::int` })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .leftJoin(itemCount, eq(itemCount.meetingId, meetings.id))
      .where(where)
      .orderBy(desc(meetings.meetingDate), asc(bodies.name), asc(meetings.id))
      .offset(paging.offset)
      .limit(paging.limit);
    const [total] = await db.select({ n: count() }).from(meetings).where(where);
    return { rows, total: total?.n ?? 0 };
  },
  async meetingYears(db: Db): Promise<number[]> {
    const rows = await db
      .selectDistinct({ year: yearOf(meetings.meetingDate) })
      .from(meetings)
      .orderBy(desc(yearOf(meetings.meetingDate)));
    return rows.map((r) => r.year);
  },
  /** Bodies that have meetings, for the list's filter. */
  async bodiesWithMeetings(db: Db): Promise<Array<{ id: string; name: string }>> {
    return db
      .selectDistinct({ id: bodies.id, name: bodies.name })
      .from(meetings)
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .orderBy(asc(bodies.name));
  },

  // ── attendance ───────────────────────────────────────────────────────────
  async listAttendees(db: Db, meetingId: string): Promise<AttendeeRow[]> {
    return db.select().from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).orderBy(asc(meetingAttendees.position));
  },
  async replaceAttendees(tx: Db, meetingId: string, rows: Array<Omit<typeof meetingAttendees.$inferInsert, 'meetingId'>>): Promise<AttendeeRow[]> {
    await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
    if (rows.length === 0) return [];
    return tx
      .insert(meetingAttendees)
      .values(rows.map((r) => ({ ...r, meetingId })))
      .returning();
  },

  // ── agenda items ─────────────────────────────────────────────────────────
  async listItems(db: Db, meetingId: string): Promise<ItemWithCase[]> {
    return db
      .select(itemWithCaseColumns)
      .from(agendaItems)
      .leftJoin(cases, eq(cases.id, agendaItems.caseId))
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.paragraph));
  },
  async findItem(db: Db, id: string): Promise<ItemWithCase | undefined> {
    const [row] = await db.select(itemWithCaseColumns).from(agendaItems).leftJoin(cases, eq(cases.id, agendaItems.caseId)).where(eq(agendaItems.id, id));
    return row;
  },
  async lockItem(tx: Db, id: string): Promise<ItemRow | undefined> {
    const [row] = await tx.select().from(agendaItems).where(eq(agendaItems.id, id)).for('update');
    return row;
  },
  async insertItem(tx: Db, row: typeof agendaItems.$inferInsert): Promise<ItemRow> {
    const [created] = await tx.insert(agendaItems).values(row).returning();
    return created!;
  },
  async updateItem(tx: Db, id: string, patch: Partial<typeof agendaItems.$inferInsert>): Promise<ItemRow> {
    const [row] = await tx.update(agendaItems).set(patch).where(eq(agendaItems.id, id)).returning();
    return row!;
  },
  async deleteItem(tx: Db, id: string): Promise<void> {
    await tx.delete(agendaItems).where(eq(agendaItems.id, id));
  },
  async maxPosition(db: Db, meetingId: string): Promise<number> {
    const [row] = await db.select({ n: max(agendaItems.position) }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId));
    return row?.n ?? 0;
  },
  /** The highest § of the body's meetings in a year: paragraphs run on through the year. */
  async maxParagraphInYear(db: Db, bodyId: string, year: number): Promise<number> {
    const [row] = await db
      .select({ n: max(agendaItems.paragraph) })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .where(and(eq(meetings.bodyId, bodyId), eq(yearOf(meetings.meetingDate), year)));
    return row?.n ?? 0;
  },
  async paragraphTaken(db: Db, meetingId: string, paragraph: number, exceptId?: string): Promise<boolean> {
    const [row] = await db
      .select({ id: agendaItems.id })
      .from(agendaItems)
      .where(and(eq(agendaItems.meetingId, meetingId), eq(agendaItems.paragraph, paragraph), exceptId ? ne(agendaItems.id, exceptId) : undefined))
      .limit(1);
    return Boolean(row);
  },
  /** New order and paragraph numbers; negative first so the unique (meeting, §) never collides midway. */
  async renumber(tx: Db, items: Array<{ id: string; position: number; paragraph: number }>, now: Date): Promise<void> {
    for (const it of items) await tx.update(agendaItems).set({ paragraph: -it.paragraph }).where(eq(agendaItems.id, it.id));
    for (const it of items) await tx.update(agendaItems).set({ paragraph: it.paragraph, position: it.position, updatedAt: now }).where(eq(agendaItems.id, it.id));
  },

  // ── proposals, reservations, special statements ──────────────────────────
  async listProposals(db: Db, itemIds: string[]): Promise<ProposalRow[]> {
    if (itemIds.length === 0) return [];
    return db.select().from(proposals).where(inArray(proposals.itemId, itemIds)).orderBy(asc(proposals.itemId), asc(proposals.position));
  },
  async listReservations(db: Db, itemIds: string[]): Promise<ReservationRow[]> {
    if (itemIds.length === 0) return [];
    return db.select().from(reservations).where(inArray(reservations.itemId, itemIds)).orderBy(asc(reservations.itemId), asc(reservations.position));
  },
  async listSpecialStatements(db: Db, itemIds: string[]): Promise<SpecialStatementRow[]> {
    if (itemIds.length === 0) return [];
    return db
      .select()
      .from(specialStatements)
      .where(inArray(specialStatements.itemId, itemIds))
      .orderBy(asc(specialStatements.itemId), asc(specialStatements.position));
  },
  async replaceProposals(tx: Db, itemId: string, rows: Array<Omit<typeof proposals.$inferInsert, 'itemId' | 'position'>>): Promise<ProposalRow[]> {
    // Reservations point at proposals (set null on delete): they are replaced right after.
    await tx.delete(proposals).where(eq(proposals.itemId, itemId));
    if (rows.length === 0) return [];
    return tx
      .insert(proposals)
      .values(rows.map((r, i) => ({ ...r, itemId, position: i + 1 })))
      .returning();
  },
  async replaceReservations(tx: Db, itemId: string, rows: Array<Omit<typeof reservations.$inferInsert, 'itemId' | 'position'>>): Promise<void> {
    await tx.delete(reservations).where(eq(reservations.itemId, itemId));
    if (rows.length) await tx.insert(reservations).values(rows.map((r, i) => ({ ...r, itemId, position: i + 1 })));
  },
  async replaceSpecialStatements(tx: Db, itemId: string, rows: Array<Omit<typeof specialStatements.$inferInsert, 'itemId' | 'position'>>): Promise<void> {
    await tx.delete(specialStatements).where(eq(specialStatements.itemId, itemId));
    if (rows.length) await tx.insert(specialStatements).values(rows.map((r, i) => ({ ...r, itemId, position: i + 1 })));
  },

  // ── by case ──────────────────────────────────────────────────────────────
  /** Items that treat these cases, with their meeting, oldest meeting first. */
  async itemsForCases(db: Db, caseIds: string[]): Promise<Array<ItemWithCase & { meeting: MeetingWithBody }>> {
    if (caseIds.length === 0) return [];
    const rows = await db
      .select({ item: itemWithCaseColumns, meeting: meetingWithBodyColumns })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .leftJoin(cases, eq(cases.id, agendaItems.caseId))
      .where(inArray(agendaItems.caseId, caseIds))
      .orderBy(asc(meetings.meetingDate), asc(agendaItems.paragraph));
    return rows.map((r) => ({ ...(r.item as ItemWithCase), meeting: r.meeting }));
  },
};
