import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import { STRATEGY_WRITE } from '../policy.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { strategyRepository as repo, type ActionRow, type ElementRow, type FocusAreaRow, type GoalRow } from '../repository.js';
import { ELEMENT_KINDS } from '../schema.js';
import {
  changeStrategy,
  checkBody,
  checkFocusArea,
  checkGoal,
  definedOnly,
  dimensionsInput,
  isoDateInput,
  positionInput,
  textInput,
  titleInput,
} from './shared.js';

/**
 * The parts of a strategy: principles/enablers/cost-distribution principles (elements), focus
 * areas (insatsområden), goals and actions. Each change runs as a change to its strategy (owner
 * body's writers, serialised, audited). Positions are appended when not given.
 */

// ── elements ────────────────────────────────────────────────────────────────
export const addElementInput = z.strictObject({
  kind: z.enum(ELEMENT_KINDS),
  title: titleInput,
  description: textInput().default(''),
  position: positionInput.optional(),
});
export type AddElementInput = z.input<typeof addElementInput>;
export const updateElementInput = z.strictObject({
  kind: z.enum(ELEMENT_KINDS).optional(),
  title: titleInput.optional(),
  description: textInput().optional(),
  position: positionInput.optional(),
});
export type UpdateElementInput = z.input<typeof updateElementInput>;

export async function addElement(ctx: Ctx, strategyId: string, input: AddElementInput): Promise<ElementRow> {
  const data = validate(addElementInput, input);
  return changeStrategy(ctx, strategyId, async (c, s) => {
    const position = data.position ?? (await repo.nextPosition(c.db, 'element', s.id));
    const row = await repo.insertElement(c.db, { ...data, strategyId: s.id, position });
    await recordAudit(c.db, c, { action: 'strategy.element.add', subjectType: 'strategyElement', subjectId: row.id, after: { strategyId: s.id, kind: row.kind, title: row.title } });
    return row;
  });
}

async function loadPart<T extends { strategyId: string }>(ctx: Ctx, id: string, find: (id: string) => Promise<T | undefined>, what: string): Promise<T> {
  const partId = validate(z.uuid(), id);
  authorize(ctx.actor, STRATEGY_WRITE);
  const row = await find(partId);
  if (!row) throw new NotFound(what);
  return row;
}

export async function updateElement(ctx: Ctx, elementId: string, input: UpdateElementInput): Promise<ElementRow> {
  const data = validate(updateElementInput, input);
  const found = await loadPart(ctx, elementId, (id) => repo.findElement(ctx.db, id), 'element');
  return changeStrategy(ctx, found.strategyId, async (c) => {
    const before = (await repo.findElement(c.db, found.id))!;
    const row = await repo.updateElement(c.db, found.id, definedOnly(data));
    await recordAudit(c.db, c, { action: 'strategy.element.update', subjectType: 'strategyElement', subjectId: row.id, before: { kind: before.kind, title: before.title }, after: definedOnly(data) });
    return row;
  });
}

export async function removeElement(ctx: Ctx, elementId: string): Promise<void> {
  const found = await loadPart(ctx, elementId, (id) => repo.findElement(ctx.db, id), 'element');
  await changeStrategy(ctx, found.strategyId, async (c) => {
    await repo.deleteElement(c.db, found.id);
    await recordAudit(c.db, c, { action: 'strategy.element.remove', subjectType: 'strategyElement', subjectId: found.id, before: { kind: found.kind, title: found.title } });
  });
}

// ── focus areas ─────────────────────────────────────────────────────────────
export const addFocusAreaInput = z.strictObject({
  title: titleInput,
  description: textInput().default(''),
  position: positionInput.optional(),
});
export type AddFocusAreaInput = z.input<typeof addFocusAreaInput>;
export const updateFocusAreaInput = z.strictObject({
  title: titleInput.optional(),
  description: textInput().optional(),
  position: positionInput.optional(),
});
export type UpdateFocusAreaInput = z.input<typeof updateFocusAreaInput>;

export async function addFocusArea(ctx: Ctx, strategyId: string, input: AddFocusAreaInput): Promise<FocusAreaRow> {
  const data = validate(addFocusAreaInput, input);
  return changeStrategy(ctx, strategyId, async (c, s) => {
    const position = data.position ?? (await repo.nextPosition(c.db, 'focusArea', s.id));
    const row = await repo.insertFocusArea(c.db, { ...data, strategyId: s.id, position });
    await recordAudit(c.db, c, { action: 'strategy.focusArea.add', subjectType: 'focusArea', subjectId: row.id, after: { strategyId: s.id, title: row.title } });
    return row;
  });
}

export async function updateFocusArea(ctx: Ctx, focusAreaId: string, input: UpdateFocusAreaInput): Promise<FocusAreaRow> {
  const data = validate(updateFocusAreaInput, input);
  const found = await loadPart(ctx, focusAreaId, (id) => repo.findFocusArea(ctx.db, id), 'focusArea');
  return changeStrategy(ctx, found.strategyId, async (c) => {
    const row = await repo.updateFocusArea(c.db, found.id, definedOnly(data));
    await recordAudit(c.db, c, { action: 'strategy.focusArea.update', subjectType: 'focusArea', subjectId: row.id, before: { title: found.title }, after: definedOnly(data) });
    return row;
  });
}

/** Its goals and actions stay in the strategy, outside any focus area. */
export async function removeFocusArea(ctx: Ctx, focusAreaId: string): Promise<void> {
  const found = await loadPart(ctx, focusAreaId, (id) => repo.findFocusArea(ctx.db, id), 'focusArea');
  await changeStrategy(ctx, found.strategyId, async (c) => {
    await repo.deleteFocusArea(c.db, found.id);
    await recordAudit(c.db, c, { action: 'strategy.focusArea.remove', subjectType: 'focusArea', subjectId: found.id, before: { title: found.title } });
  });
}

// ── goals ───────────────────────────────────────────────────────────────────
export const addGoalInput = z.strictObject({
  title: titleInput,
  description: textInput().default(''),
  /** The sustainability dimensions of Vision 2040 the goal serves. */
  dimensions: dimensionsInput.default([]),
  /** The body responsible for reaching the goal. */
  ownerBodyId: z.uuid().nullable().default(null),
  focusAreaId: z.uuid().nullable().default(null),
  position: positionInput.optional(),
});
export type AddGoalInput = z.input<typeof addGoalInput>;
export const updateGoalInput = z.strictObject({
  title: titleInput.optional(),
  description: textInput().optional(),
  dimensions: dimensionsInput.optional(),
  ownerBodyId: z.uuid().nullable().optional(),
  focusAreaId: z.uuid().nullable().optional(),
  position: positionInput.optional(),
});
export type UpdateGoalInput = z.input<typeof updateGoalInput>;

export async function addGoal(ctx: Ctx, strategyId: string, input: AddGoalInput): Promise<GoalRow> {
  const data = validate(addGoalInput, input);
  return changeStrategy(ctx, strategyId, async (c, s) => {
    await checkBody(c.db, data.ownerBodyId, 'ownerBodyId');
    await checkFocusArea(c.db, s.id, data.focusAreaId);
    const position = data.position ?? (await repo.nextPosition(c.db, 'goal', s.id));
    const row = await repo.insertGoal(c.db, { ...data, strategyId: s.id, position });
    await recordAudit(c.db, c, {
      action: 'strategy.goal.add',
      subjectType: 'goal',
      subjectId: row.id,
      after: { strategyId: s.id, title: row.title, dimensions: row.dimensions, ownerBodyId: row.ownerBodyId, focusAreaId: row.focusAreaId },
    });
    return row;
  });
}

export async function updateGoal(ctx: Ctx, goalId: string, input: UpdateGoalInput): Promise<GoalRow> {
  const data = validate(updateGoalInput, input);
  const found = await loadPart(ctx, goalId, (id) => repo.findGoal(ctx.db, id), 'goal');
  return changeStrategy(ctx, found.strategyId, async (c, s) => {
    await checkBody(c.db, data.ownerBodyId, 'ownerBodyId');
    await checkFocusArea(c.db, s.id, data.focusAreaId);
    const patch = definedOnly(data);
    const row = await repo.updateGoal(c.db, found.id, patch);
    const keys = Object.keys(patch) as Array<keyof typeof patch>;
    await recordAudit(c.db, c, {
      action: 'strategy.goal.update',
      subjectType: 'goal',
      subjectId: row.id,
      before: Object.fromEntries(keys.map((k) => [k, found[k]])),
      after: Object.fromEntries(keys.map((k) => [k, row[k]])),
    });
    return row;
  });
}

/** Refused (409) while the goal has indicators: their values would go with it. Remove those first. */
export async function removeGoal(ctx: Ctx, goalId: string): Promise<void> {
  const found = await loadPart(ctx, goalId, (id) => repo.findGoal(ctx.db, id), 'goal');
  await changeStrategy(ctx, found.strategyId, async (c) => {
    if ((await repo.indicatorsOfGoals(c.db, [found.id])).length > 0) {
      throw new Conflict(`goal ${found.id} has indicators`, 'strategy.goal.hasIndicators');
    }
    await repo.deleteGoal(c.db, found.id);
    await recordAudit(c.db, c, { action: 'strategy.goal.remove', subjectType: 'goal', subjectId: found.id, before: { title: found.title } });
  });
}

// ── actions ─────────────────────────────────────────────────────────────────
export const addActionInput = z.strictObject({
  title: titleInput,
  description: textInput().default(''),
  goalId: z.uuid().nullable().default(null),
  focusAreaId: z.uuid().nullable().default(null),
  ownerBodyId: z.uuid().nullable().default(null),
  dueDate: isoDateInput.nullable().default(null),
  position: positionInput.optional(),
});
export type AddActionInput = z.input<typeof addActionInput>;
export const updateActionInput = z.strictObject({
  title: titleInput.optional(),
  description: textInput().optional(),
  goalId: z.uuid().nullable().optional(),
  focusAreaId: z.uuid().nullable().optional(),
  ownerBodyId: z.uuid().nullable().optional(),
  dueDate: isoDateInput.nullable().optional(),
  position: positionInput.optional(),
});
export type UpdateActionInput = z.input<typeof updateActionInput>;

export async function addAction(ctx: Ctx, strategyId: string, input: AddActionInput): Promise<ActionRow> {
  const data = validate(addActionInput, input);
  return changeStrategy(ctx, strategyId, async (c, s) => {
    await checkGoal(c.db, s.id, data.goalId);
    await checkFocusArea(c.db, s.id, data.focusAreaId);
    await checkBody(c.db, data.ownerBodyId, 'ownerBodyId');
    // An action for a goal belongs to the goal's focus area unless told otherwise.
    const focusAreaId = data.focusAreaId ?? (data.goalId ? ((await repo.findGoal(c.db, data.goalId))?.focusAreaId ?? null) : null);
    const position = data.position ?? (await repo.nextPosition(c.db, 'action', s.id));
    const row = await repo.insertAction(c.db, { ...data, focusAreaId, strategyId: s.id, position });
    await recordAudit(c.db, c, { action: 'strategy.action.add', subjectType: 'strategyAction', subjectId: row.id, after: { strategyId: s.id, title: row.title, goalId: row.goalId } });
    return row;
  });
}

export async function updateAction(ctx: Ctx, actionId: string, input: UpdateActionInput): Promise<ActionRow> {
  const data = validate(updateActionInput, input);
  const found = await loadPart(ctx, actionId, (id) => repo.findAction(ctx.db, id), 'action');
  return changeStrategy(ctx, found.strategyId, async (c, s) => {
    await checkGoal(c.db, s.id, data.goalId);
    await checkFocusArea(c.db, s.id, data.focusAreaId);
    await checkBody(c.db, data.ownerBodyId, 'ownerBodyId');
    const row = await repo.updateAction(c.db, found.id, definedOnly(data));
    await recordAudit(c.db, c, { action: 'strategy.action.update', subjectType: 'strategyAction', subjectId: row.id, before: { title: found.title }, after: definedOnly(data) });
    return row;
  });
}

export async function removeAction(ctx: Ctx, actionId: string): Promise<void> {
  const found = await loadPart(ctx, actionId, (id) => repo.findAction(ctx.db, id), 'action');
  await changeStrategy(ctx, found.strategyId, async (c) => {
    await repo.deleteAction(c.db, found.id);
    await recordAudit(c.db, c, { action: 'strategy.action.remove', subjectType: 'strategyAction', subjectId: found.id, before: { title: found.title } });
  });
}
