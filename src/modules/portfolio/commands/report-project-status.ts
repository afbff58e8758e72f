import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { validate } from '../../../core/validation.js';
import { PORTFOLIO_WRITE } from '../policy.js';
import { portfolioRepository as repo, type ReportRow } from '../repository.js';
import { reportInput, type ReportInput } from './inputs.js';
import { projectForWrite } from './shared.js';

export { reportInput, type ReportInput };

/**
 * The project owner's status report for a period (progress %, milestones, spent vs budget,
 * narrative). One report per period: reporting the same period again replaces it.
 */
export async function reportProjectStatus(ctx: Ctx, id: string, input: ReportInput): Promise<ReportRow> {
  const projectId = validate(z.uuid(), id);
  const data = validate(reportInput, input);
  authorize(ctx.actor, PORTFOLIO_WRITE);
  return ctx.db.transaction(async (tx) => {
    await projectForWrite(tx, ctx, projectId);
    const now = ctx.clock.now();
    const { report, before } = await repo.upsertReport(tx, {
      projectId,
      period: data.period,
      progress: data.progress,
      milestones: data.milestones,
      spent: data.spent,
      budget: data.budget,
      narrative: data.narrative.replace(/\r\n?/g, '\n').trim(),
      reportedBy: actorLabel(ctx.actor),
      reportedAt: now,
    });
    await repo.updateProject(tx, projectId, { updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'portfolio.project.report',
      subjectType: 'project',
      subjectId: projectId,
      ...(before && { before: { period: before.period, progress: before.progress, spent: before.spent, budget: before.budget } }),
      after: { period: report.period, progress: report.progress, spent: report.spent, budget: report.budget, milestones: report.milestones.length },
    });
    return report;
  });
}
