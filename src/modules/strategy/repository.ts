import { and, asc, desc, eq, inArray, like, max, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
// Other modules' tables are joined here read-only: body names, and the referral round and agenda
// item (§) a strategy links to.
import { bodies, type BodyKind } from '../organisation/schema.js';
import { referrals } from '../referrals/schema.js';
import { agendaItems, meetings } from '../meetings/schema.js';
import {
  annualFollowups,
  focusAreas,
  goals,
  indicators,
  indicatorValues,
  strategies,
  strategyActions,
  strategyElements,
  strategyVersions,
} from './schema.js';

export type StrategyRow = typeof strategies.$inferSelect;
export type VersionRow = typeof strategyVersions.$inferSelect;
export type ElementRow = typeof strategyElements.$inferSelect;
export type FocusAreaRow = typeof focusAreas.$inferSelect;
export type GoalRow = typeof goals.$inferSelect;
export type ActionRow = typeof strategyActions.$inferSelect;
export type IndicatorRow = typeof indicators.$inferSelect;
export type ValueRow = typeof indicatorValues.$inferSelect;
export type FollowupRow = typeof annualFollowups.$inferSelect;

export interface BodyRef {
  id: string;
  name: string;
  slug: string;
  kind: BodyKind;
}

export interface AdoptionItemInfo {
  itemId: string;
  meetingId: string;
  paragraph: number;
  meetingDate: string;
  bodyName: string;
}

/** The tables of a strategy's parts that have a position and belong to one strategy. */
const PARTS = { element: strategyElements, focusArea: focusAreas, goal: goals, action: strategyActions } as const;
export type PartKind = keyof typeof PARTS;

export const strategyRepository = {
  // ── strategies ───────────────────────────────────────────────────────────
  async insertStrategy(tx: Db, row: typeof strategies.$inferInsert): Promise<StrategyRow> {
    const [created] = await tx.insert(strategies).values(row).returning();
    return created!;
  },
  async updateStrategy(tx: Db, id: string, patch: Partial<typeof strategies.$inferInsert>): Promise<StrategyRow> {
    const [row] = await tx.update(strategies).set(patch).where(eq(strategies.id, id)).returning();
    return row!;
  },
  async findStrategy(db: Db, id: string): Promise<StrategyRow | undefined> {
    const [row] = await db.select().from(strategies).where(eq(strategies.id, id));
    return row;
  },
  async findStrategyBySlug(db: Db, slug: string): Promise<StrategyRow | undefined> {
    const [row] = await db.select().from(strategies).where(eq(strategies.slug, slug));
    return row;
  },
  async findStrategyByTitle(db: Db, title: string): Promise<StrategyRow | undefined> {
    const [row] = await db.select().from(strategies).where(eq(strategies.title, title)).limit(1);
    return row;
  },
  async lockStrategy(tx: Db, id: string): Promise<StrategyRow | undefined> {
    const [row] = await tx.select().from(strategies).where(eq(strategies.id, id)).for('update');
    return row;
  },
  async listStrategies(db: Db): Promise<StrategyRow[]> {
    return db.select().from(strategies).orderBy(desc(strategies.validFrom), asc(strategies.title));
  },
  async slugsLike(db: Db, table: 'strategies' | 'indicators', base: string): Promise<string[]> {
    const col = table === 'strategies' ? strategies.slug : indicators.slug;
    const from = table === 'strategies' ? strategies : indicators;
    const rows = await db.select({ slug: col }).from(from).where(like(col, `${base}%`));
    return rows.map((r) => r.slug);
  },

  // ── versions ─────────────────────────────────────────────────────────────
  async insertVersion(tx: Db, row: typeof strategyVersions.$inferInsert): Promise<VersionRow> {
    const [created] = await tx.insert(strategyVersions).values(row).returning();
    return created!;
  },
  async listVersions(db: Db, strategyId: string): Promise<Array<Omit<VersionRow, 'snapshot'>>> {
    return db
      .select({
        id: strategyVersions.id,
        strategyId: strategyVersions.strategyId,
        version: strategyVersions.version,
        note: strategyVersions.note,
        createdBy: strategyVersions.createdBy,
        createdAt: strategyVersions.createdAt,
      })
      .from(strategyVersions)
      .where(eq(strategyVersions.strategyId, strategyId))
      .orderBy(asc(strategyVersions.version));
  },
  async findVersion(db: Db, strategyId: string, version: number): Promise<VersionRow | undefined> {
    const [row] = await db
      .select()
      .from(strategyVersions)
      .where(and(eq(strategyVersions.strategyId, strategyId), eq(strategyVersions.version, version)));
    return row;
  },
  async latestVersionTime(db: Db, strategyId: string): Promise<Date | null> {
    const [row] = await db.select({ at: max(strategyVersions.createdAt) }).from(strategyVersions).where(eq(strategyVersions.strategyId, strategyId));
    return row?.at ?? null;
  },

  // ── parts with a position: elements, focus areas, goals, actions ─────────
  async nextPosition(tx: Db, kind: PartKind, strategyId: string): Promise<number> {
    const table = PARTS[kind];
    const [row] = await tx.select({ n: max(table.position) }).from(table).where(eq(table.strategyId, strategyId));
    return (row?.n ?? 0) + 1;
  },
  async insertElement(tx: Db, row: typeof strategyElements.$inferInsert): Promise<ElementRow> {
    const [created] = await tx.insert(strategyElements).values(row).returning();
    return created!;
  },
  async updateElement(tx: Db, id: string, patch: Partial<typeof strategyElements.$inferInsert>): Promise<ElementRow> {
    const [row] = await tx.update(strategyElements).set(patch).where(eq(strategyElements.id, id)).returning();
    return row!;
  },
  async findElement(db: Db, id: string): Promise<ElementRow | undefined> {
    const [row] = await db.select().from(strategyElements).where(eq(strategyElements.id, id));
    return row;
  },
  async deleteElement(tx: Db, id: string): Promise<void> {
    await tx.delete(strategyElements).where(eq(strategyElements.id, id));
  },
  async listElements(db: Db, strategyId: string): Promise<ElementRow[]> {
    return db.select().from(strategyElements).where(eq(strategyElements.strategyId, strategyId)).orderBy(asc(strategyElements.kind), asc(strategyElements.position));
  },

  async insertFocusArea(tx: Db, row: typeof focusAreas.$inferInsert): Promise<FocusAreaRow> {
    const [created] = await tx.insert(focusAreas).values(row).returning();
    return created!;
  },
  async updateFocusArea(tx: Db, id: string, patch: Partial<typeof focusAreas.$inferInsert>): Promise<FocusAreaRow> {
    const [row] = await tx.update(focusAreas).set(patch).where(eq(focusAreas.id, id)).returning();
    return row!;
  },
  async findFocusArea(db: Db, id: string): Promise<FocusAreaRow | undefined> {
    const [row] = await db.select().from(focusAreas).where(eq(focusAreas.id, id));
    return row;
  },
  async deleteFocusArea(tx: Db, id: string): Promise<void> {
    await tx.delete(focusAreas).where(eq(focusAreas.id, id));
  },
  async listFocusAreas(db: Db, strategyId: string): Promise<FocusAreaRow[]> {
    return db.select().from(focusAreas).where(eq(focusAreas.strategyId, strategyId)).orderBy(asc(focusAreas.position));
  },

  async insertGoal(tx: Db, row: typeof goals.$inferInsert): Promise<GoalRow> {
    const [created] = await tx.insert(goals).values(row).returning();
    return created!;
  },
  async updateGoal(tx: Db, id: string, patch: Partial<typeof goals.$inferInsert>): Promise<GoalRow> {
    const [row] = await tx.update(goals).set(patch).where(eq(goals.id, id)).returning();
    return row!;
  },
  async findGoal(db: Db, id: string): Promise<GoalRow | undefined> {
    const [row] = await db.select().from(goals).where(eq(goals.id, id));
    return row;
  },
  async deleteGoal(tx: Db, id: string): Promise<void> {
    await tx.delete(goals).where(eq(goals.id, id));
  },
  async listGoals(db: Db, strategyId?: string): Promise<GoalRow[]> {
    const q = db.select().from(goals);
    return (strategyId ? q.where(eq(goals.strategyId, strategyId)) : q).orderBy(asc(goals.strategyId), asc(goals.position));
  },
  async findGoals(db: Db, ids: string[]): Promise<GoalRow[]> {
    if (ids.length === 0) return [];
    return db.select().from(goals).where(inArray(goals.id, ids)).orderBy(asc(goals.position));
  },

  async insertAction(tx: Db, row: typeof strategyActions.$inferInsert): Promise<ActionRow> {
    const [created] = await tx.insert(strategyActions).values(row).returning();
    return created!;
  },
  async updateAction(tx: Db, id: string, patch: Partial<typeof strategyActions.$inferInsert>): Promise<ActionRow> {
    const [row] = await tx.update(strategyActions).set(patch).where(eq(strategyActions.id, id)).returning();
    return row!;
  },
  async findAction(db: Db, id: string): Promise<ActionRow | undefined> {
    const [row] = await db.select().from(strategyActions).where(eq(strategyActions.id, id));
    return row;
  },
  async deleteAction(tx: Db, id: string): Promise<void> {
    await tx.delete(strategyActions).where(eq(strategyActions.id, id));
  },
  async listActions(db: Db, strategyId: string): Promise<ActionRow[]> {
    return db.select().from(strategyActions).where(eq(strategyActions.strategyId, strategyId)).orderBy(asc(strategyActions.position));
  },

  // ── indicators ───────────────────────────────────────────────────────────
  async insertIndicator(tx: Db, row: typeof indicators.$inferInsert): Promise<IndicatorRow> {
    const [created] = await tx.insert(indicators).values(row).returning();
    return created!;
  },
  async updateIndicator(tx: Db, id: string, patch: Partial<typeof indicators.$inferInsert>): Promise<IndicatorRow> {
    const [row] = await tx.update(indicators).set(patch).where(eq(indicators.id, id)).returning();
    return row!;
  },
  async findIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
    const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
    return row;
  },
  async findIndicatorBySlug(db: Db, slug: string): Promise<IndicatorRow | undefined> {
    const [row] = await db.select().from(indicators).where(eq(indicators.slug, slug));
    return row;
  },
  async lockIndicator(tx: Db, id: string): Promise<IndicatorRow | undefined> {
    const [row] = await tx.select().from(indicators).where(eq(indicators.id, id)).for('update');
    return row;
  },
  async deleteIndicator(tx: Db, id: string): Promise<void> {
    await tx.delete(indicators).where(eq(indicators.id, id));
  },
  /** The indicators of the given goals, in goal order then name. */
  async indicatorsOfGoals(db: Db, goalIds: string[]): Promise<IndicatorRow[]> {
    if (goalIds.length === 0) return [];
    return db.select().from(indicators).where(inArray(indicators.goalId, goalIds)).orderBy(asc(indicators.createdAt), asc(indicators.name));
  },
  async indicatorsOfStrategy(db: Db, strategyId: string): Promise<IndicatorRow[]> {
    return db
      .select({ indicator: indicators })
      .from(indicators)
      .innerJoin(goals, eq(goals.id, indicators.goalId))
      .where(eq(goals.strategyId, strategyId))
      .orderBy(asc(goals.position), asc(indicators.createdAt), asc(indicators.name))
      .then((rows) => rows.map((r) => r.indicator));
  },

  // ── indicator values ─────────────────────────────────────────────────────
  async findValue(db: Db, indicatorId: string, period: string): Promise<ValueRow | undefined> {
    const [row] = await db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.period, period)));
    return row;
  },
  async upsertValue(tx: Db, row: typeof indicatorValues.$inferInsert): Promise<ValueRow> {
    const [saved] = await tx
      .insert(indicatorValues)
      .values(row)
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.period],
        set: { value: row.value, source: row.source, note: row.note ?? null, recordedBy: row.recordedBy, recordedAt: row.recordedAt },
      })
      .returning();
    return saved!;
  },
  async deleteValue(tx: Db, indicatorId: string, period: string): Promise<boolean> {
    const rows = await tx
      .delete(indicatorValues)
      .where(and(eq(indicatorValues.indicatorId, indicatorId), eq(indicatorValues.period, period)))
      .returning({ id: indicatorValues.id });
    return rows.length > 0;
  },
  async valuesOf(db: Db, indicatorIds: string[]): Promise<ValueRow[]> {
    if (indicatorIds.length === 0) return [];
    return db.select().from(indicatorValues).where(inArray(indicatorValues.indicatorId, indicatorIds));
  },

  // ── annual follow-ups ────────────────────────────────────────────────────
  async findFollowup(db: Db, strategyId: string, bodyId: string, year: number): Promise<FollowupRow | undefined> {
    const [row] = await db
      .select()
      .from(annualFollowups)
      .where(and(eq(annualFollowups.strategyId, strategyId), eq(annualFollowups.bodyId, bodyId), eq(annualFollowups.year, year)));
    return row;
  },
  async lockFollowup(tx: Db, strategyId: string, bodyId: string, year: number): Promise<FollowupRow | undefined> {
    const [row] = await tx
      .select()
      .from(annualFollowups)
      .where(and(eq(annualFollowups.strategyId, strategyId), eq(annualFollowups.bodyId, bodyId), eq(annualFollowups.year, year)))
      .for('update');
    return row;
  },
  async findFollowupById(db: Db, id: string): Promise<FollowupRow | undefined> {
    const [row] = await db.select().from(annualFollowups).where(eq(annualFollowups.id, id));
    return row;
  },
  async insertFollowup(tx: Db, row: typeof annualFollowups.$inferInsert): Promise<FollowupRow> {
    const [created] = await tx.insert(annualFollowups).values(row).returning();
    return created!;
  },
  async updateFollowup(tx: Db, id: string, patch: Partial<typeof annualFollowups.$inferInsert>): Promise<FollowupRow> {
    const [row] = await tx.update(annualFollowups).set(patch).where(eq(annualFollowups.id, id)).returning();
    return row!;
  },
  async listFollowups(db: Db, filter: { strategyId?: string; year?: number; bodyId?: string }): Promise<FollowupRow[]> {
    const conds = [
      filter.strategyId ? eq(annualFollowups.strategyId, filter.strategyId) : undefined,
      filter.year !== undefined ? eq(annualFollowups.year, filter.year) : undefined,
      filter.bodyId ? eq(annualFollowups.bodyId, filter.bodyId) : undefined,
    ].filter((c) => c !== undefined);
    return db
      .select()
      .from(annualFollowups)
      .where(conds.length ? and(...conds) : undefined)
      .orderBy(desc(annualFollowups.year), asc(annualFollowups.createdAt));
  },
  async followupYears(db: Db, strategyId: string): Promise<number[]> {
    const rows = await db.selectDistinct({ year: annualFollowups.year }).from(annualFollowups).where(eq(annualFollowups.strategyId, strategyId)).orderBy(desc(annualFollowups.year));
    return rows.map((r) => r.year);
  },

  // ── other modules' records, read-only ────────────────────────────────────
  async bodiesByIds(db: Db, ids: string[]): Promise<BodyRef[]> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return [];
    return db.select({ id: bodies.id, name: bodies.name, slug: bodies.slug, kind: bodies.kind }).from(bodies).where(inArray(bodies.id, unique));
  },
  async findBody(db: Db, idOrSlug: string, isId: boolean): Promise<BodyRef | undefined> {
    const [row] = await db
      .select({ id: bodies.id, name: bodies.name, slug: bodies.slug, kind: bodies.kind })
      .from(bodies)
      .where(isId ? or(eq(bodies.id, idOrSlug), eq(bodies.slug, idOrSlug)) : eq(bodies.slug, idOrSlug));
    return row;
  },
  /** Active bodies of the given kinds, by name: the boards expected to report on a strategy. */
  async activeBodies(db: Db, kinds?: readonly BodyKind[]): Promise<BodyRef[]> {
    const conds = [sql`${bodies.archivedAt} is null`, kinds ? inArray(bodies.kind, [...kinds]) : undefined].filter((c) => c !== undefined);
    return db
      .select({ id: bodies.id, name: bodies.name, slug: bodies.slug, kind: bodies.kind })
      .from(bodies)
      .where(and(...conds))
      .orderBy(asc(bodies.name));
  },
  async referralInfo(db: Db, id: string): Promise<{ id: string; subject: string } | undefined> {
    const [row] = await db.select({ id: referrals.id, subject: referrals.subject }).from(referrals).where(eq(referrals.id, id));
    return row;
  },
  async adoptionItemInfo(db: Db, itemId: string): Promise<AdoptionItemInfo | undefined> {
    const [row] = await db
      .select({ itemId: agendaItems.id, meetingId: meetings.id, paragraph: agendaItems.paragraph, meetingDate: meetings.meetingDate, bodyName: bodies.name })
      .from(agendaItems)
      .innerJoin(meetings, eq(meetings.id, agendaItems.meetingId))
      .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(eq(agendaItems.id, itemId));
    return row;
  },
};
