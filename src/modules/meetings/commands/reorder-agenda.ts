import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo } from '../repository.js';
import { meetingForWrite, refuseApproved } from './shared.js';

export const reorderAgendaInput = z.strictObject({
  /** Every item of the meeting once, in the new order. */
  itemIds: z.array(z.uuid()).max(500),
});
export type ReorderAgendaInput = z.input<typeof reorderAgendaInput>;

/**
 * Put the agenda in a new order. The items keep the meeting's set of § numbers, handed out in
 * the new order (§ 12, 13, 14 stay 12, 13, 14). Not once a decision of the meeting is final.
 */
export async function reorderAgenda(ctx: Ctx, meetingId: string, input: ReorderAgendaInput): Promise<void> {
  const data = validate(reorderAgendaInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE);
  await ctx.db.transaction(async (tx) => {
    const meeting = await meetingForWrite(tx, ctx, meetingId);
    refuseApproved(meeting);
    const items = await repo.listItems(tx, meeting.id);
    const ids = new Set(items.map((i) => i.id));
    if (data.itemIds.length !== items.length || new Set(data.itemIds).size !== items.length || data.itemIds.some((id) => !ids.has(id))) {
      throw new Invalid({ itemIds: ['meetings.agenda.orderIncomplete'] });
    }
    if (items.some((i) => i.finalOn !== null)) throw new Conflict('a decision of the meeting is final', 'meetings.meeting.hasFinalItems');
    const paragraphs = items.map((i) => i.paragraph).sort((a, b) => a - b);
    const next = data.itemIds.map((id, i) => ({ id, position: i + 1, paragraph: paragraphs[i]! }));
    await repo.renumber(tx, next, ctx.clock.now());
    await recordAudit(tx, ctx, {
      action: 'meetings.agenda.reorder',
      subjectType: 'meeting',
      subjectId: meeting.id,
      before: items.map((i) => ({ id: i.id, paragraph: i.paragraph })),
      after: next.map((i) => ({ id: i.id, paragraph: i.paragraph })),
    });
  });
}
