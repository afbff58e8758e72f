import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, type FieldErrors } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { findPersonById } from '../../organisation/index.js';
import { MEETINGS_MANAGE } from '../policy.js';
import { meetingsRepository as repo, type AttendeeRow } from '../repository.js';
import { attendeeInput } from './inputs.js';
import { meetingForWrite, refuseApproved } from './shared.js';

export const setAttendanceInput = z.strictObject({
  /** Everyone present, in the order the minutes list them; replaces the earlier list. */
  attendees: z.array(attendeeInput).max(300),
});
export type SetAttendanceInput = z.input<typeof setAttendanceInput>;

/**
 * Närvarande: members present, serving substitutes (with whom they replace) and the chair.
 * People may come from the body's memberships (personId) or be typed freely (name only).
 */
export async function setAttendance(ctx: Ctx, meetingId: string, input: SetAttendanceInput): Promise<AttendeeRow[]> {
  const data = validate(setAttendanceInput, input);
  authorize(ctx.actor, MEETINGS_MANAGE);
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  const chairs = data.attendees.filter((a) => a.role === 'chair');
  if (chairs.length > 1) add('attendees', 'meetings.attendance.oneChair');
  const seen = new Set<string>();
  data.attendees.forEach((a, i) => {
    if (a.replacesName && a.role !== 'servingSubstitute') add(`attendees.${i}.replacesName`, 'meetings.attendance.replacesOnlySubstitute');
    const key = a.personId ?? a.name.toLocaleLowerCase('sv');
    if (seen.has(key)) add(`attendees.${i}.name`, 'meetings.attendance.duplicate');
    seen.add(key);
  });
  if (Object.keys(errors).length) throw new Invalid(errors);
  return ctx.db.transaction(async (tx) => {
    const meeting = await meetingForWrite(tx, ctx, meetingId);
    refuseApproved(meeting);
    for (const [i, a] of data.attendees.entries()) {
      if (a.personId && !(await findPersonById(tx, a.personId))) throw new Invalid({ [`attendees.${i}.personId`]: ['meetings.attendance.unknownPerson'] });
    }
    const before = await repo.listAttendees(tx, meeting.id);
    const rows = await repo.replaceAttendees(
      tx,
      meeting.id,
      data.attendees.map((a, i) => ({
        personId: a.personId ?? null,
        name: a.name,
        party: a.party ?? null,
        role: a.role,
        replacesName: a.replacesName || null,
        position: i + 1,
      })),
    );
    await repo.updateMeeting(tx, meeting.id, { updatedAt: ctx.clock.now() });
    const brief = (r: AttendeeRow) => ({ name: r.name, party: r.party, role: r.role, replacesName: r.replacesName });
    await recordAudit(tx, ctx, {
      action: 'meetings.attendance.set',
      subjectType: 'meeting',
      subjectId: meeting.id,
      before: before.map(brief),
      after: rows.map(brief),
    });
    return rows;
  });
}
