import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { updateCase, type UploadLimits } from '../../registry/index.js';
import { REFERRALS_MANAGE } from '../policy.js';
import { referralsRepository, type ReferralRow } from '../repository.js';
import { registerReferralFiles } from './create-referral.js';
import { DEFAULT_LIMITS, descriptionInput, fileInput, groupIdsInput, isoDate, recipientsInput, refuseFuture, rekey, subjectInput } from './inputs.js';
import { resolveRecipients, todayOf } from './shared.js';

export const updateReferralInput = z.strictObject({
  subject: subjectInput.optional(),
  description: descriptionInput.nullable().optional(),
  letterDate: isoDate.optional(),
  /** The only date that may still change once sent (an extended deadline). */
  deadline: isoDate.optional(),
  /** The whole recipient list: bodies left out are removed, new ones added (draft only). */
  recipients: recipientsInput.optional(),
  /** Saved groups whose current members are added to the list (draft only). */
  groupIds: groupIdsInput.optional(),
  /** More files for the sender's case (also possible on the registry's case page). */
  draft: fileInput.optional(),
  attachments: z.array(fileInput).max(20).optional(),
});
export type UpdateReferralInput = z.input<typeof updateReferralInput>;

/** Fields that are part of what the recipients received: fixed once the round is sent. */
const LOCKED_WHEN_SENT = ['subject', 'letterDate', 'recipients', 'groupIds', 'draft', 'attachments'] as const;

/**
 * Change a round. While it is a draft everything may change (subject, dates, recipients added or
 * removed, more files); once sent only the deadline and the description.
 */
export async function updateReferral(ctx: Ctx, id: string, input: UpdateReferralInput, limits: UploadLimits = DEFAULT_LIMITS): Promise<ReferralRow> {
  const data = validate(updateReferralInput, input);
  authorize(ctx.actor, REFERRALS_MANAGE);
  const today = todayOf(ctx);
  data.recipients?.forEach((r, i) => refuseFuture(`recipients.${i}.receivedOn`, r.receivedOn, today));
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const current = await referralsRepository.lockReferral(tx, id);
    if (!current) throw new NotFound('referral');
    authorize(ctx.actor, REFERRALS_MANAGE, { bodyId: current.senderBodyId });
    if (current.status !== 'draft') {
      const locked = LOCKED_WHEN_SENT.filter((f) => data[f] !== undefined);
      if (locked.length) throw new Invalid(Object.fromEntries(locked.map((f) => [f, ['referrals.update.sentLocked']])));
    }

    const patch: Partial<ReferralRow> = {};
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of ['subject', 'description', 'letterDate', 'deadline'] as const) {
      const value = data[field];
      if (value === undefined || value === current[field]) continue;
      (patch as Record<string, unknown>)[field] = value;
      before[field] = current[field];
      after[field] = value;
    }
    if (patch.subject !== undefined || patch.description !== undefined) {
      try {
        await updateCase(txCtx, current.caseId, {
          ...(patch.subject !== undefined && { title: patch.subject }),
          ...(patch.description !== undefined && { description: patch.description }),
        });
      } catch (e) {
        throw e instanceof Invalid ? rekey(e, (k) => (k === 'title' ? 'subject' : k)) : e;
      }
    }

    const now = ctx.clock.now();
    if (data.recipients !== undefined || data.groupIds !== undefined) {
      const existing = await referralsRepository.listRecipients(tx, [id]);
      const chosen = await resolveRecipients(
        tx,
        current.senderBodyId,
        data.recipients ?? existing.map((r) => ({ bodyId: r.bodyId, existingNumber: r.existingNumber ?? undefined, receivedOn: r.receivedOn ?? undefined })),
        data.groupIds ?? [],
      );
      const wanted = new Map(chosen.map((r) => [r.bodyId, r]));
      const removed = existing.filter((r) => !wanted.has(r.bodyId));
      await referralsRepository.deleteRecipients(tx, removed.map((r) => r.id));
      for (const r of existing) {
        const w = wanted.get(r.bodyId);
        if (!w) continue;
        const existingNumber = w.existingNumber ?? null;
        const receivedOn = w.receivedOn ?? null;
        if (existingNumber !== r.existingNumber || receivedOn !== r.receivedOn) {
          await referralsRepository.updateRecipient(tx, r.id, { existingNumber, receivedOn, updatedAt: now });
        }
      }
      const had = new Set(existing.map((r) => r.bodyId));
      const added = chosen.filter((r) => !had.has(r.bodyId));
      await referralsRepository.insertRecipients(
        tx,
        added.map((r) => ({
          referralId: id,
          bodyId: r.bodyId,
          existingNumber: r.existingNumber ?? null,
          receivedOn: r.receivedOn ?? null,
          status: 'pending' as const,
          createdAt: now,
          updatedAt: now,
        })),
      );
      if (removed.length || added.length) {
        before.recipients = existing.map((r) => r.bodyId);
        after.recipients = chosen.map((r) => r.bodyId);
      }
    }

    const documentIds =
      data.draft || data.attachments?.length
        ? await registerReferralFiles(tx, ctx, current.caseId, patch.letterDate ?? current.letterDate, { draft: data.draft, attachments: data.attachments ?? [] }, limits)
        : [];

    if (Object.keys(after).length === 0 && documentIds.length === 0) return current;
    const updated = await referralsRepository.updateReferral(tx, id, { ...patch, updatedAt: now });
    await recordAudit(tx, ctx, {
      action: 'referrals.referral.update',
      subjectType: 'referral',
      subjectId: id,
      before,
      after,
      ...(documentIds.length && { details: { documents: documentIds.length } }),
    });
    return updated;
  });
}
