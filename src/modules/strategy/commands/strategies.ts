import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { actorLabel } from '../../../auth/actor.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { slugify, uniqueSlug } from '../../organisation/index.js';
import { STRATEGY_WRITE } from '../policy.js';
import { strategyDocument } from '../queries.js';
import { strategyRepository as repo, type StrategyRow, type VersionRow } from '../repository.js';
import { changeStrategy, checkBody, checkDateOrder, definedOnly, isoDateInput, textInput, titleInput } from './shared.js';

const strategyFields = {
  title: titleInput,
  /** e.g. Vision 2040 "Ett Stockholm för alla". */
  vision: textInput(),
  /** Målbild. */
  goalPicture: textInput(),
  ownerBodyId: z.uuid().nullable(),
  validFrom: isoDateInput.nullable(),
  validTo: isoDateInput.nullable(),
  /** The referral round that consulted on the draft. */
  referralId: z.uuid().nullable(),
};

export const createStrategyInput = z.strictObject({
  ...strategyFields,
  vision: strategyFields.vision.default(''),
  goalPicture: strategyFields.goalPicture.default(''),
  ownerBodyId: strategyFields.ownerBodyId.default(null),
  validFrom: strategyFields.validFrom.default(null),
  validTo: strategyFields.validTo.default(null),
  referralId: strategyFields.referralId.default(null),
});
export type CreateStrategyInput = z.input<typeof createStrategyInput>;

export const updateStrategyInput = z.strictObject({
  title: strategyFields.title.optional(),
  vision: strategyFields.vision.optional(),
  goalPicture: strategyFields.goalPicture.optional(),
  ownerBodyId: strategyFields.ownerBodyId.optional(),
  validFrom: strategyFields.validFrom.optional(),
  validTo: strategyFields.validTo.optional(),
  referralId: strategyFields.referralId.optional(),
});
export type UpdateStrategyInput = z.input<typeof updateStrategyInput>;

export const saveVersionInput = z.strictObject({
  /** What changed (shown in the version list). */
  note: z.string().trim().max(1000).nullable().optional(),
});
export type SaveVersionInput = z.input<typeof saveVersionInput>;

export const adoptStrategyInput = z.strictObject({
  adoptedOn: isoDateInput,
  /** The agenda item (§) whose decision adopted the strategy (e.g. in Kommunfullmäktige). */
  adoptionItemId: z.uuid().nullable().optional(),
  /** The referral round that consulted on it; kept when left out. */
  referralId: z.uuid().nullable().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
});
export type AdoptStrategyInput = z.input<typeof adoptStrategyInput>;

async function checkReferral(db: Db, referralId: string | null | undefined): Promise<void> {
  if (referralId && !(await repo.referralInfo(db, referralId))) throw new Invalid({ referralId: ['strategy.referral.unknown'] });
}

/** Create a strategy (status draft, no version yet). Its slug comes from the title. */
export async function createStrategy(ctx: Ctx, input: CreateStrategyInput): Promise<StrategyRow> {
  const data = validate(createStrategyInput, input);
  authorize(ctx.actor, STRATEGY_WRITE, { bodyId: data.ownerBodyId });
  checkDateOrder(data.validFrom, data.validTo, 'validTo');
  return ctx.db.transaction(async (tx) => {
    await checkBody(tx, data.ownerBodyId, 'ownerBodyId');
    await checkReferral(tx, data.referralId);
    const base = slugify(data.title);
    const slug = uniqueSlug(base, await repo.slugsLike(tx, 'strategies', base));
    const now = ctx.clock.now();
    const created = await repo.insertStrategy(tx, { ...data, slug, status: 'draft', currentVersion: 0, createdAt: now, updatedAt: now });
    await recordAudit(tx, ctx, { action: 'strategy.create', subjectType: 'strategy', subjectId: created.id, after: { slug, title: created.title, ownerBodyId: created.ownerBodyId } });
    return created;
  });
}

/** Change the strategy's own fields; parts have their own commands. */
export async function updateStrategy(ctx: Ctx, strategyId: string, input: UpdateStrategyInput): Promise<StrategyRow> {
  const data = validate(updateStrategyInput, input);
  return changeStrategy(ctx, strategyId, async (c, before) => {
    const tx = c.db;
    const patch = definedOnly(data);
    if (patch.ownerBodyId !== undefined && patch.ownerBodyId !== before.ownerBodyId) {
      // Handing the strategy to another body needs the right to write for that body too.
      authorize(ctx.actor, STRATEGY_WRITE, { bodyId: patch.ownerBodyId });
      await checkBody(tx, patch.ownerBodyId, 'ownerBodyId');
    }
    await checkReferral(tx, patch.referralId);
    checkDateOrder(patch.validFrom !== undefined ? patch.validFrom : before.validFrom, patch.validTo !== undefined ? patch.validTo : before.validTo, 'validTo');
    const updated = await repo.updateStrategy(tx, before.id, { ...patch, updatedAt: c.clock.now() });
    const changed = Object.keys(patch) as Array<keyof typeof patch>;
    await recordAudit(tx, c, {
      action: 'strategy.update',
      subjectType: 'strategy',
      subjectId: before.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, updated[k]])),
    });
    return updated;
  });
}

async function snapshot(ctx: Ctx, strategy: StrategyRow, note: string | null): Promise<VersionRow> {
  const tx = ctx.db;
  const version = strategy.currentVersion + 1;
  const document = await strategyDocument(tx, strategy);
  const row = await repo.insertVersion(tx, {
    strategyId: strategy.id,
    version,
    snapshot: JSON.parse(JSON.stringify(document)) as Record<string, unknown>,
    note,
    createdBy: actorLabel(ctx.actor),
    createdAt: ctx.clock.now(),
  });
  await repo.updateStrategy(tx, strategy.id, { currentVersion: version });
  return row;
}

/** Keep the strategy's whole current structure as an immutable version (current + 1). */
export async function saveStrategyVersion(ctx: Ctx, strategyId: string, input: SaveVersionInput = {}): Promise<VersionRow> {
  const data = validate(saveVersionInput, input);
  return changeStrategy(ctx, strategyId, async (c, strategy) => {
    const version = await snapshot(c, strategy, data.note ?? null);
    await recordAudit(c.db, c, {
      action: 'strategy.version.save',
      subjectType: 'strategy',
      subjectId: strategy.id,
      after: { version: version.version },
      ...(data.note ? { details: { note: data.note } } : {}),
    });
    return version;
  });
}

/**
 * Record the adoption: status adopted, the day, the decision (agenda item §) and the referral round;
 * the adopted structure is kept as a new version. A strategy is adopted once (409 after that).
 */
export async function adoptStrategy(ctx: Ctx, strategyId: string, input: AdoptStrategyInput): Promise<StrategyRow & { version: VersionRow }> {
  const data = validate(adoptStrategyInput, input);
  return changeStrategy(ctx, strategyId, async (c, strategy) => {
    const tx = c.db;
    if (strategy.status !== 'draft') throw new Conflict(`strategy ${strategy.id} is ${strategy.status}`, 'strategy.adopt.notDraft');
    if (data.adoptionItemId && !(await repo.adoptionItemInfo(tx, data.adoptionItemId))) throw new Invalid({ adoptionItemId: ['strategy.adoptionItem.unknown'] });
    await checkReferral(tx, data.referralId);
    const adopted = await repo.updateStrategy(tx, strategy.id, {
      status: 'adopted',
      adoptedOn: data.adoptedOn,
      adoptionItemId: data.adoptionItemId ?? null,
      ...(data.referralId !== undefined && { referralId: data.referralId }),
      updatedAt: c.clock.now(),
    });
    const version = await snapshot(c, adopted, data.note ?? null);
    await recordAudit(tx, c, {
      action: 'strategy.adopt',
      subjectType: 'strategy',
      subjectId: strategy.id,
      before: { status: strategy.status },
      after: { status: 'adopted', adoptedOn: data.adoptedOn, adoptionItemId: adopted.adoptionItemId, referralId: adopted.referralId, version: version.version },
    });
    return { ...adopted, currentVersion: version.version, version };
  });
}
