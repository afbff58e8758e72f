import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { NotFound } from '../../../core/errors.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type AdministrationRow } from '../repository.js';
import { assertId } from './shared.js';

/**
 * Delete an administration. People and documents that named it keep existing without it
 * (the foreign keys set it to null); the audit entry records how many people were detached.
 */
export async function deleteAdministration(ctx: Ctx, administrationId: string): Promise<AdministrationRow> {
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findAdministrationById(tx, assertId(administrationId, 'administration'));
    if (!before) throw new NotFound('administration');
    const detachedPeople = await repo.countPeopleOfAdministration(tx, administrationId);
    await repo.deleteAdministration(tx, administrationId);
    await recordAudit(tx, ctx, {
      action: 'organisation.administration.delete',
      subjectType: 'administration',
      subjectId: administrationId,
      before: auditSnapshot.administration(before),
      details: { detachedPeople },
    });
    return before;
  });
}
