import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { validate } from '../../../core/validation.js';
import { PORTFOLIO_WRITE } from '../policy.js';
import { portfolioRepository as repo, type ProjectRow } from '../repository.js';
import { updateProjectInput, type UpdateProjectInput } from './inputs.js';
import { checkProject, projectForWrite } from './shared.js';

export { updateProjectInput, type UpdateProjectInput };

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/**
 * Change a project: only the fields given. Moving it to another owner body needs the right for
 * both bodies. Dependencies and goals are replaced as a whole when given; a dependency or a parent
 * that would close a cycle is refused (422) with the cycle by title.
 */
export async function updateProject(ctx: Ctx, id: string, input: UpdateProjectInput): Promise<ProjectRow> {
  const data = validate(updateProjectInput, input);
  authorize(ctx.actor, PORTFOLIO_WRITE);
  return ctx.db.transaction(async (tx) => {
    await repo.lockDependencyGraph(tx);
    const current = await projectForWrite(tx, ctx, id);
    if (data.ownerBodyId !== undefined && data.ownerBodyId !== current.ownerBodyId) authorize(ctx.actor, PORTFOLIO_WRITE, { bodyId: data.ownerBodyId });
    const [goalsBefore, depsBefore] = await Promise.all([repo.goalsOf(tx, [id]), repo.allDependencies(tx)]);
    const goalIdsBefore = goalsBefore.map((g) => g.goalId);
    const depIdsBefore = depsBefore.filter((d) => d.projectId === id).map((d) => d.dependsOnId);
    const costBearing = data.costBearing ?? current.costBearing;
    const shape = {
      ownerBodyId: data.ownerBodyId ?? current.ownerBodyId,
      strategyId: data.strategyId !== undefined ? data.strategyId : data.goalIds !== undefined ? undefined : current.strategyId,
      parentId: data.parentId !== undefined ? data.parentId : current.parentId,
      goalIds: data.goalIds ?? goalIdsBefore,
      dependsOnIds: data.dependsOnIds ?? depIdsBefore,
      costBearing,
      costKey: data.costKey !== undefined ? data.costKey : current.costKey,
      startDate: data.startDate !== undefined ? data.startDate : current.startDate,
      endDate: data.endDate !== undefined ? data.endDate : current.endDate,
    };
    const title = data.title ?? current.title;
    const checked = await checkProject(tx, shape, id, title);
    // Goals of no single strategy (or none) keep the project's strategy unless one is named.
    const strategyId = checked.strategyId ?? (data.strategyId === undefined ? current.strategyId : null);
    const { goalIds: _g, dependsOnIds: _d, ...fields } = data;
    const patch: Partial<ProjectRow> = { ...fields, strategyId };
    const changed = (Object.keys(patch) as Array<keyof ProjectRow>).filter((k) => patch[k] !== current[k]);
    const updated = await repo.updateProject(tx, id, { ...patch, updatedAt: ctx.clock.now() });
    const goalsChanged = data.goalIds !== undefined && !sameSet(data.goalIds, goalIdsBefore);
    const depsChanged = data.dependsOnIds !== undefined && !sameSet(data.dependsOnIds, depIdsBefore);
    if (goalsChanged) await repo.replaceGoals(tx, id, [...new Set(data.goalIds)]);
    if (depsChanged) await repo.replaceDependencies(tx, id, [...new Set(data.dependsOnIds)]);
    await recordAudit(tx, ctx, {
      action: 'portfolio.project.update',
      subjectType: 'project',
      subjectId: id,
      before: {
        ...Object.fromEntries(changed.map((k) => [k, current[k]])),
        ...(goalsChanged && { goalIds: goalIdsBefore }),
        ...(depsChanged && { dependsOnIds: depIdsBefore }),
      },
      after: {
        ...Object.fromEntries(changed.map((k) => [k, updated[k]])),
        ...(goalsChanged && { goalIds: [...new Set(data.goalIds)] }),
        ...(depsChanged && { dependsOnIds: [...new Set(data.dependsOnIds)] }),
      },
    });
    return updated;
  });
}
