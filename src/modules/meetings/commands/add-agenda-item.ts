import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { publish } from '../../../core/events.js';
import { validate } from '../../../core/validation.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type ItemRow } from '../repository.js';
import { paragraphInput, registryNumberInput, subtitleInput, titleInput } from './inputs.js';
import { meetingForWrite, refuseApproved, resolveCase } from './shared.js';

export const addAgendaItemInput = z.strictObject({
  /** § number; by default the next one (paragraphs run on through the body's year). */
  paragraph: paragraphInput.optional(),
  title: titleInput,
  subtitle: subtitleInput.nullable().optional(),
  /** A case of the meeting's body, by id or by registry number (Dnr). */
  caseId: z.uuid().nullable().optional(),
  registryNumber: registryNumberInput.nullable().optional(),
});
export type AddAgendaItemInput = z.input<typeof addAgendaItemInput>;

/** Put an item on the agenda. A linked case is announced as scheduled ('meetings.itemScheduled'). */
export async function addAgendaItem(ctx: Ctx, meetingId: string, input: AddAgendaItemInput): Promise<ItemRow> {
  const data = validate(addAgendaItemInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const meeting = await meetingForWrite(tx, ctx, meetingId);
    refuseApproved(meeting);
    const caseId = (await resolveCase(tx, ctx, meeting.bodyId, data)) ?? null;
    let paragraph = data.paragraph;
    if (paragraph === undefined) {
      const inYear = await repo.maxParagraphInYear(tx, meeting.bodyId, Number(meeting.meetingDate.slice(0, 4)));
      paragraph = inYear + 1;
    } else if (await repo.paragraphTaken(tx, meeting.id, paragraph)) {
      throw new Invalid({ paragraph: ['meetings.paragraph.taken'] });
    }
    const now = ctx.clock.now();
    const created = await repo.insertItem(tx, {
      meetingId: meeting.id,
      paragraph,
      title: data.title,
      subtitle: data.subtitle || null,
      caseId,
      position: (await repo.maxPosition(tx, meeting.id)) + 1,
      createdAt: now,
      updatedAt: now,
    });
    await repo.updateMeeting(tx, meeting.id, { updatedAt: now });
    if (caseId) await publish(tx, { ...ctx, db: tx }, 'meetings.itemScheduled', { caseId, meetingDate: meeting.meetingDate });
    await recordAudit(tx, ctx, {
      action: 'meetings.item.add',
      subjectType: 'agendaItem',
      subjectId: created.id,
      after: { meetingId: meeting.id, paragraph, title: created.title, subtitle: created.subtitle, caseId },
    });
    return created;
  });
}
