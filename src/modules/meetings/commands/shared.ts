import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, Invalid, NotFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import type { Db } from '../../../db/client.js';
import { findCaseByRegistryNumber, getCase, stockholmDate } from '../../registry/index.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type ItemRow, type MeetingRow } from '../repository.js';

/** Lock a meeting for a change and check the secretary's right for its body. */
export async function meetingForWrite(tx: Db, ctx: Ctx, meetingId: string): Promise<MeetingRow> {
  const meeting = isUuid(meetingId) ? await repo.lockMeeting(tx, meetingId) : undefined;
  if (!meeting) throw new NotFound('meeting');
  authorize(ctx.actor, MEETINGS_MANAGE, { bodyId: meeting.bodyId });
  return meeting;
}

/** Approved minutes are closed: nothing in them changes any more. */
export function refuseApproved(meeting: MeetingRow): void {
  if (meeting.status === 'approved') throw new Conflict('the minutes are approved', 'meetings.meeting.approvedLocked');
}

/** Lock the item's meeting, then the item (always in that order), and refuse final items. */
export async function itemForWrite(tx: Db, ctx: Ctx, itemId: string): Promise<{ meeting: MeetingRow; item: ItemRow }> {
  const found = isUuid(itemId) ? await repo.findItem(tx, itemId) : undefined;
  if (!found) throw new NotFound('agenda item');
  const meeting = await meetingForWrite(tx, ctx, found.meetingId);
  const item = await repo.lockItem(tx, itemId);
  if (!item) throw new NotFound('agenda item');
  if (item.finalOn !== null) throw new Conflict('the decision is final', 'meetings.item.finalLocked');
  return { meeting, item };
}

/** A case of the meeting's body, by id or by its registry number; null unlinks. */
export async function resolveCase(
  tx: Db,
  ctx: Ctx,
  bodyId: string,
  input: { caseId?: string | null | undefined; registryNumber?: string | null | undefined },
): Promise<string | null | undefined> {
  if (input.caseId) {
    let view;
    try {
      view = await getCase({ db: tx, actor: ctx.actor }, input.caseId);
    } catch (e) {
      if (e instanceof NotFound) throw new Invalid({ caseId: ['meetings.case.unknown'] });
      throw e;
    }
    if (view.bodyId !== bodyId) throw new Invalid({ caseId: ['meetings.case.otherBody'] });
    return view.id;
  }
  if (input.registryNumber) {
    const found = await findCaseByRegistryNumber(tx, bodyId, input.registryNumber.trim());
    if (!found) throw new Invalid({ registryNumber: ['meetings.case.unknownNumber'] });
    return found.id;
  }
  if (input.caseId === null || input.registryNumber === null) return null;
  return undefined;
}

export const today = (ctx: Ctx) => stockholmDate(ctx.clock.now());

/** An approval day: not before the meeting, not in the future. */
export function checkApprovalDate(field: string, approvedOn: string, meetingDate: string, ctx: Ctx): void {
  if (approvedOn < meetingDate) throw new Invalid({ [field]: ['meetings.approvedOn.beforeMeeting'] });
  if (approvedOn > today(ctx)) throw new Invalid({ [field]: ['meetings.approvedOn.future'] });
}
