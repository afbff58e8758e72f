import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { publish } from '../../../core/events.js';
import { validate } from '../../../core/validation.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type MeetingRow } from '../repository.js';
import { isoDate, placeInput, startTimeInput, tenseInput } from './inputs.js';
import { meetingForWrite, refuseApproved } from './shared.js';

export const updateMeetingInput = z.strictObject({
  meetingDate: isoDate.optional(),
  startTime: startTimeInput.nullable().optional(),
  place: placeInput.nullable().optional(),
  minutesTense: tenseInput.optional(),
  /** planned → held (and back); approval has its own command. */
  status: z.enum(['planned', 'held']).optional(),
});
export type UpdateMeetingInput = z.input<typeof updateMeetingInput>;

/**
 * Change date, time, place, wording or status of a meeting whose minutes are not approved.
 * A new date is announced again for every case on the agenda ('meetings.itemScheduled').
 */
export async function updateMeeting(ctx: Ctx, meetingId: string, input: UpdateMeetingInput): Promise<MeetingRow> {
  const data = validate(updateMeetingInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const before = await meetingForWrite(tx, ctx, meetingId);
    refuseApproved(before);
    const patch: Partial<MeetingRow> = {};
    if (data.meetingDate !== undefined) patch.meetingDate = data.meetingDate;
    if (data.startTime !== undefined) patch.startTime = data.startTime?.replace('.', ':') ?? null;
    if (data.place !== undefined) patch.place = data.place || null;
    if (data.minutesTense !== undefined) patch.minutesTense = data.minutesTense;
    if (data.status !== undefined) patch.status = data.status;
    const after = await repo.updateMeeting(tx, before.id, { ...patch, updatedAt: ctx.clock.now() });
    if (after.meetingDate !== before.meetingDate) {
      for (const item of await repo.listItems(tx, before.id)) {
        if (item.caseId && item.finalOn === null) await publish(tx, { ...ctx, db: tx }, 'meetings.itemScheduled', { caseId: item.caseId, meetingDate: after.meetingDate });
      }
    }
    const changed = Object.keys(patch) as Array<keyof MeetingRow>;
    await recordAudit(tx, ctx, {
      action: 'meetings.meeting.update',
      subjectType: 'meeting',
      subjectId: before.id,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, after[k]])),
    });
    return after;
  });
}
