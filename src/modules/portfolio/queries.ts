import { can } from '../../access/permissions.js';
import type { Actor } from '../../auth/actor.js';
import { NotFound } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import type { Dimension } from '../strategy/schema.js';
import { evaluateRound, type RoundEvaluation } from './evaluation.js';
import { canPrioritiseFor, canWriteFor, PORTFOLIO_PRIORITISE, PORTFOLIO_WRITE } from './policy.js';
import { portfolioRepository as repo, type DecisionRef, type GoalRef, type ProjectFilter, type ProjectWithBody, type ReportRow, type RoundRow } from './repository.js';
import { rollUpProgress, type RolledUp } from './rollup.js';
import { PROJECT_STATUSES, type ProjectKind, type ProjectStatus } from './schema.js';

/** Reads need the database and who is looking. Everything here is public. */
export interface ReadCtx {
  db: Db;
  actor: Actor;
}

export interface ProgressInfo extends RolledUp {
  /** The latest report's period, when the project itself reported. */
  period: string | null;
}

export interface ProjectSummary {
  project: ProjectWithBody;
  goals: GoalRef[];
  progress: ProgressInfo;
  latest: ReportRow | null;
}

export interface ProjectView extends ProjectSummary {
  parent: { id: string; title: string } | null;
  children: Array<{ id: string; title: string; status: ProjectStatus; weight: number; progress: number }>;
  dependsOn: Array<{ id: string; title: string; status: ProjectStatus; ownerBodyName: string }>;
  dependents: Array<{ id: string; title: string; status: ProjectStatus; ownerBodyName: string }>;
  decisions: DecisionRef[];
  reports: ReportRow[];
  /** What the reader may do: submit reports, edit, change status, link decisions. */
  may: { write: boolean };
}

/** Every project's progress: its latest report, rolled up from children by weight. */
async function progressOfAll(db: Db): Promise<{ progress: Map<string, ProgressInfo>; latest: Map<string, ReportRow> }> {
  const [tree, reports] = await Promise.all([repo.parentMap(db), repo.allReports(db)]);
  const latest = new Map<string, ReportRow>();
  for (const r of reports) if (!latest.has(r.projectId)) latest.set(r.projectId, r);
  const rolled = rollUpProgress(tree.map((n) => ({ id: n.id, parentId: n.parentId, weight: n.weight, progress: latest.get(n.id)?.progress ?? null })));
  const progress = new Map<string, ProgressInfo>();
  for (const [id, r] of rolled) progress.set(id, { ...r, period: r.fromChildren ? null : (latest.get(id)?.period ?? null) });
  return { progress, latest };
}

const noProgress: ProgressInfo = { progress: 0, fromChildren: false, children: 0, period: null };

export interface ProjectListResult {
  items: ProjectSummary[];
  page: number;
  pageSize: number;
  total: number;
}

export async function listProjects(ctx: ReadCtx, filter: ProjectFilter & { page?: number; pageSize?: number }): Promise<ProjectListResult> {
  const { page, pageSize, ...f } = filter;
  const paging = page && pageSize ? { offset: (page - 1) * pageSize, limit: pageSize } : undefined;
  const { rows, total } = await repo.listProjects(ctx.db, f, paging);
  const [goals, { progress, latest }] = await Promise.all([repo.goalsOf(ctx.db, rows.map((r) => r.id)), progressOfAll(ctx.db)]);
  return {
    items: rows.map((p) => ({ project: p, goals: goals.filter((g) => g.projectId === p.id), progress: progress.get(p.id) ?? noProgress, latest: latest.get(p.id) ?? null })),
    page: page ?? 1,
    pageSize: pageSize ?? rows.length,
    total,
  };
}

export async function getProject(ctx: ReadCtx, id: string): Promise<ProjectView> {
  const p = isUuid(id) ? await repo.findProject(ctx.db, id) : undefined;
  if (!p) throw new NotFound('project');
  const [goals, deps, decisions, reports, children, { progress, latest }] = await Promise.all([
    repo.goalsOf(ctx.db, [p.id]),
    repo.allDependencies(ctx.db),
    repo.decisionsOf(ctx.db, [p.id]),
    repo.reportsOf(ctx.db, [p.id]),
    repo.childrenOf(ctx.db, p.id),
    progressOfAll(ctx.db),
  ]);
  const depIds = deps.filter((d) => d.projectId === p.id).map((d) => d.dependsOnId);
  const dependentIds = deps.filter((d) => d.dependsOnId === p.id).map((d) => d.projectId);
  const related = (await repo.listProjects(ctx.db, { ids: [...depIds, ...dependentIds, ...(p.parentId ? [p.parentId] : [])] })).rows;
  const brief = (x: ProjectWithBody) => ({ id: x.id, title: x.title, status: x.status, ownerBodyName: x.ownerBodyName });
  const parent = p.parentId ? related.find((r) => r.id === p.parentId) : undefined;
  return {
    project: p,
    goals,
    progress: progress.get(p.id) ?? noProgress,
    latest: latest.get(p.id) ?? null,
    parent: parent ? { id: parent.id, title: parent.title } : null,
    children: children.map((c) => ({ id: c.id, title: c.title, status: c.status, weight: c.weight, progress: progress.get(c.id)?.progress ?? 0 })),
    dependsOn: related.filter((r) => depIds.includes(r.id)).map(brief),
    dependents: related.filter((r) => dependentIds.includes(r.id)).map(brief),
    decisions,
    reports,
    may: { write: canWriteFor(ctx.actor, p.ownerBodyId) },
  };
}

// ── choices for the forms ───────────────────────────────────────────────────

export interface ProjectFormChoices {
  /** Bodies the reader may submit projects for. */
  bodies: Array<{ id: string; name: string }>;
  goals: Array<{ id: string; title: string; strategyTitle: string }>;
  projects: Array<{ id: string; title: string; ownerBodyName: string; status: ProjectStatus }>;
}

export async function projectFormChoices(ctx: ReadCtx): Promise<ProjectFormChoices> {
  const [bodies, goals, projects] = await Promise.all([repo.bodyChoices(ctx.db), repo.goalChoices(ctx.db), repo.projectChoices(ctx.db)]);
  return {
    bodies: bodies.filter((b) => canWriteFor(ctx.actor, b.id)).map((b) => ({ id: b.id, name: b.name })),
    goals: goals.map((g) => ({ id: g.id, title: g.title, strategyTitle: g.strategyTitle })),
    projects,
  };
}

/** Final public decisions of the project's owner and of the councils: what a writer may link. */
export async function decisionChoices(ctx: ReadCtx, ownerBodyId: string) {
  const councils = (await repo.bodyChoices(ctx.db)).filter((b) => b.kind === 'digitalisationCouncil' || b.kind === 'executiveBoard').map((b) => b.id);
  return repo.decisionChoices(ctx.db, [...new Set([ownerBodyId, ...councils])]);
}

export async function filterChoices(ctx: ReadCtx) {
  const [bodies, goals] = await Promise.all([repo.bodyChoices(ctx.db), repo.goalChoices(ctx.db)]);
  return { bodies: bodies.map((b) => ({ id: b.id, name: b.name, kind: b.kind })), goals };
}

// ── rounds ──────────────────────────────────────────────────────────────────

export interface RoundView extends RoundEvaluation {
  may: { prioritise: boolean; edit: boolean };
  decision: DecisionRef | null;
}

export async function listRounds(ctx: ReadCtx): Promise<Array<RoundRow & { councilBodyName: string }>> {
  return repo.listRounds(ctx.db);
}

export async function getRound(ctx: ReadCtx, id: string): Promise<RoundView> {
  const round = isUuid(id) ? await repo.findRound(ctx.db, id) : undefined;
  if (!round) throw new NotFound('prioritisation round');
  const evaluation = await evaluateRound(ctx.db, round);
  let decision: DecisionRef | null = null;
  if (round.decisionItemId) {
    const item = await repo.findDecisionItem(ctx.db, round.decisionItemId);
    if (item) {
      const { caseConfidentiality: _c, ...rest } = item;
      decision = { projectId: '', ...rest };
    }
  }
  const prioritise = canPrioritiseFor(ctx.actor, round.councilBodyId);
  return { ...evaluation, decision, may: { prioritise, edit: prioritise && round.status === 'open' } };
}

/** Councils the reader may open a round for. */
export async function councilChoices(ctx: ReadCtx): Promise<Array<{ id: string; name: string }>> {
  if (!can(ctx.actor, PORTFOLIO_PRIORITISE)) return [];
  return (await repo.bodyChoices(ctx.db)).filter((b) => b.kind === 'digitalisationCouncil' && canPrioritiseFor(ctx.actor, b.id)).map((b) => ({ id: b.id, name: b.name }));
}

export const mayWriteAnywhere = (actor: Actor) => can(actor, PORTFOLIO_WRITE);

// ── the combined picture ────────────────────────────────────────────────────

export interface PortfolioFilter {
  bodyId?: string | undefined;
  goalId?: string | undefined;
  dimension?: Dimension | undefined;
}

export interface BodyRollup {
  bodyId: string;
  bodyName: string;
  projects: number;
  byStatus: Record<ProjectStatus, number>;
  /** Σ estimated cost per year of its proposed and ongoing projects. */
  estimatedCost: number;
  /** Σ of the latest reports' budget and spent. */
  budget: number;
  spent: number;
  /** Mean progress of its ongoing and completed projects (rolled up). */
  progress: number | null;
}

export interface PortfolioOverview {
  total: number;
  byStatus: Array<{ status: ProjectStatus; count: number }>;
  byKind: Array<{ kind: ProjectKind; count: number }>;
  byBody: BodyRollup[];
  totals: { estimatedCost: number; budget: number; spent: number };
  projects: ProjectSummary[];
}

/** All boards, all projects (optionally for one body, goal or sustainability dimension). */
export async function portfolioOverview(ctx: ReadCtx, filter: PortfolioFilter): Promise<PortfolioOverview> {
  const { items } = await listProjects(ctx, { bodyId: filter.bodyId, goalId: filter.goalId, dimension: filter.dimension });
  const byStatus = PROJECT_STATUSES.map((status) => ({ status, count: items.filter((i) => i.project.status === status).length }));
  const byKind = (['operational', 'enabling'] as const).map((kind) => ({ kind, count: items.filter((i) => i.project.kind === kind).length }));
  const bodies = new Map<string, BodyRollup>();
  for (const i of items) {
    const p = i.project;
    const b =
      bodies.get(p.ownerBodyId) ??
      bodies
        .set(p.ownerBodyId, {
          bodyId: p.ownerBodyId,
          bodyName: p.ownerBodyName,
          projects: 0,
          byStatus: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>,
          estimatedCost: 0,
          budget: 0,
          spent: 0,
          progress: null,
        })
        .get(p.ownerBodyId)!;
    b.projects++;
    b.byStatus[p.status]++;
    if (p.status === 'proposed' || p.status === 'ongoing') b.estimatedCost += p.estimatedCostPerYear ?? 0;
    b.budget += i.latest?.budget ?? 0;
    b.spent += i.latest?.spent ?? 0;
  }
  for (const b of bodies.values()) {
    const running = items.filter((i) => i.project.ownerBodyId === b.bodyId && (i.project.status === 'ongoing' || i.project.status === 'completed'));
    b.progress = running.length ? running.reduce((s, i) => s + i.progress.progress, 0) / running.length : null;
  }
  const byBody = [...bodies.values()].sort((a, b) => a.bodyName.localeCompare(b.bodyName, 'sv'));
  return {
    total: items.length,
    byStatus,
    byKind,
    byBody,
    totals: {
      estimatedCost: byBody.reduce((s, b) => s + b.estimatedCost, 0),
      budget: byBody.reduce((s, b) => s + b.budget, 0),
      spent: byBody.reduce((s, b) => s + b.spent, 0),
    },
    projects: items,
  };
}
