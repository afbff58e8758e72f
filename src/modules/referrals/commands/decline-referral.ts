import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { REFERRALS_RESPOND } from '../policy.js';
import type { RecipientRow } from '../repository.js';
import { canTransition } from '../status.js';
import { isoDate, refuseFuture } from './inputs.js';
import { lockForResponse, moveRecipient, notifySender, refusedKey, todayOf } from './shared.js';

export const declineReferralInput = z.strictObject({
  /** Why the body does not answer (e.g. "Ärendet berör inte nämndens verksamhet"). */
  reason: z.string().trim().min(1).max(2000),
  /** The day of the decline; today when left out. */
  date: isoDate.optional(),
});
export type DeclineReferralInput = z.input<typeof declineReferralInput>;

/** The recipient declines to answer (from received or drafting), with a reason. */
export async function declineReferral(ctx: Ctx, recipientId: string, input: DeclineReferralInput): Promise<RecipientRow> {
  const data = validate(declineReferralInput, input);
  authorize(ctx.actor, REFERRALS_RESPOND);
  const today = todayOf(ctx);
  refuseFuture('date', data.date, today);
  return ctx.db.transaction(async (tx) => {
    const rec = await lockForResponse(tx, ctx, recipientId, REFERRALS_RESPOND);
    if (!canTransition(rec.status, 'declined')) throw new Invalid({ status: [refusedKey(rec.status, 'declined')] });
    const date = data.date ?? today;
    const moved = await moveRecipient(tx, ctx, rec, 'declined', {
      effectiveDate: date,
      note: data.reason,
      patch: { declineReason: data.reason, answeredOn: date, stance: null },
      audit: { reason: data.reason },
    });
    await notifySender(tx, ctx, moved, 'declined');
    return moved;
  });
}
