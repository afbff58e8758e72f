import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { REFERRAL_GROUPS_MANAGE } from '../policy.js';
import { isUniqueViolation, referralsRepository, type GroupRow } from '../repository.js';
import { bodyKindsInput } from './inputs.js';

export const recipientGroupInput = z.strictObject({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable().optional(),
  /** Every current body of these kinds belongs to the group ("all district boards"). */
  bodyKinds: bodyKindsInput.default([]),
  /** And these bodies. */
  bodyIds: z.array(z.uuid()).max(500).default([]),
});
export type RecipientGroupInput = z.input<typeof recipientGroupInput>;
export const updateRecipientGroupInput = z.strictObject({
  name: recipientGroupInput.shape.name.optional(),
  description: recipientGroupInput.shape.description,
  bodyKinds: bodyKindsInput.optional(),
  bodyIds: z.array(z.uuid()).max(500).optional(),
});
export type UpdateRecipientGroupInput = z.input<typeof updateRecipientGroupInput>;

async function checkMembers(db: Db, bodyKinds: readonly string[], bodyIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(bodyIds)];
  const found = new Set((await referralsRepository.findBodies(db, unique)).map((b) => b.id));
  const bad = bodyIds.findIndex((id) => !found.has(id));
  if (bad >= 0) throw new Invalid({ [`bodyIds.${bad}`]: ['referrals.body.unknown'] });
  if (bodyKinds.length === 0 && unique.length === 0) throw new Invalid({ bodyIds: ['referrals.group.empty'] });
  return unique;
}

async function nameFree(db: Db, name: string, except?: string): Promise<void> {
  const other = await referralsRepository.findGroupByName(db, name);
  if (other && other.id !== except) throw new Invalid({ name: ['referrals.group.nameTaken'] });
}

/** Save a group of recipients for later rounds: by body kind, by named bodies, or both. */
export async function createRecipientGroup(ctx: Ctx, input: RecipientGroupInput): Promise<GroupRow> {
  const data = validate(recipientGroupInput, input);
  authorize(ctx.actor, REFERRAL_GROUPS_MANAGE);
  try {
    return await ctx.db.transaction(async (tx) => {
      const bodyIds = await checkMembers(tx, data.bodyKinds, data.bodyIds);
      await nameFree(tx, data.name);
      const now = ctx.clock.now();
      const group = await referralsRepository.insertGroup(tx, {
        name: data.name,
        description: data.description ?? null,
        bodyKinds: [...new Set(data.bodyKinds)],
        createdAt: now,
        updatedAt: now,
      });
      await referralsRepository.setGroupBodies(tx, group.id, bodyIds);
      await recordAudit(tx, ctx, {
        action: 'referrals.group.create',
        subjectType: 'recipientGroup',
        subjectId: group.id,
        after: { name: group.name, bodyKinds: group.bodyKinds, bodyIds },
      });
      return group;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Invalid({ name: ['referrals.group.nameTaken'] });
    throw e;
  }
}

export async function updateRecipientGroup(ctx: Ctx, id: string, input: UpdateRecipientGroupInput): Promise<GroupRow> {
  const data = validate(updateRecipientGroupInput, input);
  authorize(ctx.actor, REFERRAL_GROUPS_MANAGE);
  try {
    return await ctx.db.transaction(async (tx) => {
      const current = await referralsRepository.lockGroup(tx, id);
      if (!current) throw new NotFound('recipient group');
      const currentBodies = (await referralsRepository.groupBodies(tx, [id])).map((b) => b.id);
      const bodyKinds = data.bodyKinds ? [...new Set(data.bodyKinds)] : current.bodyKinds;
      const bodyIds = await checkMembers(tx, bodyKinds, data.bodyIds ?? currentBodies);
      if (data.name !== undefined) await nameFree(tx, data.name, id);
      const updated = await referralsRepository.updateGroup(tx, id, {
        ...(data.name !== undefined && { name: data.name }),
        ...(data.description !== undefined && { description: data.description }),
        bodyKinds,
        updatedAt: ctx.clock.now(),
      });
      await referralsRepository.setGroupBodies(tx, id, bodyIds);
      await recordAudit(tx, ctx, {
        action: 'referrals.group.update',
        subjectType: 'recipientGroup',
        subjectId: id,
        before: { name: current.name, bodyKinds: current.bodyKinds, bodyIds: currentBodies },
        after: { name: updated.name, bodyKinds: updated.bodyKinds, bodyIds },
      });
      return updated;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new Invalid({ name: ['referrals.group.nameTaken'] });
    throw e;
  }
}

/** Remove a saved group. Rounds that used it keep their recipients (groups were expanded when chosen). */
export async function deleteRecipientGroup(ctx: Ctx, id: string): Promise<void> {
  authorize(ctx.actor, REFERRAL_GROUPS_MANAGE);
  await ctx.db.transaction(async (tx) => {
    const current = await referralsRepository.lockGroup(tx, id);
    if (!current) throw new NotFound('recipient group');
    await referralsRepository.deleteGroup(tx, id);
    await recordAudit(tx, ctx, {
      action: 'referrals.group.delete',
      subjectType: 'recipientGroup',
      subjectId: id,
      before: { name: current.name, bodyKinds: current.bodyKinds },
    });
  });
}
