import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { PORTFOLIO_WRITE } from '../policy.js';
import { portfolioRepository as repo } from '../repository.js';
import { linkDecisionInput, type LinkDecisionInput } from './inputs.js';
import { projectForWrite } from './shared.js';

export { linkDecisionInput, type LinkDecisionInput };

/**
 * Link a decision (a final agenda item of any body's meeting: start, funding, stop) to a project.
 * Items whose case is classified are refused, so the public project page never points into
 * secret material. Linking twice changes nothing.
 */
export async function linkProjectDecision(ctx: Ctx, id: string, input: LinkDecisionInput): Promise<{ linked: boolean }> {
  const projectId = validate(z.uuid(), id);
  const data = validate(linkDecisionInput, input);
  authorize(ctx.actor, PORTFOLIO_WRITE);
  return ctx.db.transaction(async (tx) => {
    await projectForWrite(tx, ctx, projectId);
    const item = await repo.findDecisionItem(tx, data.itemId);
    if (!item) throw new Invalid({ itemId: ['portfolio.decision.unknown'] });
    if (item.finalOn === null) throw new Invalid({ itemId: ['portfolio.decision.notFinal'] });
    if ((item.caseConfidentiality ?? 0) > 0) throw new Invalid({ itemId: ['portfolio.decision.classified'] });
    const linked = await repo.linkDecision(tx, projectId, item.itemId);
    if (linked) {
      await recordAudit(tx, ctx, {
        action: 'portfolio.project.linkDecision',
        subjectType: 'project',
        subjectId: projectId,
        after: { itemId: item.itemId, meetingId: item.meetingId, paragraph: item.paragraph, bodyName: item.bodyName, meetingDate: item.meetingDate },
      });
    }
    return { linked };
  });
}
