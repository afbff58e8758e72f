import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { STRATEGY_WRITE } from '../policy.js';
import { strategyRepository as repo, type StrategyRow } from '../repository.js';
import { DIMENSIONS } from '../schema.js';

// ── input pieces (also the API's request bodies) ────────────────────────────
const normalise = (s: string) => s.replace(/\r\n?/g, '\n').trim();

export const titleInput = z.string().trim().min(1).max(500);
export const textInput = (max = 20_000) => z.string().max(max).overwrite(normalise);
export const isoDateInput = z.iso.date().refine((d) => d >= '1900-01-01' && d <= '2199-12-31', { message: 'strategy.date.range' });
export const bodyIdInput = z.uuid().nullable();
export const dimensionsInput = z
  .array(z.enum(DIMENSIONS))
  .max(DIMENSIONS.length)
  .overwrite((ds) => DIMENSIONS.filter((d) => ds.includes(d)));
export const positionInput = z.number().int().min(1).max(10_000);
/** Numbers of indicators: finite and within what anyone would measure. */
export const amountInput = z.number().min(-1e12).max(1e12);

/** Refuse `from` after `to` (both 'YYYY-MM-DD'). */
export function checkDateOrder(from: string | null | undefined, to: string | null | undefined, field: string): void {
  if (from && to && from > to) throw new Invalid({ [field]: ['strategy.date.order'] });
}

// ── running a change to a strategy ──────────────────────────────────────────
export function archivedLocked(s: Pick<StrategyRow, 'id'>): Conflict {
  return new Conflict(`strategy ${s.id} is archived`, 'strategy.archived');
}

/**
 * Run a change to a strategy or one of its parts: authorise for the owner body, lock the strategy
 * row (changes to one strategy are serialised), refuse archived strategies, and mark the strategy
 * as changed. `run` does the work and the audit inside the same transaction; its context has the
 * transaction as `db` and one instant as the time, so the change and a version saved with it
 * carry the same timestamp.
 */
export async function changeStrategy<R>(ctx: Ctx, strategyId: string, run: (c: Ctx, strategy: StrategyRow) => Promise<R>): Promise<R> {
  const id = validate(z.uuid(), strategyId);
  authorize(ctx.actor, STRATEGY_WRITE);
  return ctx.db.transaction(async (tx) => {
    const strategy = await repo.lockStrategy(tx, id);
    if (!strategy) throw new NotFound('strategy');
    authorize(ctx.actor, STRATEGY_WRITE, { bodyId: strategy.ownerBodyId });
    if (strategy.status === 'archived') throw archivedLocked(strategy);
    const now = ctx.clock.now().getTime();
    const c: Ctx = { ...ctx, db: tx, clock: { now: () => new Date(now) } };
    const result = await run(c, strategy);
    await repo.updateStrategy(tx, strategy.id, { updatedAt: new Date(now) });
    return result;
  });
}

export async function checkBody(db: Db, bodyId: string | null | undefined, field: string): Promise<void> {
  if (!bodyId) return;
  if ((await repo.bodiesByIds(db, [bodyId])).length === 0) throw new Invalid({ [field]: ['strategy.body.unknown'] });
}

export async function checkFocusArea(db: Db, strategyId: string, focusAreaId: string | null | undefined, field = 'focusAreaId'): Promise<void> {
  if (!focusAreaId) return;
  const fa = await repo.findFocusArea(db, focusAreaId);
  if (!fa || fa.strategyId !== strategyId) throw new Invalid({ [field]: ['strategy.focusArea.unknown'] });
}

export async function checkGoal(db: Db, strategyId: string, goalId: string | null | undefined, field = 'goalId'): Promise<void> {
  if (!goalId) return;
  const g = await repo.findGoal(db, goalId);
  if (!g || g.strategyId !== strategyId) throw new Invalid({ [field]: ['strategy.goal.unknown'] });
}

/** Drop keys whose value is undefined (PATCH inputs: absent means unchanged). */
export function definedOnly<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
