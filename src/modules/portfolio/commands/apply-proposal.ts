import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { validate } from '../../../core/validation.js';
import { evaluateRound, type RoundEvaluation } from '../evaluation.js';
import { PORTFOLIO_PRIORITISE } from '../policy.js';
import { portfolioRepository as repo } from '../repository.js';
import { roundDecided } from './set-scores.js';
import { roundForWrite } from './shared.js';

/**
 * Take the tool's proposal as the selection: the proposed projects are selected with their
 * estimated cost as the amount and marked "proposed by the tool"; everything else is deselected.
 * The council may then adjust it (saveSelection).
 */
export async function applyProposal(ctx: Ctx, roundId: string): Promise<RoundEvaluation> {
  const id = validate(z.uuid(), roundId);
  authorize(ctx.actor, PORTFOLIO_PRIORITISE);
  return ctx.db.transaction(async (tx) => {
    const round = await roundForWrite(tx, ctx, id);
    if (round.status !== 'open') throw roundDecided(round);
    const found = (await repo.findRound(tx, round.id))!;
    const evaluation = await evaluateRound(tx, found);
    const chosen = evaluation.candidates.filter((c) => c.proposed);
    await repo.replaceSelections(
      tx,
      round.id,
      chosen.map((c) => ({ projectId: c.project.id, proposedByTool: true, selected: true, amount: c.project.estimatedCostPerYear })),
    );
    await repo.updateRound(tx, round.id, { updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'portfolio.round.applyProposal',
      subjectType: 'prioritisationRound',
      subjectId: round.id,
      after: { selected: evaluation.proposal.selected, totalCost: evaluation.proposal.totalCost, totalPoints: evaluation.proposal.totalValue, optimal: evaluation.proposal.optimal },
    });
    return evaluateRound(tx, found);
  });
}
