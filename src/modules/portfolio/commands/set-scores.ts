import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid, type FieldErrors } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { PORTFOLIO_PRIORITISE } from '../policy.js';
import { portfolioRepository as repo, type RoundRow } from '../repository.js';
import { setScoresInput, type SetScoresInput } from './inputs.js';
import { roundForWrite } from './shared.js';

export { setScoresInput, type SetScoresInput };

export const roundDecided = (round: Pick<RoundRow, 'id'>) => new Conflict(`round ${round.id} is decided`, 'portfolio.round.decidedLocked');

/**
 * Score candidates 0–5 per criterion (the council's joint score: the latest one counts). A null
 * score removes it. Only while the round is open (409 afterwards); only the round's criteria and
 * its candidates (proposed projects, or projects already scored in it).
 */
export async function setScores(ctx: Ctx, roundId: string, input: SetScoresInput): Promise<{ changed: number }> {
  const id = validate(z.uuid(), roundId);
  const data = validate(setScoresInput, input);
  authorize(ctx.actor, PORTFOLIO_PRIORITISE);
  return ctx.db.transaction(async (tx) => {
    const round = await roundForWrite(tx, ctx, id);
    if (round.status !== 'open') throw roundDecided(round);
    const keys = new Set(round.criteria.map((c) => c.key));
    const candidates = new Set(await repo.candidateIds(tx, round.id));
    const errors: FieldErrors = {};
    data.scores.forEach((s, i) => {
      if (!keys.has(s.criterion)) (errors[`scores.${i}.criterion`] ??= []).push('portfolio.score.unknownCriterion');
      if (!candidates.has(s.projectId)) (errors[`scores.${i}.projectId`] ??= []).push('portfolio.score.notCandidate');
    });
    if (Object.keys(errors).length) throw new Invalid(errors);
    const before = new Map<string, number | null>((await repo.scoresOf(tx, round.id)).map((s) => [`${s.projectId}/${s.criterion}`, s.score]));
    const now = ctx.clock.now();
    const by = actorLabel(ctx.actor);
    const changes: Array<{ projectId: string; criterion: string; from: number | null; to: number | null }> = [];
    for (const s of data.scores) {
      const key = `${s.projectId}/${s.criterion}`;
      const from = before.get(key) ?? null;
      if (from === s.score) continue;
      if (s.score === null) await repo.deleteScore(tx, round.id, s.projectId, s.criterion);
      else await repo.upsertScore(tx, { roundId: round.id, projectId: s.projectId, criterion: s.criterion, score: s.score, scoredBy: by, scoredAt: now });
      before.set(key, s.score);
      changes.push({ projectId: s.projectId, criterion: s.criterion, from, to: s.score });
    }
    if (changes.length) {
      await repo.updateRound(tx, round.id, { updatedAt: now });
      await recordAudit(tx, ctx, {
        action: 'portfolio.round.score',
        subjectType: 'prioritisationRound',
        subjectId: round.id,
        details: { changes },
      });
    }
    return { changed: changes.length };
  });
}
