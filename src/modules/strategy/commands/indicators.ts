import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid, NotFound, type FieldErrors } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { slugify, uniqueSlug } from '../../organisation/index.js';
import { parseIndicatorCsv, NOTE_MAX, type ImportProblem, type ImportRow } from '../csv-import.js';
import { comparePeriods, normalisePeriod, parsePeriod } from '../periods.js';
import { STRATEGY_INDICATOR_VALUES, STRATEGY_WRITE } from '../policy.js';
import { strategyRepository as repo, type IndicatorRow, type ValueRow } from '../repository.js';
import { INDICATOR_DIRECTIONS, PERIODICITIES, type IndicatorDirection, type Periodicity } from '../schema.js';
import { amountInput, changeStrategy, checkBody, checkGoal, definedOnly, textInput, titleInput } from './shared.js';

/**
 * Indicators (of a goal) and their values. The indicator's definition is part of the strategy
 * (written by the strategy's writers, kept in versions); its values are entered by the strategy's
 * writers or the staff of the body that owns the indicator, by form, CSV or API.
 */
const periodText = z.string().trim().max(20);
const slugInput = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'strategy.indicator.slugShape' });

const indicatorFields = {
  name: titleInput,
  description: textInput(),
  /** '%', 'st', 'kr', 'dagar' … Required as soon as there is a baseline or target. */
  unit: z.string().trim().max(40),
  baseline: amountInput.nullable(),
  baselinePeriod: periodText.nullable(),
  target: amountInput.nullable(),
  targetPeriod: periodText.nullable(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  periodicity: z.enum(PERIODICITIES),
  /** Where the values come from: ILS, a register, the city's data platform … */
  source: z.string().trim().max(500).nullable(),
  ownerBodyId: z.uuid().nullable(),
};

export const createIndicatorInput = z.strictObject({
  goalId: z.uuid(),
  slug: slugInput.optional(),
  name: indicatorFields.name,
  description: indicatorFields.description.default(''),
  unit: indicatorFields.unit.default(''),
  baseline: indicatorFields.baseline.default(null),
  baselinePeriod: indicatorFields.baselinePeriod.default(null),
  target: indicatorFields.target.default(null),
  targetPeriod: indicatorFields.targetPeriod.default(null),
  direction: indicatorFields.direction.default('increase'),
  periodicity: indicatorFields.periodicity.default('year'),
  source: indicatorFields.source.default(null),
  ownerBodyId: indicatorFields.ownerBodyId.default(null),
});
export type CreateIndicatorInput = z.input<typeof createIndicatorInput>;

export const updateIndicatorInput = z.strictObject({
  goalId: z.uuid().optional(),
  name: indicatorFields.name.optional(),
  description: indicatorFields.description.optional(),
  unit: indicatorFields.unit.optional(),
  baseline: indicatorFields.baseline.optional(),
  baselinePeriod: indicatorFields.baselinePeriod.optional(),
  target: indicatorFields.target.optional(),
  targetPeriod: indicatorFields.targetPeriod.optional(),
  direction: indicatorFields.direction.optional(),
  periodicity: indicatorFields.periodicity.optional(),
  source: indicatorFields.source.optional(),
  ownerBodyId: indicatorFields.ownerBodyId.optional(),
});
export type UpdateIndicatorInput = z.input<typeof updateIndicatorInput>;

interface IndicatorShape {
  unit: string;
  baseline: number | null;
  baselinePeriod: string | null;
  target: number | null;
  targetPeriod: string | null;
  direction: IndicatorDirection;
  periodicity: Periodicity;
}

const blankToNull = (s: string | null) => (s === null || s === '' ? null : s);

/** The rules that tie an indicator's fields together; periods come back in their canonical spelling. */
export function checkIndicator<T extends IndicatorShape>(i: T): T {
  const fields: FieldErrors = {};
  const add = (field: string, key: string) => (fields[field] ??= []).push(key);
  if ((i.baseline !== null || i.target !== null) && i.unit === '') add('unit', 'strategy.indicator.unitRequired');
  const periods = { baselinePeriod: blankToNull(i.baselinePeriod), targetPeriod: blankToNull(i.targetPeriod) };
  for (const field of ['baselinePeriod', 'targetPeriod'] as const) {
    const raw = periods[field];
    if (raw === null) continue;
    const p = parsePeriod(raw);
    if (!p || p.periodicity !== i.periodicity) add(field, `strategy.period.shape.${i.periodicity}`);
    else periods[field] = normalisePeriod(raw);
  }
  if (periods.baselinePeriod && i.baseline === null) add('baseline', 'strategy.indicator.periodWithoutValue');
  if (periods.targetPeriod && i.target === null) add('target', 'strategy.indicator.periodWithoutValue');
  if (!fields.baselinePeriod && !fields.targetPeriod && periods.baselinePeriod && periods.targetPeriod && comparePeriods(periods.targetPeriod, periods.baselinePeriod) <= 0) {
    add('targetPeriod', 'strategy.indicator.targetBeforeBaseline');
  }
  if (i.baseline !== null && i.target !== null) {
    if (i.direction === 'increase' && i.target <= i.baseline) add('target', 'strategy.indicator.targetDirection.increase');
    if (i.direction === 'decrease' && i.target >= i.baseline) add('target', 'strategy.indicator.targetDirection.decrease');
  }
  if (Object.keys(fields).length) throw new Invalid(fields, 'invalid indicator');
  return { ...i, ...periods };
}

async function goalOf(db: Db, goalId: string) {
  const goal = await repo.findGoal(db, goalId);
  if (!goal) throw new Invalid({ goalId: ['strategy.goal.unknown'] });
  return goal;
}

export async function createIndicator(ctx: Ctx, input: CreateIndicatorInput): Promise<IndicatorRow> {
  const data = checkIndicator(validate(createIndicatorInput, input));
  authorize(ctx.actor, STRATEGY_WRITE);
  const goal = await goalOf(ctx.db, data.goalId);
  return changeStrategy(ctx, goal.strategyId, async (c) => {
    await checkBody(c.db, data.ownerBodyId, 'ownerBodyId');
    const base = data.slug ?? slugify(data.name);
    const taken = await repo.slugsLike(c.db, 'indicators', base);
    if (data.slug && taken.includes(data.slug)) throw new Invalid({ slug: ['strategy.indicator.slugTaken'] });
    const slug = uniqueSlug(base, taken);
    const now = c.clock.now();
    const row = await repo.insertIndicator(c.db, { ...data, slug, createdAt: now, updatedAt: now });
    await recordAudit(c.db, c, {
      action: 'strategy.indicator.create',
      subjectType: 'indicator',
      subjectId: row.id,
      after: { goalId: row.goalId, slug, name: row.name, unit: row.unit, baseline: row.baseline, target: row.target, periodicity: row.periodicity },
    });
    return row;
  });
}

export async function updateIndicator(ctx: Ctx, indicatorId: string, input: UpdateIndicatorInput): Promise<IndicatorRow> {
  const id = validate(z.uuid(), indicatorId);
  const data = validate(updateIndicatorInput, input);
  authorize(ctx.actor, STRATEGY_WRITE);
  const found = await repo.findIndicator(ctx.db, id);
  if (!found) throw new NotFound('indicator');
  const goal = await goalOf(ctx.db, found.goalId);
  return changeStrategy(ctx, goal.strategyId, async (c, s) => {
    const before = (await repo.lockIndicator(c.db, id))!;
    const patch = definedOnly(data);
    const merged = checkIndicator({ ...before, ...patch });
    await checkGoal(c.db, s.id, patch.goalId);
    await checkBody(c.db, patch.ownerBodyId, 'ownerBodyId');
    if (merged.periodicity !== before.periodicity) {
      const values = await repo.valuesOf(c.db, [id]);
      if (values.some((v) => parsePeriod(v.period)?.periodicity !== merged.periodicity)) {
        throw new Conflict(`indicator ${id} has values of another periodicity`, 'strategy.indicator.periodicityInUse');
      }
    }
    const row = await repo.updateIndicator(c.db, id, {
      ...patch,
      ...(patch.baselinePeriod !== undefined && { baselinePeriod: merged.baselinePeriod }),
      ...(patch.targetPeriod !== undefined && { targetPeriod: merged.targetPeriod }),
      updatedAt: c.clock.now(),
    });
    const keys = Object.keys(patch) as Array<keyof typeof patch>;
    await recordAudit(c.db, c, {
      action: 'strategy.indicator.update',
      subjectType: 'indicator',
      subjectId: id,
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: Object.fromEntries(keys.map((k) => [k, row[k]])),
    });
    return row;
  });
}

/** Removes the indicator with its values (the audit entry counts them; earlier versions keep the definition). */
export async function removeIndicator(ctx: Ctx, indicatorId: string): Promise<void> {
  const id = validate(z.uuid(), indicatorId);
  authorize(ctx.actor, STRATEGY_WRITE);
  const found = await repo.findIndicator(ctx.db, id);
  if (!found) throw new NotFound('indicator');
  const goal = await goalOf(ctx.db, found.goalId);
  await changeStrategy(ctx, goal.strategyId, async (c) => {
    const values = await repo.valuesOf(c.db, [id]);
    await repo.deleteIndicator(c.db, id);
    await recordAudit(c.db, c, {
      action: 'strategy.indicator.remove',
      subjectType: 'indicator',
      subjectId: id,
      before: { slug: found.slug, name: found.name, values: values.length },
    });
  });
}

// ── values ──────────────────────────────────────────────────────────────────
export const recordValueInput = z.strictObject({
  value: amountInput,
  note: z.string().trim().max(NOTE_MAX).nullable().optional(),
});
export type RecordValueInput = z.input<typeof recordValueInput>;

export const importValuesInput = z.strictObject({
  /** The CSV text: columns period and value (värde), optionally note (kommentar). */
  csv: z.string().max(1_000_000),
});
export type ImportValuesInput = z.input<typeof importValuesInput>;

export type ValueSource = 'manual' | 'csv' | 'api' | 'dataPlatform';

/**
 * Run a change to an indicator's values: lock the indicator, authorise for the strategy's owner
 * body or the indicator's own body.
 */
async function changeValues<R>(ctx: Ctx, indicatorId: string, run: (tx: Db, indicator: IndicatorRow) => Promise<R>): Promise<R> {
  const id = validate(z.uuid(), indicatorId);
  authorize(ctx.actor, STRATEGY_INDICATOR_VALUES);
  return ctx.db.transaction(async (tx) => {
    const indicator = await repo.lockIndicator(tx, id);
    if (!indicator) throw new NotFound('indicator');
    const goal = (await repo.findGoal(tx, indicator.goalId))!;
    const strategy = (await repo.findStrategy(tx, goal.strategyId))!;
    authorize(ctx.actor, STRATEGY_INDICATOR_VALUES, { bodyId: strategy.ownerBodyId, indicatorBodyId: indicator.ownerBodyId });
    return run(tx, indicator);
  });
}

/** The canonical period, or Invalid on `field` when it is not a period of the indicator's periodicity. */
export function checkPeriod(text: string, periodicity: Periodicity, field = 'period'): string {
  const p = parsePeriod(text);
  if (!p || p.periodicity !== periodicity) throw new Invalid({ [field]: [`strategy.period.shape.${periodicity}`] });
  return normalisePeriod(text)!;
}

/** Set the value of one period (creating or replacing it). */
export async function recordIndicatorValue(
  ctx: Ctx,
  indicatorId: string,
  period: string,
  input: RecordValueInput,
  source: ValueSource = 'manual',
): Promise<{ value: ValueRow; created: boolean }> {
  const data = validate(recordValueInput, input);
  const rawPeriod = validate(periodText, period);
  return changeValues(ctx, indicatorId, async (tx, indicator) => {
    const p = checkPeriod(rawPeriod, indicator.periodicity);
    const before = await repo.findValue(tx, indicator.id, p);
    const value = await repo.upsertValue(tx, {
      indicatorId: indicator.id,
      period: p,
      value: data.value,
      source,
      note: data.note ?? null,
      recordedBy: actorLabel(ctx.actor),
      recordedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'strategy.indicatorValue.record',
      subjectType: 'indicator',
      subjectId: indicator.id,
      ...(before && { before: { period: p, value: before.value } }),
      after: { period: p, value: data.value, source },
    });
    return { value, created: !before };
  });
}

export async function removeIndicatorValue(ctx: Ctx, indicatorId: string, period: string): Promise<void> {
  const rawPeriod = validate(periodText, period);
  await changeValues(ctx, indicatorId, async (tx, indicator) => {
    const p = normalisePeriod(rawPeriod) ?? rawPeriod;
    const before = await repo.findValue(tx, indicator.id, p);
    if (!before) throw new NotFound('value');
    await repo.deleteValue(tx, indicator.id, p);
    await recordAudit(tx, ctx, { action: 'strategy.indicatorValue.remove', subjectType: 'indicator', subjectId: indicator.id, before: { period: p, value: before.value } });
  });
}

/** A CSV import with problems: nothing was stored. `problems` is the validation report. */
export class ImportRejected extends Invalid {
  constructor(readonly problems: ImportProblem[]) {
    const fields: FieldErrors = {};
    for (const p of problems) (fields[p.row > 0 ? `rows.${p.row}.${p.field}` : p.field] ??= []).push(p.message);
    super(fields, 'csv import rejected');
  }
}

export interface ImportResult {
  stored: number;
  created: number;
  updated: number;
  rows: ImportRow[];
}

/**
 * Import values from CSV, all or nothing: when any row has a problem nothing is stored and the
 * report lists every problem (ImportRejected, 422); otherwise every row is stored (a period that
 * already has a value gets the new one) in one transaction with one audit entry.
 */
export async function importIndicatorValues(ctx: Ctx, indicatorId: string, input: ImportValuesInput): Promise<ImportResult> {
  const data = validate(importValuesInput, input);
  return changeValues(ctx, indicatorId, async (tx, indicator) => {
    const parsed = parseIndicatorCsv(data.csv, indicator.periodicity);
    if (parsed.problems.length > 0) throw new ImportRejected(parsed.problems);
    const existing = new Set((await repo.valuesOf(tx, [indicator.id])).map((v) => v.period));
    const now = ctx.clock.now();
    const by = actorLabel(ctx.actor);
    for (const r of parsed.rows) {
      await repo.upsertValue(tx, { indicatorId: indicator.id, period: r.period, value: r.value, source: 'csv', note: r.note, recordedBy: by, recordedAt: now });
    }
    const updated = parsed.rows.filter((r) => existing.has(r.period)).length;
    const periods = parsed.rows.map((r) => r.period).sort(comparePeriods);
    await recordAudit(tx, ctx, {
      action: 'strategy.indicatorValue.import',
      subjectType: 'indicator',
      subjectId: indicator.id,
      after: { stored: parsed.rows.length, created: parsed.rows.length - updated, updated, from: periods[0], to: periods[periods.length - 1] },
    });
    return { stored: parsed.rows.length, created: parsed.rows.length - updated, updated, rows: parsed.rows };
  });
}
