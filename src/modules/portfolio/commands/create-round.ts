import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, type FieldErrors } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { findBodyById } from '../../organisation/index.js';
import { PORTFOLIO_PRIORITISE } from '../policy.js';
import { portfolioRepository as repo, type RoundRow } from '../repository.js';
import { DEFAULT_CRITERIA } from '../scoring.js';
import { createRoundInput, type CreateRoundInput } from './inputs.js';

export { createRoundInput, type CreateRoundInput };

/**
 * Open a prioritisation round of the digitalisation council: title, year, budget (SEK) and the
 * weighted criteria (by default goal contribution, benefit for residents, readiness, risk and
 * cost, the last two inverse). Council members of that council, or administrators.
 */
export async function createRound(ctx: Ctx, input: CreateRoundInput): Promise<RoundRow> {
  const data = validate(createRoundInput, input);
  authorize(ctx.actor, PORTFOLIO_PRIORITISE, { bodyId: data.councilBodyId });
  const criteria = data.criteria ?? DEFAULT_CRITERIA;
  const errors: FieldErrors = {};
  const keys = criteria.map((c) => c.key);
  if (new Set(keys).size !== keys.length) errors.criteria = ['portfolio.criterion.duplicate'];
  if (criteria.every((c) => c.weight === 0)) (errors.criteria ??= []).push('portfolio.criterion.noWeight');
  const body = await findBodyById(ctx.db, data.councilBodyId);
  if (!body) errors.councilBodyId = ['portfolio.body.unknown'];
  else if (body.kind !== 'digitalisationCouncil') errors.councilBodyId = ['portfolio.round.notCouncil'];
  else if (body.archivedAt) errors.councilBodyId = ['portfolio.body.archived'];
  if (Object.keys(errors).length) throw new Invalid(errors);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const round = await repo.insertRound(tx, {
      councilBodyId: data.councilBodyId,
      title: data.title,
      year: data.year,
      budget: data.budget,
      criteria,
      status: 'open',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'portfolio.round.create',
      subjectType: 'prioritisationRound',
      subjectId: round.id,
      after: { councilBodyId: round.councilBodyId, title: round.title, year: round.year, budget: round.budget, criteria },
    });
    return round;
  });
}
