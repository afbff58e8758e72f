import { can } from '../../access/permissions.js';
import type { Actor } from '../../auth/actor.js';
import { Forbidden, NotFound, Unauthenticated } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { checkFollowability, type Finding } from './followability.js';
import { comparePeriods } from './periods.js';
import { STRATEGY_FOLLOWUP_WRITE, STRATEGY_INDICATOR_VALUES, STRATEGY_WRITE } from './policy.js';
import { strategyRepository as repo, type AdoptionItemInfo, type BodyRef, type FollowupRow, type IndicatorRow, type StrategyRow } from './repository.js';
import type { Dimension, ElementKind, IndicatorDirection, Periodicity, StrategyStatus } from './schema.js';

/**
 * Reads. Strategies, their parts, indicators and values are public documents: these functions
 * need only the database. Annual follow-ups apply one rule (drafts are read only by their board's
 * writers), so those reads take the reader too.
 */
export interface ReadCtx {
  db: Db;
  actor: Actor;
}

/** A body as named at the time of reading (or of the snapshot, in a version). */
export interface BodyName {
  id: string;
  name: string;
  slug: string;
}

export interface ElementDoc {
  id: string;
  kind: ElementKind;
  position: number;
  title: string;
  description: string;
}
export interface FocusAreaDoc {
  id: string;
  position: number;
  title: string;
  description: string;
}
export interface GoalDoc {
  id: string;
  focusAreaId: string | null;
  position: number;
  title: string;
  description: string;
  dimensions: Dimension[];
  ownerBody: BodyName | null;
}
export interface ActionDoc {
  id: string;
  goalId: string | null;
  focusAreaId: string | null;
  position: number;
  title: string;
  description: string;
  ownerBody: BodyName | null;
  dueDate: string | null;
}
export interface IndicatorDoc {
  id: string;
  goalId: string;
  slug: string;
  name: string;
  description: string;
  unit: string;
  baseline: number | null;
  baselinePeriod: string | null;
  target: number | null;
  targetPeriod: string | null;
  direction: IndicatorDirection;
  periodicity: Periodicity;
  source: string | null;
  ownerBody: BodyName | null;
}

/** The versioned content of a strategy: what a snapshot (strategy_versions.snapshot) holds. JSON-safe. */
export interface StrategyDocument {
  id: string;
  slug: string;
  title: string;
  vision: string;
  goalPicture: string;
  status: StrategyStatus;
  ownerBody: BodyName | null;
  referralId: string | null;
  adoptionItemId: string | null;
  adoptedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  elements: ElementDoc[];
  focusAreas: FocusAreaDoc[];
  goals: GoalDoc[];
  actions: ActionDoc[];
  indicators: IndicatorDoc[];
}

export interface LatestValue {
  period: string;
  value: number;
}

export interface StrategyView extends StrategyDocument {
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
  /** True when the live structure changed after the latest saved version (or none was saved). */
  changedSinceVersion: boolean;
  referral: { id: string; subject: string } | null;
  adoption: AdoptionItemInfo | null;
  /** Latest value per indicator id. */
  latest: Record<string, LatestValue>;
}

export interface StrategySummary {
  id: string;
  slug: string;
  title: string;
  status: StrategyStatus;
  ownerBody: BodyName | null;
  adoptedOn: string | null;
  validFrom: string | null;
  validTo: string | null;
  currentVersion: number;
  updatedAt: Date;
}

export interface VersionSummary {
  version: number;
  note: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface VersionView extends VersionSummary {
  document: StrategyDocument;
}

const bodyName = (map: Map<string, BodyRef>, id: string | null): BodyName | null => {
  if (!id) return null;
  const b = map.get(id);
  return b ? { id: b.id, name: b.name, slug: b.slug } : null;
};

/** The strategy row or a 404; accepts the id or the slug. */
export async function findStrategy(db: Db, idOrSlug: string): Promise<StrategyRow> {
  const row = isUuid(idOrSlug) ? await repo.findStrategy(db, idOrSlug) : await repo.findStrategyBySlug(db, idOrSlug);
  if (!row) throw new NotFound('strategy');
  return row;
}

const indicatorDoc = (i: IndicatorRow, bodies: Map<string, BodyRef>): IndicatorDoc => ({
  id: i.id,
  goalId: i.goalId,
  slug: i.slug,
  name: i.name,
  description: i.description,
  unit: i.unit,
  baseline: i.baseline,
  baselinePeriod: i.baselinePeriod,
  target: i.target,
  targetPeriod: i.targetPeriod,
  direction: i.direction,
  periodicity: i.periodicity,
  source: i.source,
  ownerBody: bodyName(bodies, i.ownerBodyId),
});

/** The whole live structure of a strategy as a document (the content of a new version). */
export async function strategyDocument(db: Db, s: StrategyRow): Promise<StrategyDocument> {
  const [elements, focusAreas, goals, actions, indicators] = await Promise.all([
    repo.listElements(db, s.id),
    repo.listFocusAreas(db, s.id),
    repo.listGoals(db, s.id),
    repo.listActions(db, s.id),
    repo.indicatorsOfStrategy(db, s.id),
  ]);
  const bodyIds = [s.ownerBodyId, ...goals.map((g) => g.ownerBodyId), ...actions.map((a) => a.ownerBodyId), ...indicators.map((i) => i.ownerBodyId)];
  const bodies = new Map((await repo.bodiesByIds(db, bodyIds.filter((id): id is string => !!id))).map((b) => [b.id, b]));
  const kindOrder = { principle: 0, enabler: 1, costPrinciple: 2 } as const;
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    vision: s.vision,
    goalPicture: s.goalPicture,
    status: s.status,
    ownerBody: bodyName(bodies, s.ownerBodyId),
    referralId: s.referralId,
    adoptionItemId: s.adoptionItemId,
    adoptedOn: s.adoptedOn,
    validFrom: s.validFrom,
    validTo: s.validTo,
    elements: elements
      .sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || a.position - b.position)
      .map((e) => ({ id: e.id, kind: e.kind, position: e.position, title: e.title, description: e.description })),
    focusAreas: focusAreas.map((f) => ({ id: f.id, position: f.position, title: f.title, description: f.description })),
    goals: goals.map((g) => ({
      id: g.id,
      focusAreaId: g.focusAreaId,
      position: g.position,
      title: g.title,
      description: g.description,
      dimensions: g.dimensions,
      ownerBody: bodyName(bodies, g.ownerBodyId),
    })),
    actions: actions.map((a) => ({
      id: a.id,
      goalId: a.goalId,
      focusAreaId: a.focusAreaId,
      position: a.position,
      title: a.title,
      description: a.description,
      ownerBody: bodyName(bodies, a.ownerBodyId),
      dueDate: a.dueDate,
    })),
    indicators: indicators.map((i) => indicatorDoc(i, bodies)),
  };
}

/** A strategy with its whole structure, the latest value of each indicator and its links. 404 when missing. */
export async function getStrategy(db: Db, idOrSlug: string): Promise<StrategyView> {
  const s = await findStrategy(db, idOrSlug);
  const doc = await strategyDocument(db, s);
  const [values, versionAt, referral, adoption] = await Promise.all([
    repo.valuesOf(
      db,
      doc.indicators.map((i) => i.id),
    ),
    repo.latestVersionTime(db, s.id),
    s.referralId ? repo.referralInfo(db, s.referralId) : undefined,
    s.adoptionItemId ? repo.adoptionItemInfo(db, s.adoptionItemId) : undefined,
  ]);
  const latest: Record<string, LatestValue> = {};
  for (const v of values) {
    const cur = latest[v.indicatorId];
    if (!cur || comparePeriods(v.period, cur.period) > 0) latest[v.indicatorId] = { period: v.period, value: v.value };
  }
  return {
    ...doc,
    currentVersion: s.currentVersion,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    changedSinceVersion: versionAt === null || s.updatedAt.getTime() > versionAt.getTime(),
    referral: referral ?? null,
    adoption: adoption ?? null,
    latest,
  };
}

export async function listStrategies(db: Db): Promise<StrategySummary[]> {
  const rows = await repo.listStrategies(db);
  const bodies = new Map((await repo.bodiesByIds(db, rows.map((r) => r.ownerBodyId).filter((id): id is string => !!id))).map((b) => [b.id, b]));
  return rows.map((s) => ({
    id: s.id,
    slug: s.slug,
    title: s.title,
    status: s.status,
    ownerBody: bodyName(bodies, s.ownerBodyId),
    adoptedOn: s.adoptedOn,
    validFrom: s.validFrom,
    validTo: s.validTo,
    currentVersion: s.currentVersion,
    updatedAt: s.updatedAt,
  }));
}

export async function listVersions(db: Db, idOrSlug: string): Promise<{ strategy: StrategyRow; versions: VersionSummary[] }> {
  const strategy = await findStrategy(db, idOrSlug);
  const rows = await repo.listVersions(db, strategy.id);
  return { strategy, versions: rows.map((r) => ({ version: r.version, note: r.note, createdBy: r.createdBy, createdAt: r.createdAt })) };
}

export async function getVersion(db: Db, idOrSlug: string, version: number): Promise<{ strategy: StrategyRow; version: VersionView }> {
  const strategy = await findStrategy(db, idOrSlug);
  const row = await repo.findVersion(db, strategy.id, version);
  if (!row) throw new NotFound('version');
  return {
    strategy,
    version: { version: row.version, note: row.note, createdBy: row.createdBy, createdAt: row.createdAt, document: row.snapshot as unknown as StrategyDocument },
  };
}

/** The followability findings of a strategy document (live or a version). */
export function followabilityOf(doc: Pick<StrategyDocument, 'focusAreas' | 'goals' | 'indicators' | 'actions'>): Finding[] {
  return checkFollowability({
    focusAreas: doc.focusAreas,
    goals: doc.goals.map((g) => ({ id: g.id, title: g.title, description: g.description, focusAreaId: g.focusAreaId, ownerBodyId: g.ownerBody?.id ?? null })),
    indicators: doc.indicators.map((i) => ({ id: i.id, goalId: i.goalId, name: i.name, target: i.target })),
    actions: doc.actions,
  });
}

export async function strategyFollowability(db: Db, idOrSlug: string): Promise<{ strategy: StrategyRow; findings: Finding[] }> {
  const strategy = await findStrategy(db, idOrSlug);
  return { strategy, findings: followabilityOf(await strategyDocument(db, strategy)) };
}

// ── goals and indicators (also used by the portfolio) ───────────────────────
export interface GoalSummary {
  id: string;
  title: string;
  strategyId: string;
  strategyTitle: string;
  strategySlug: string;
  focusAreaId: string | null;
  position: number;
  dimensions: Dimension[];
  ownerBodyId: string | null;
}

/** Goals of one strategy (or of all), in the strategy's order. Stable for the portfolio module. */
export async function listGoals(db: Db, strategyId?: string): Promise<GoalSummary[]> {
  const rows = await repo.listGoals(db, strategyId);
  const strategies = new Map((await repo.listStrategies(db)).map((s) => [s.id, s]));
  return rows
    .map((g) => ({
      id: g.id,
      title: g.title,
      strategyId: g.strategyId,
      strategyTitle: strategies.get(g.strategyId)?.title ?? '',
      strategySlug: strategies.get(g.strategyId)?.slug ?? '',
      focusAreaId: g.focusAreaId,
      position: g.position,
      dimensions: g.dimensions,
      ownerBodyId: g.ownerBodyId,
    }))
    .sort((a, b) => a.strategyTitle.localeCompare(b.strategyTitle, 'sv') || a.position - b.position);
}

export interface IndicatorView extends IndicatorDoc {
  goalTitle: string;
  goalDimensions: Dimension[];
  goalOwnerBody: BodyName | null;
  strategyId: string;
  strategySlug: string;
  strategyTitle: string;
  strategyOwnerBodyId: string | null;
}

export interface SeriesValue {
  period: string;
  value: number;
  source: 'manual' | 'csv' | 'api' | 'dataPlatform';
  note: string | null;
  recordedBy: string;
  recordedAt: Date;
}

export interface IndicatorSeries {
  indicator: IndicatorView;
  /** In period order. */
  values: SeriesValue[];
}

async function indicatorViews(db: Db, rows: IndicatorRow[]): Promise<IndicatorView[]> {
  const goals = new Map((await repo.findGoals(db, [...new Set(rows.map((r) => r.goalId))])).map((g) => [g.id, g]));
  const strategyIds = new Set([...goals.values()].map((g) => g.strategyId));
  const strategies = new Map((await repo.listStrategies(db)).filter((s) => strategyIds.has(s.id)).map((s) => [s.id, s]));
  const bodyIds = [...rows.map((r) => r.ownerBodyId), ...[...goals.values()].map((g) => g.ownerBodyId)].filter((id): id is string => !!id);
  const bodies = new Map((await repo.bodiesByIds(db, bodyIds)).map((b) => [b.id, b]));
  return rows.map((i) => {
    const goal = goals.get(i.goalId)!;
    const s = strategies.get(goal.strategyId)!;
    return {
      ...indicatorDoc(i, bodies),
      goalTitle: goal.title,
      goalDimensions: goal.dimensions,
      goalOwnerBody: bodyName(bodies, goal.ownerBodyId),
      strategyId: s.id,
      strategySlug: s.slug,
      strategyTitle: s.title,
      strategyOwnerBodyId: s.ownerBodyId,
    };
  });
}

const seriesOf = (views: IndicatorView[], values: Awaited<ReturnType<typeof repo.valuesOf>>): IndicatorSeries[] =>
  views.map((indicator) => ({
    indicator,
    values: values
      .filter((v) => v.indicatorId === indicator.id)
      .sort((a, b) => comparePeriods(a.period, b.period))
      .map((v) => ({ period: v.period, value: v.value, source: v.source, note: v.note, recordedBy: v.recordedBy, recordedAt: v.recordedAt })),
  }));

/** The indicator (by id or slug) with all its values in period order. 404 when missing. */
export async function getIndicatorSeries(db: Db, indicatorIdOrSlug: string): Promise<IndicatorSeries> {
  const row = isUuid(indicatorIdOrSlug) ? await repo.findIndicator(db, indicatorIdOrSlug) : await repo.findIndicatorBySlug(db, indicatorIdOrSlug);
  if (!row) throw new NotFound('indicator');
  return seriesOf(await indicatorViews(db, [row]), await repo.valuesOf(db, [row.id]))[0]!;
}

/** Every indicator of the given goals with its values (for dashboards, e.g. the portfolio's). */
export async function indicatorsForGoals(db: Db, goalIds: string[]): Promise<IndicatorSeries[]> {
  const rows = await repo.indicatorsOfGoals(db, [...new Set(goalIds)]);
  return seriesOf(await indicatorViews(db, rows), await repo.valuesOf(db, rows.map((r) => r.id)));
}

export interface IndicatorFilter {
  strategyId?: string | undefined;
  goalId?: string | undefined;
  /** The indicator's or its goal's owner body. */
  bodyId?: string | undefined;
  dimension?: Dimension | undefined;
}

/** Indicators with their values, filtered by strategy, goal, body and dimension. */
export async function listIndicatorSeries(db: Db, filter: IndicatorFilter): Promise<IndicatorSeries[]> {
  const goals = (await repo.listGoals(db, filter.strategyId)).filter(
    (g) => (!filter.goalId || g.id === filter.goalId) && (!filter.dimension || g.dimensions.includes(filter.dimension)),
  );
  const all = await indicatorsForGoals(
    db,
    goals.map((g) => g.id),
  );
  if (!filter.bodyId) return all;
  return all.filter((s) => s.indicator.ownerBody?.id === filter.bodyId || s.indicator.goalOwnerBody?.id === filter.bodyId);
}

/** How far the latest value has come from the baseline towards the target, in percent (null when unknown). */
export function progressTowardsTarget(s: Pick<IndicatorSeries, 'indicator' | 'values'>): number | null {
  const { baseline, target, direction } = s.indicator;
  const last = s.values[s.values.length - 1];
  if (target === null || !last) return null;
  if (direction === 'maintain') return last.value === target ? 100 : Math.max(0, Math.round((1 - Math.abs(last.value - target) / Math.max(Math.abs(target), 1e-9)) * 100));
  const start = baseline ?? s.values[0]!.value;
  if (target === start) return last.value === target ? 100 : null;
  return Math.round(((last.value - start) / (target - start)) * 100);
}

// ── who may do what (for showing links and forms) ───────────────────────────
export const mayWriteStrategy = (actor: Actor, s: { ownerBody: BodyName | null } | { ownerBodyId: string | null }) =>
  can(actor, STRATEGY_WRITE, { bodyId: 'ownerBody' in s ? (s.ownerBody?.id ?? null) : s.ownerBodyId });

export const mayRecordValues = (actor: Actor, i: Pick<IndicatorView, 'strategyOwnerBodyId' | 'ownerBody'>) =>
  can(actor, STRATEGY_INDICATOR_VALUES, { bodyId: i.strategyOwnerBodyId, indicatorBodyId: i.ownerBody?.id ?? null });

// ── annual follow-ups ───────────────────────────────────────────────────────
export interface FollowupView {
  id: string;
  strategyId: string;
  body: BodyName;
  year: number;
  status: 'draft' | 'submitted';
  summary: string;
  goalAssessments: FollowupRow['goalAssessments'];
  challenges: string;
  nextSteps: string;
  submittedAt: Date | null;
  submittedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  may: { write: boolean };
}

export const canReadFollowup = (actor: Actor, f: Pick<FollowupRow, 'status' | 'bodyId'>) =>
  f.status === 'submitted' || can(actor, STRATEGY_FOLLOWUP_WRITE, { bodyId: f.bodyId });

async function followupViews(ctx: ReadCtx, rows: FollowupRow[]): Promise<FollowupView[]> {
  const readable = rows.filter((r) => canReadFollowup(ctx.actor, r));
  const bodies = new Map((await repo.bodiesByIds(ctx.db, readable.map((r) => r.bodyId))).map((b) => [b.id, b]));
  return readable.map((f) => ({
    id: f.id,
    strategyId: f.strategyId,
    body: bodyName(bodies, f.bodyId)!,
    year: f.year,
    status: f.status,
    summary: f.summary,
    goalAssessments: f.goalAssessments,
    challenges: f.challenges,
    nextSteps: f.nextSteps,
    submittedAt: f.submittedAt,
    submittedBy: f.submittedBy,
    createdAt: f.createdAt,
    updatedAt: f.updatedAt,
    may: { write: f.status === 'draft' && can(ctx.actor, STRATEGY_FOLLOWUP_WRITE, { bodyId: f.bodyId }) },
  }));
}

/** One follow-up; a draft is refused (401/403) to readers outside its board. */
export async function getFollowup(ctx: ReadCtx, id: string): Promise<FollowupView> {
  const row = isUuid(id) ? await repo.findFollowupById(ctx.db, id) : undefined;
  if (!row) throw new NotFound('followup');
  if (!canReadFollowup(ctx.actor, row)) {
    if (ctx.actor.kind === 'anonymous') throw new Unauthenticated();
    throw new Forbidden('strategy.followup.read');
  }
  return (await followupViews(ctx, [row]))[0]!;
}

/** The follow-up of one board for a year, when there is one the reader may read. */
export async function findFollowup(ctx: ReadCtx, strategyId: string, bodyId: string, year: number): Promise<FollowupView | null> {
  const row = await repo.findFollowup(ctx.db, strategyId, bodyId, year);
  const [view] = row ? await followupViews(ctx, [row]) : [];
  return view ?? null;
}

export async function listFollowups(ctx: ReadCtx, filter: { strategyId?: string; year?: number; bodyId?: string }): Promise<FollowupView[]> {
  return followupViews(ctx, await repo.listFollowups(ctx.db, filter));
}

/** The boards that report on a strategy: specialist and district boards and company boards. */
export const REPORTING_KINDS = ['specialistBoard', 'districtBoard', 'companyBoard'] as const;

export interface FollowupOverview {
  strategy: StrategyRow;
  year: number;
  goals: Array<{ id: string; title: string }>;
  /** One row per reporting board (plus any other body that reported), by name. */
  rows: Array<{ body: BodyName; followup: FollowupView | null }>;
  counts: { submitted: number; drafts: number; missing: number };
  years: number[];
}

/** All boards' follow-ups of a strategy for a year, for the executive board's combined table. */
export async function followupOverview(ctx: ReadCtx, idOrSlug: string, year: number): Promise<FollowupOverview> {
  const strategy = await findStrategy(ctx.db, idOrSlug);
  const [followups, boards, goals, years] = await Promise.all([
    listFollowups(ctx, { strategyId: strategy.id, year }),
    repo.activeBodies(ctx.db, REPORTING_KINDS),
    repo.listGoals(ctx.db, strategy.id),
    repo.followupYears(ctx.db, strategy.id),
  ]);
  const byBody = new Map(followups.map((f) => [f.body.id, f]));
  const rows = boards.map((b) => ({ body: { id: b.id, name: b.name, slug: b.slug }, followup: byBody.get(b.id) ?? null }));
  for (const f of followups) if (!boards.some((b) => b.id === f.body.id)) rows.push({ body: f.body, followup: f });
  rows.sort((a, b) => a.body.name.localeCompare(b.body.name, 'sv'));
  return {
    strategy,
    year,
    goals: goals.map((g) => ({ id: g.id, title: g.title })),
    rows,
    counts: {
      submitted: rows.filter((r) => r.followup?.status === 'submitted').length,
      drafts: rows.filter((r) => r.followup?.status === 'draft').length,
      missing: rows.filter((r) => !r.followup).length,
    },
    years: [...new Set([...years, year])].sort((a, b) => b - a),
  };
}

/** Bodies that may own goals, indicators and follow-ups: for form choices. */
export async function bodyChoices(db: Db): Promise<BodyName[]> {
  return (await repo.activeBodies(db)).map((b) => ({ id: b.id, name: b.name, slug: b.slug }));
}

export async function findBody(db: Db, idOrSlug: string): Promise<BodyName> {
  const b = await repo.findBody(db, idOrSlug, isUuid(idOrSlug));
  if (!b) throw new NotFound('body');
  return { id: b.id, name: b.name, slug: b.slug };
}

// ── one part of a strategy ──────────────────────────────────────────────────
export type PartKind = 'element' | 'focusArea' | 'goal' | 'action';

/** The part with its strategy; 404 when it is missing or belongs to another strategy. */
export async function findPart(db: Db, kind: PartKind, strategyIdOrSlug: string, partId: string) {
  const strategy = await findStrategy(db, strategyIdOrSlug);
  const row = !isUuid(partId)
    ? undefined
    : kind === 'element'
      ? await repo.findElement(db, partId)
      : kind === 'focusArea'
        ? await repo.findFocusArea(db, partId)
        : kind === 'goal'
          ? await repo.findGoal(db, partId)
          : await repo.findAction(db, partId);
  if (!row || row.strategyId !== strategy.id) throw new NotFound(kind);
  return { strategy, part: row };
}

/** The latest year with any follow-up of the strategy (drafts included: only the year is told). */
export async function latestFollowupYear(db: Db, strategyId: string): Promise<number | null> {
  return (await repo.followupYears(db, strategyId))[0] ?? null;
}
