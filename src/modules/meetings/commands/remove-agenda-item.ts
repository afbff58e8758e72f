import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { publish } from '../../../core/events.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo } from '../repository.js';
import { itemForWrite } from './shared.js';

/** Take an item off the agenda before its decision is final; its case is announced as unscheduled. */
export async function removeAgendaItem(ctx: Ctx, itemId: string): Promise<void> {
  authorize(ctx.actor, MEETINGS_MANAGE);
  await ctx.db.transaction(async (tx) => {
    const { meeting, item } = await itemForWrite(tx, ctx, itemId);
    await repo.deleteItem(tx, item.id);
    await repo.updateMeeting(tx, meeting.id, { updatedAt: ctx.clock.now() });
    if (item.caseId) await publish(tx, { ...ctx, db: tx }, 'meetings.itemUnscheduled', { caseId: item.caseId });
    await recordAudit(tx, ctx, {
      action: 'meetings.item.remove',
      subjectType: 'agendaItem',
      subjectId: item.id,
      before: { meetingId: meeting.id, paragraph: item.paragraph, title: item.title, caseId: item.caseId },
    });
  });
}
