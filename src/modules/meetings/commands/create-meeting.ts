import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { findBodyById } from '../../organisation/index.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type MeetingRow } from '../repository.js';
import { isoDate, placeInput, startTimeInput, tenseInput } from './inputs.js';

export const createMeetingInput = z.strictObject({
  bodyId: z.uuid(),
  meetingDate: isoDate,
  /** "18:00" */
  startTime: startTimeInput.nullable().optional(),
  place: placeInput.nullable().optional(),
  /** How the minutes are worded (seed 000: past, seed 001: present); the body's last choice when left out. */
  minutesTense: tenseInput.optional(),
});
export type CreateMeetingInput = z.input<typeof createMeetingInput>;

/** Sammanträde: a meeting of a body, planned until it is held and its minutes approved. */
export async function createMeeting(ctx: Ctx, input: CreateMeetingInput): Promise<MeetingRow> {
  const data = validate(createMeetingInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE, { bodyId: data.bodyId });
  const body = await findBodyById(ctx.db, data.bodyId);
  if (!body) throw new Invalid({ bodyId: ['meetings.body.unknown'] });
  if (body.archivedAt) throw new Invalid({ bodyId: ['meetings.body.archived'] });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const previous = data.minutesTense ? undefined : (await repo.listMeetings(tx, { bodyId: body.id }, { offset: 0, limit: 1 })).rows[0];
    const created = await repo.insertMeeting(tx, {
      bodyId: body.id,
      meetingDate: data.meetingDate,
      startTime: data.startTime?.replace('.', ':') ?? null,
      place: data.place || null,
      minutesTense: data.minutesTense ?? previous?.minutesTense ?? 'past',
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, {
      action: 'meetings.meeting.create',
      subjectType: 'meeting',
      subjectId: created.id,
      after: { bodyId: created.bodyId, meetingDate: created.meetingDate, startTime: created.startTime, place: created.place, minutesTense: created.minutesTense },
    });
    return created;
  });
}
