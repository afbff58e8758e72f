import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict } from '../../../core/errors.js';
import { publish } from '../../../core/events.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo } from '../repository.js';
import { meetingForWrite, refuseApproved } from './shared.js';

/** Remove a meeting created by mistake: only while none of its decisions is final. Its cases leave the agenda. */
export async function deleteMeeting(ctx: Ctx, meetingId: string): Promise<void> {
  authorize(ctx.actor, MEETINGS_MANAGE);
  await ctx.db.transaction(async (tx) => {
    const meeting = await meetingForWrite(tx, ctx, meetingId);
    refuseApproved(meeting);
    const items = await repo.listItems(tx, meeting.id);
    if (items.some((i) => i.finalOn !== null)) throw new Conflict('a decision of the meeting is final', 'meetings.meeting.hasFinalItems');
    for (const item of items) if (item.caseId) await publish(tx, { ...ctx, db: tx }, 'meetings.itemUnscheduled', { caseId: item.caseId });
    await repo.deleteMeeting(tx, meeting.id);
    await recordAudit(tx, ctx, {
      action: 'meetings.meeting.delete',
      subjectType: 'meeting',
      subjectId: meeting.id,
      before: { bodyId: meeting.bodyId, meetingDate: meeting.meetingDate, items: items.map((i) => ({ paragraph: i.paragraph, title: i.title, caseId: i.caseId })) },
    });
  });
}
