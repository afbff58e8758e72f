import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { STRATEGY_FOLLOWUP_WRITE } from '../policy.js';
import { strategyRepository as repo, type FollowupRow } from '../repository.js';
import { checkBody, textInput } from './shared.js';

/**
 * Each board's annual follow-up against a strategy (the strategy part of its verksamhetsberättelse):
 * a summary, an assessment per goal, challenges and next steps. Written as a draft by the board's
 * registrars, case officers and board secretaries, then submitted – after that it is public and
 * can no longer be changed.
 */
export const ASSESSMENTS = ['onTrack', 'atRisk', 'offTrack', 'notStarted'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const goalAssessmentInput = z.strictObject({
  goalId: z.uuid(),
  assessment: z.enum(ASSESSMENTS),
  comment: textInput(5000).default(''),
});

export const saveFollowupInput = z.strictObject({
  strategyId: z.uuid(),
  bodyId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  summary: textInput().default(''),
  goalAssessments: z.array(goalAssessmentInput).max(500).default([]),
  challenges: textInput().default(''),
  nextSteps: textInput().default(''),
});
export type SaveFollowupInput = z.input<typeof saveFollowupInput>;

const submitted = (f: Pick<FollowupRow, 'id'>) => new Conflict(`follow-up ${f.id} is submitted`, 'strategy.followup.locked');

/** Create the board's follow-up for the year, or replace its draft's content. */
export async function saveFollowup(ctx: Ctx, input: SaveFollowupInput): Promise<FollowupRow> {
  const data = validate(saveFollowupInput, input);
  authorize(ctx.actor, STRATEGY_FOLLOWUP_WRITE, { bodyId: data.bodyId });
  return ctx.db.transaction(async (tx) => {
    const strategy = await repo.findStrategy(tx, data.strategyId);
    if (!strategy) throw new Invalid({ strategyId: ['strategy.unknown'] });
    await checkBody(tx, data.bodyId, 'bodyId');
    const goalIds = new Set((await repo.listGoals(tx, strategy.id)).map((g) => g.id));
    const seen = new Set<string>();
    const fields: Record<string, string[]> = {};
    data.goalAssessments.forEach((a, i) => {
      if (!goalIds.has(a.goalId)) fields[`goalAssessments.${i}.goalId`] = ['strategy.goal.unknown'];
      else if (seen.has(a.goalId)) fields[`goalAssessments.${i}.goalId`] = ['strategy.followup.goalTwice'];
      seen.add(a.goalId);
    });
    if (Object.keys(fields).length) throw new Invalid(fields);
    const now = ctx.clock.now();
    const content = { summary: data.summary, goalAssessments: data.goalAssessments, challenges: data.challenges, nextSteps: data.nextSteps };
    const existing = await repo.lockFollowup(tx, strategy.id, data.bodyId, data.year);
    if (existing?.status === 'submitted') throw submitted(existing);
    const row = existing
      ? await repo.updateFollowup(tx, existing.id, { ...content, updatedAt: now })
      : await repo.insertFollowup(tx, { strategyId: strategy.id, bodyId: data.bodyId, year: data.year, status: 'draft', ...content, createdAt: now, updatedAt: now });
    await recordAudit(tx, ctx, {
      action: existing ? 'strategy.followup.update' : 'strategy.followup.create',
      subjectType: 'annualFollowup',
      subjectId: row.id,
      after: { strategyId: strategy.id, bodyId: data.bodyId, year: data.year, assessments: data.goalAssessments.length },
    });
    return row;
  });
}

/** Submit the draft: it becomes public and final. Needs a summary. */
export async function submitFollowup(ctx: Ctx, followupId: string): Promise<FollowupRow> {
  const id = validate(z.uuid(), followupId);
  authorize(ctx.actor, STRATEGY_FOLLOWUP_WRITE);
  return ctx.db.transaction(async (tx) => {
    const found = await repo.findFollowupById(tx, id);
    if (!found) throw new NotFound('followup');
    authorize(ctx.actor, STRATEGY_FOLLOWUP_WRITE, { bodyId: found.bodyId });
    const current = (await repo.lockFollowup(tx, found.strategyId, found.bodyId, found.year))!;
    if (current.status === 'submitted') throw submitted(current);
    if (current.summary.trim() === '') throw new Invalid({ summary: ['strategy.followup.needsSummary'] });
    const now = ctx.clock.now();
    const row = await repo.updateFollowup(tx, id, { status: 'submitted', submittedAt: now, submittedBy: actorLabel(ctx.actor), updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'strategy.followup.submit',
      subjectType: 'annualFollowup',
      subjectId: id,
      before: { status: 'draft' },
      after: { status: 'submitted', strategyId: row.strategyId, bodyId: row.bodyId, year: row.year },
    });
    return row;
  });
}
