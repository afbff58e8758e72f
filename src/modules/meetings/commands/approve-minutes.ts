import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import { actorLabel } from '../../../auth/actor.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type MeetingRow } from '../repository.js';
import { finalizeItem } from './finalize.js';
import { isoDate, personNameInput } from './inputs.js';
import { checkApprovalDate, meetingForWrite, refuseApproved } from './shared.js';

export const approveMinutesInput = z.strictObject({
  /** Justeringsdag: not before the meeting, not in the future. */
  approvedOn: isoDate,
  /** Justerare: who approved the minutes with the chair. */
  approvers: z.array(personNameInput.min(1)).max(10).default([]),
});
export type ApproveMinutesInput = z.input<typeof approveMinutesInput>;

/**
 * Justering: the minutes are approved, so every decision in them becomes final (items approved
 * immediately already are). Each item with a case gets its protocol extract registered in the
 * case and 'meetings.decisionFinal' is announced. Afterwards nothing in the meeting changes.
 */
export async function approveMinutes(ctx: Ctx, meetingId: string, input: ApproveMinutesInput): Promise<MeetingRow> {
  const data = validate(approveMinutesInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const meeting = await meetingForWrite(tx, ctx, meetingId);
    refuseApproved(meeting);
    checkApprovalDate('approvedOn', data.approvedOn, meeting.meetingDate, ctx);
    const items = await repo.listItems(tx, meeting.id);
    if (items.length === 0) throw new Invalid({ _: ['meetings.approve.noItems'] });
    const undecided = items.filter((i) => i.finalOn === null && i.decisionPoints.length === 0);
    if (undecided.length) throw new Invalid({ _: ['meetings.approve.itemWithoutDecision'] });
    const approved = await repo.updateMeeting(tx, meeting.id, {
      status: 'approved',
      approvedOn: data.approvedOn,
      approvers: data.approvers,
      approvedBy: actorLabel(ctx.actor),
      updatedAt: ctx.clock.now(),
    });
    await recordAudit(tx, ctx, {
      action: 'meetings.minutes.approve',
      subjectType: 'meeting',
      subjectId: meeting.id,
      before: { status: meeting.status },
      after: { status: 'approved', approvedOn: data.approvedOn, approvers: data.approvers },
    });
    for (const item of items) {
      if (item.finalOn === null) await finalizeItem(tx, ctx, meeting.id, item.id, data.approvedOn, false);
    }
    return approved;
  });
}
