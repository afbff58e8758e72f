import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { REFERRALS_RESPOND } from '../policy.js';
import type { RecipientRow } from '../repository.js';
import { RECIPIENT_STATUSES } from '../schema.js';
import { isManualStep, STEPS_WITH_OWN_COMMAND } from '../status.js';
import { isoDate, noteInput, refuseFuture } from './inputs.js';
import { lockForResponse, moveRecipient, refusedKey, todayOf } from './shared.js';

export const changeRecipientStatusInput = z.strictObject({
  to: z.enum(RECIPIENT_STATUSES),
  /** The day of the step (e.g. when drafting began); today when left out. */
  date: isoDate.optional(),
  note: noteInput.optional(),
});
export type ChangeRecipientStatusInput = z.input<typeof changeRecipientStatusInput>;

/**
 * Move a recipient one step by hand (recipient staff): along the table in status.ts. Answering
 * and declining have their own commands (they need a stance or a reason). Stepping back from
 * answered or declined withdraws the answer or the decline.
 */
export async function changeRecipientStatus(ctx: Ctx, recipientId: string, input: ChangeRecipientStatusInput): Promise<RecipientRow> {
  const data = validate(changeRecipientStatusInput, input);
  authorize(ctx.actor, REFERRALS_RESPOND);
  const today = todayOf(ctx);
  refuseFuture('date', data.date, today);
  return ctx.db.transaction(async (tx) => {
    const rec = await lockForResponse(tx, ctx, recipientId, REFERRALS_RESPOND);
    const own = STEPS_WITH_OWN_COMMAND[data.to];
    if ((own === 'answer' || own === 'decline') && rec.status !== data.to) {
      throw new Invalid({ to: [own === 'answer' ? 'referrals.transition.useAnswer' : 'referrals.transition.useDecline'] });
    }
    if (!isManualStep(rec.status, data.to)) throw new Invalid({ to: [refusedKey(rec.status, data.to)] });
    const patch: Partial<RecipientRow> = {};
    if (rec.status === 'answered') Object.assign(patch, { stance: null, answeredOn: null });
    if (rec.status === 'declined') Object.assign(patch, { declineReason: null, answeredOn: null });
    return moveRecipient(tx, ctx, rec, data.to, { effectiveDate: data.date ?? today, note: data.note ?? null, patch });
  });
}
