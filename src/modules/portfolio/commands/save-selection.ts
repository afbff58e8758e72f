import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, type FieldErrors } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { evaluateRound, type RoundEvaluation } from '../evaluation.js';
import { checkSet } from '../knapsack.js';
import { PORTFOLIO_PRIORITISE } from '../policy.js';
import { portfolioRepository as repo, type RoundRow } from '../repository.js';
import { saveSelectionInput, type SaveSelectionInput } from './inputs.js';
import { roundDecided } from './set-scores.js';
import { roundForWrite } from './shared.js';

export { saveSelectionInput, type SaveSelectionInput };

/**
 * Check a selection against the round (inside a transaction): candidates only, an amount for each
 * selected project, the total within the budget, and every selected project's dependencies
 * selected too or already running. Returns the evaluation it was checked against.
 */
export async function checkSelection(
  tx: Db,
  round: RoundRow & { councilBodyName: string },
  items: Array<{ projectId: string; selected: boolean; amount?: number | null | undefined }>,
  field = 'items',
): Promise<{ evaluation: RoundEvaluation; rows: Array<{ projectId: string; selected: boolean; amount: number | null }> }> {
  const evaluation = await evaluateRound(tx, round);
  const byId = new Map(evaluation.candidates.map((c) => [c.project.id, c] as const));
  const errors: FieldErrors = {};
  const add = (f: string, ...m: string[]) => (errors[f] ??= []).push(...m);
  const seen = new Set<string>();
  const rows = items.map((it, i) => {
    const c = byId.get(it.projectId);
    if (!c) add(`${field}.${i}.projectId`, 'portfolio.score.notCandidate');
    if (seen.has(it.projectId)) add(`${field}.${i}.projectId`, 'portfolio.selection.duplicate');
    seen.add(it.projectId);
    const amount = it.amount ?? c?.project.estimatedCostPerYear ?? null;
    if (it.selected && amount === null) add(`${field}.${i}.amount`, 'portfolio.selection.amountRequired');
    if (it.selected && c && c.project.status !== 'proposed') add(`${field}.${i}.projectId`, 'portfolio.selection.notProposed');
    return { projectId: it.projectId, selected: it.selected, amount };
  });
  if (Object.keys(errors).length === 0) {
    const chosen = rows
      .filter((r) => r.selected)
      .map((r) => ({ id: r.projectId, cost: r.amount ?? 0, dependsOn: byId.get(r.projectId)!.dependsOn.map((d) => d.id) }));
    const satisfied = evaluation.candidates.flatMap((c) => c.dependsOn.filter((d) => d.satisfied).map((d) => d.id));
    const check = checkSet(round.budget, chosen, satisfied);
    if (check.overBudget) add(field, 'portfolio.selection.overBudget');
    for (const m of check.missing) {
      const c = byId.get(m.id)!;
      add(field, 'portfolio.selection.missingDependency', `${c.project.title} → ${c.dependsOn.find((d) => d.id === m.dependsOn)?.title ?? m.dependsOn}`);
    }
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
  return { evaluation, rows };
}

/**
 * The council's own selection: the projects funded and with how much. The list is the whole
 * selection (projects left out are not funded); what the tool proposed stays recorded beside it.
 * Refused (422) over the budget or without a selected project's dependencies; 409 once decided.
 */
export async function saveSelection(ctx: Ctx, roundId: string, input: SaveSelectionInput): Promise<RoundEvaluation> {
  const id = validate(z.uuid(), roundId);
  const data = validate(saveSelectionInput, input);
  authorize(ctx.actor, PORTFOLIO_PRIORITISE);
  return ctx.db.transaction(async (tx) => {
    const locked = await roundForWrite(tx, ctx, id);
    if (locked.status !== 'open') throw roundDecided(locked);
    const round = (await repo.findRound(tx, id))!;
    const { rows } = await checkSelection(tx, round, data.items);
    const before = await repo.selectionsOf(tx, id);
    const toolProposed = new Set(before.filter((s) => s.proposedByTool).map((s) => s.projectId));
    const listed = new Set(rows.map((r) => r.projectId));
    await repo.replaceSelections(tx, id, [
      ...rows.map((r) => ({ projectId: r.projectId, selected: r.selected, amount: r.amount, proposedByTool: toolProposed.has(r.projectId) })),
      // What the tool proposed stays on record even when the council leaves it out.
      ...[...toolProposed].filter((p) => !listed.has(p)).map((projectId) => ({ projectId, selected: false, amount: null, proposedByTool: true })),
    ]);
    await repo.updateRound(tx, id, { updatedAt: ctx.clock.now() });
    await recordAudit(tx, ctx, {
      action: 'portfolio.round.select',
      subjectType: 'prioritisationRound',
      subjectId: id,
      before: { selected: before.filter((s) => s.selected).map((s) => ({ projectId: s.projectId, amount: s.amount })) },
      after: { selected: rows.filter((r) => r.selected).map((r) => ({ projectId: r.projectId, amount: r.amount })) },
    });
    return evaluateRound(tx, round);
  });
}
