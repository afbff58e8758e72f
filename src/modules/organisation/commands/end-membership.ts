import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import type { MembershipRow } from '../repository.js';
import { isoDate } from './shared.js';
import { changeMembership } from './update-membership.js';

export const endMembershipInput = z.strictObject({
  /** Last day of the assignment; not before its first day. */
  toDate: isoDate,
});
export type EndMembershipInput = z.input<typeof endMembershipInput>;

/** End an assignment on a date (or move the end date of an ended one). */
export async function endMembership(ctx: Ctx, membershipId: string, input: EndMembershipInput): Promise<MembershipRow> {
  const data = validate(endMembershipInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return changeMembership(ctx, membershipId, 'organisation.membership.end', { toDate: data.toDate });
}
