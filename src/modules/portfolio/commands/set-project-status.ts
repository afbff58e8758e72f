import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { validate } from '../../../core/validation.js';
import { PORTFOLIO_WRITE } from '../policy.js';
import { portfolioRepository as repo, type ProjectRow } from '../repository.js';
import { setProjectStatusInput, type SetProjectStatusInput } from './inputs.js';
import { projectForWrite } from './shared.js';

export { setProjectStatusInput, type SetProjectStatusInput };

/** Proposed → ongoing → paused / completed / cancelled (any change is allowed and audited with its reason). */
export async function setProjectStatus(ctx: Ctx, id: string, input: SetProjectStatusInput): Promise<ProjectRow> {
  const projectId = validate(z.uuid(), id);
  const data = validate(setProjectStatusInput, input);
  authorize(ctx.actor, PORTFOLIO_WRITE);
  return ctx.db.transaction(async (tx) => {
    const current = await projectForWrite(tx, ctx, projectId);
    if (current.status === data.status) return current;
    const updated = await repo.updateProject(tx, projectId, { status: data.status, updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'portfolio.project.status',
      subjectType: 'project',
      subjectId: projectId,
      before: { status: current.status },
      after: { status: data.status },
      ...(data.note && { details: { note: data.note } }),
    });
    return updated;
  });
}
