import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { MEETINGS_MANAGE } from '../policy.js';
import type { ItemRow } from '../repository.js';
import { finalizeItem } from './finalize.js';
import { isoDate } from './inputs.js';
import { checkApprovalDate, itemForWrite } from './shared.js';

export const approveItemImmediatelyInput = z.strictObject({
  /** The day the paragraph was approved; the meeting's day when left out. */
  approvedOn: isoDate.optional(),
});
export type ApproveItemImmediatelyInput = z.input<typeof approveItemImmediatelyInput>;

/**
 * Omedelbar justering: the paragraph is approved at the meeting, so its decision is final at
 * once (extract, registry document, 'meetings.decisionFinal') without waiting for the minutes.
 */
export async function approveItemImmediately(ctx: Ctx, itemId: string, input: ApproveItemImmediatelyInput = {}): Promise<ItemRow> {
  const data = validate(approveItemImmediatelyInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const { meeting, item } = await itemForWrite(tx, ctx, itemId);
    if (item.decisionPoints.length === 0) throw new Invalid({ decisionPoints: ['meetings.item.noDecision'] });
    const approvedOn = data.approvedOn ?? meeting.meetingDate;
    checkApprovalDate('approvedOn', approvedOn, meeting.meetingDate, ctx);
    return finalizeItem(tx, ctx, meeting.id, item.id, approvedOn, true);
  });
}
