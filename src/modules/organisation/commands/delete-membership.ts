import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { NotFound } from '../../../core/errors.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type MembershipRow } from '../repository.js';
import { assertId } from './shared.js';

/** Remove a membership recorded by mistake (an assignment that ended is ended, not deleted). */
export async function deleteMembership(ctx: Ctx, membershipId: string): Promise<MembershipRow> {
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findMembershipById(tx, assertId(membershipId, 'membership'));
    if (!before) throw new NotFound('membership');
    await repo.deleteMembership(tx, membershipId);
    await recordAudit(tx, ctx, {
      action: 'organisation.membership.delete',
      subjectType: 'membership',
      subjectId: membershipId,
      before: auditSnapshot.membership(before),
      details: { person: before.personName },
    });
    return before;
  });
}
