import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound, type FieldErrors } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import type { Db } from '../../../db/client.js';
import { findBodyById } from '../../organisation/index.js';
import { findDependencyCycle, findParentCycle } from '../graph.js';
import { PORTFOLIO_PRIORITISE, PORTFOLIO_WRITE } from '../policy.js';
import { portfolioRepository as repo, type ProjectRow, type RoundRow } from '../repository.js';

/** Lock a project for a change and check the writer's right for its owner body. */
export async function projectForWrite(tx: Db, ctx: Ctx, id: string): Promise<ProjectRow> {
  const project = isUuid(id) ? await repo.lockProject(tx, id) : undefined;
  if (!project) throw new NotFound('project');
  authorize(ctx.actor, PORTFOLIO_WRITE, { bodyId: project.ownerBodyId });
  return project;
}

/** Lock a round for a change and check the council member's right for its council. */
export async function roundForWrite(tx: Db, ctx: Ctx, id: string): Promise<RoundRow> {
  const round = isUuid(id) ? await repo.lockRound(tx, id) : undefined;
  if (!round) throw new NotFound('prioritisation round');
  authorize(ctx.actor, PORTFOLIO_PRIORITISE, { bodyId: round.councilBodyId });
  return round;
}

const add = (errors: FieldErrors, field: string, ...messages: string[]) => (errors[field] ??= []).push(...messages);

export interface ProjectShape {
  ownerBodyId: string;
  strategyId: string | null | undefined;
  parentId: string | null;
  goalIds: readonly string[];
  dependsOnIds: readonly string[];
  costBearing: 'owner' | 'shared';
  costKey: string | null;
  startDate: string | null;
  endDate: string | null;
}

/** What zod alone cannot see (pure): a shared cost needs its key, the end comes after the start. */
export function crossFieldErrors(p: Pick<ProjectShape, 'costBearing' | 'costKey' | 'startDate' | 'endDate'>): FieldErrors {
  const errors: FieldErrors = {};
  if (p.costBearing === 'shared' && !p.costKey?.trim()) add(errors, 'costKey', 'portfolio.costKey.required');
  if (p.startDate && p.endDate && p.endDate < p.startDate) add(errors, 'endDate', 'portfolio.endDate.beforeStart');
  return errors;
}

/** "Öppen dataplattform → Sensornätverk → Öppen dataplattform": the cycle by title (language-neutral). */
export async function cycleText(db: Db, ids: readonly string[], extraTitles: ReadonlyMap<string, string> = new Map()): Promise<string> {
  const titles = new Map(extraTitles);
  for (const id of ids) {
    if (titles.has(id)) continue;
    const p = await repo.findProject(db, id);
    if (p) titles.set(id, p.title);
  }
  return ids.map((id) => titles.get(id) ?? id).join(' → ');
}

/**
 * Check a project's references against the database: the owner body, the strategy and goals, the
 * parent (no cycle), the dependencies (exist, no cycle). Throws Invalid with every problem found;
 * returns the strategy (given, or that of the goals when they all belong to one).
 */
export async function checkProject(tx: Db, p: ProjectShape, projectId: string | null, title: string): Promise<{ strategyId: string | null }> {
  const errors = crossFieldErrors(p);
  const body = await findBodyById(tx, p.ownerBodyId);
  if (!body) add(errors, 'ownerBodyId', 'portfolio.body.unknown');
  else if (body.archivedAt) add(errors, 'ownerBodyId', 'portfolio.body.archived');

  let strategyId = p.strategyId ?? null;
  if (strategyId && !(await repo.strategyExists(tx, strategyId))) add(errors, 'strategyId', 'portfolio.strategy.unknown');
  const goalIds = [...new Set(p.goalIds)];
  const found = await repo.findGoals(tx, goalIds);
  if (found.length !== goalIds.length) add(errors, 'goalIds', 'portfolio.goal.unknown');
  const strategies = new Set(found.map((g) => g.strategyId));
  if (strategyId && found.some((g) => g.strategyId !== strategyId)) add(errors, 'goalIds', 'portfolio.goal.otherStrategy');
  if (!strategyId && p.strategyId === undefined && strategies.size === 1) strategyId = [...strategies][0]!;

  if (p.parentId) {
    const parent = await repo.findProject(tx, p.parentId);
    if (!parent) add(errors, 'parentId', 'portfolio.parent.unknown');
    else if (projectId) {
      const parents = new Map((await repo.parentMap(tx)).map((r) => [r.id, r.parentId] as const));
      const cycle = findParentCycle(parents, projectId, p.parentId);
      if (cycle) add(errors, 'parentId', 'portfolio.parent.cycle', await cycleText(tx, cycle, new Map([[projectId, title]])));
    }
  }

  const deps = [...new Set(p.dependsOnIds)];
  if (projectId && deps.includes(projectId)) add(errors, 'dependsOnIds', 'portfolio.dependency.self');
  else if (deps.length) {
    const existing = await repo.listProjects(tx, { ids: deps });
    if (existing.rows.length !== deps.length) add(errors, 'dependsOnIds', 'portfolio.dependency.unknown');
    else if (projectId) {
      const cycle = findDependencyCycle(await repo.allDependencies(tx), projectId, deps);
      if (cycle) add(errors, 'dependsOnIds', 'portfolio.dependency.cycle', await cycleText(tx, cycle, new Map([[projectId, title]])));
    }
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
  return { strategyId };
}
