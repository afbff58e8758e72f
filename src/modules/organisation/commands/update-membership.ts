import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type MembershipRow } from '../repository.js';
import { MEMBERSHIP_ROLES } from '../schema.js';
import { assertNoOverlap, MEMBERSHIP_DUPLICATE, TO_BEFORE_FROM } from './add-membership.js';
import { assertId, isoDate, mapUniqueViolations } from './shared.js';

export const updateMembershipInput = z
  .strictObject({
    role: z.enum(MEMBERSHIP_ROLES).optional(),
    partyId: z.uuid().nullable().optional(),
    fromDate: isoDate.optional(),
    toDate: isoDate.nullable().optional(),
  })
  .refine((m) => !m.toDate || !m.fromDate || m.toDate >= m.fromDate, { path: ['toDate'], message: TO_BEFORE_FROM });
export type UpdateMembershipInput = z.input<typeof updateMembershipInput>;

/** Correct a membership (role, party, period). To end one, `endMembership` says it better. */
export async function updateMembership(ctx: Ctx, membershipId: string, input: UpdateMembershipInput): Promise<MembershipRow> {
  const data = validate(updateMembershipInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return changeMembership(ctx, membershipId, 'organisation.membership.update', data);
}

/** Shared by update and end: checks the resulting period and writes one audited change. */
export async function changeMembership(
  ctx: Ctx,
  membershipId: string,
  action: string,
  data: z.output<typeof updateMembershipInput>,
): Promise<MembershipRow> {
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await repo.findMembershipById(tx, assertId(membershipId, 'membership'));
        if (!before) throw new NotFound('membership');
        if (data.partyId && !(await repo.findPartyById(tx, data.partyId))) throw new Invalid({ partyId: ['organisation.party.unknown'] });
        const next = {
          personId: before.personId,
          bodyId: before.bodyId,
          role: data.role ?? before.role,
          fromDate: data.fromDate ?? before.fromDate,
          toDate: data.toDate === undefined ? before.toDate : data.toDate,
        };
        if (next.toDate && next.toDate < next.fromDate) throw new Invalid({ toDate: [TO_BEFORE_FROM] });
        await assertNoOverlap(tx, next, membershipId);
        const updated = await repo.updateMembership(tx, membershipId, {
          role: next.role,
          fromDate: next.fromDate,
          toDate: next.toDate,
          ...(data.partyId !== undefined && { partyId: data.partyId }),
          updatedAt: ctx.clock.now(),
        });
        if (!updated) throw new NotFound('membership');
        await recordAudit(tx, ctx, {
          action,
          subjectType: 'membership',
          subjectId: membershipId,
          before: auditSnapshot.membership(before),
          after: auditSnapshot.membership(updated),
        });
        return updated;
      }),
    { memberships_unique: MEMBERSHIP_DUPLICATE },
    MEMBERSHIP_DUPLICATE,
  );
}
