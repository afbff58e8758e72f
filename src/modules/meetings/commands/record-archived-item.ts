import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type ItemRow } from '../repository.js';
import { addAgendaItem } from './add-agenda-item.js';
import { createMeeting } from './create-meeting.js';
import { finalizeItem } from './finalize.js';
import { isoDate, updateItemInput } from './inputs.js';
import { recordItem } from './update-item.js';

export const recordArchivedItemInput = z.strictObject({
  bodyId: z.uuid(),
  meetingDate: isoDate,
  paragraph: z.number().int().min(0).max(99_999),
  title: z.string().trim().min(1).max(500),
  subtitle: z.string().trim().max(500).nullable().optional(),
  caseId: z.uuid(),
  /** The imported protocol extract, registered in the case: it becomes the item's extract. */
  extractDocumentId: z.uuid(),
  content: updateItemInput,
});
export type RecordArchivedItemInput = z.input<typeof recordArchivedItemInput>;

/**
 * Archive import of a protocol extract: the paragraph of a past meeting, recorded and final at
 * once, with the imported document as its extract (none is rendered). The meeting of that body and
 * day is found or created. One transaction (a savepoint inside the importer's): a paragraph number
 * already used at that meeting, or content the model refuses, leaves nothing behind.
 */
export async function recordArchivedItem(ctx: Ctx, input: RecordArchivedItemInput): Promise<ItemRow> {
  const data = validate(recordArchivedItemInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE, { bodyId: data.bodyId });
  return ctx.db.transaction(async (tx) => {
    const inner: Ctx = { ...ctx, db: tx };
    const existing = await repo.findMeetingOn(tx, data.bodyId, data.meetingDate);
    if (existing?.status === 'approved') throw new Invalid({ meetingDate: ['meetings.meeting.approvedLocked'] });
    const meetingId = existing?.id ?? (await createMeeting(inner, { bodyId: data.bodyId, meetingDate: data.meetingDate })).id;
    const item = await addAgendaItem(inner, meetingId, { paragraph: data.paragraph, title: data.title, subtitle: data.subtitle ?? null, caseId: data.caseId });
    await recordItem(inner, item.id, data.content);
    return finalizeItem(tx, inner, meetingId, item.id, data.meetingDate, true, data.extractDocumentId);
  });
}
