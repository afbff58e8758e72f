import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { PORTFOLIO_WRITE } from '../policy.js';
import { portfolioRepository as repo, type ProjectRow } from '../repository.js';
import { createProjectInput, type CreateProjectData, type CreateProjectInput } from './inputs.js';
import { checkProject } from './shared.js';

export { createProjectInput, type CreateProjectInput };

/** Insert a validated project inside the caller's transaction (also used by the import). */
export async function insertProject(tx: Db, ctx: Ctx, data: CreateProjectData): Promise<ProjectRow> {
  const shape = {
    ownerBodyId: data.ownerBodyId,
    strategyId: data.strategyId,
    parentId: data.parentId ?? null,
    goalIds: data.goalIds ?? [],
    dependsOnIds: data.dependsOnIds ?? [],
    costBearing: data.costBearing ?? 'owner',
    costKey: data.costKey ?? null,
    startDate: data.startDate ?? null,
    endDate: data.endDate ?? null,
  };
  const { strategyId } = await checkProject(tx, shape, null, data.title);
  const now = ctx.clock.now();
  const project = await repo.insertProject(tx, {
    title: data.title,
    description: data.description ?? '',
    kind: data.kind,
    status: data.status ?? 'proposed',
    ownerBodyId: data.ownerBodyId,
    strategyId,
    parentId: shape.parentId,
    weight: data.weight ?? 1,
    estimatedCostPerYear: data.estimatedCostPerYear ?? null,
    costBearing: shape.costBearing,
    costKey: shape.costBearing === 'shared' ? shape.costKey : (shape.costKey ?? null),
    benefits: data.benefits ?? '',
    risks: data.risks ?? '',
    startDate: shape.startDate,
    endDate: shape.endDate,
    submittedBy: actorLabel(ctx.actor),
    createdAt: now,
    updatedAt: now,
  });
  const goalIds = [...new Set(shape.goalIds)];
  const dependsOnIds = [...new Set(shape.dependsOnIds)];
  await repo.replaceGoals(tx, project.id, goalIds);
  await repo.replaceDependencies(tx, project.id, dependsOnIds);
  await recordAudit(tx, ctx, {
    action: 'portfolio.project.create',
    subjectType: 'project',
    subjectId: project.id,
    after: {
      title: project.title,
      kind: project.kind,
      status: project.status,
      ownerBodyId: project.ownerBodyId,
      estimatedCostPerYear: project.estimatedCostPerYear,
      costBearing: project.costBearing,
      parentId: project.parentId,
      goalIds,
      dependsOnIds,
    },
  });
  return project;
}

/**
 * Submit a project (kartläggning): the owning board's registrars, case officers and board
 * secretary, or administrators. Proposed ("möjliga projekt") by default; ongoing projects are
 * mapped with status `ongoing`.
 */
export async function createProject(ctx: Ctx, input: CreateProjectInput): Promise<ProjectRow> {
  const data = validate(createProjectInput, input);
  authorize(ctx.actor, PORTFOLIO_WRITE, { bodyId: data.ownerBodyId });
  return ctx.db.transaction(async (tx) => {
    await repo.lockDependencyGraph(tx);
    return insertProject(tx, ctx, data);
  });
}
