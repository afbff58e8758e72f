import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Conflict, NotFound } from '../../../core/errors.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type BodyRow } from '../repository.js';
import { assertId } from './shared.js';

/**
 * Archive a body that no longer exists (e.g. after a reorganisation). It keeps its registry,
 * members and address, but is no longer listed among the active bodies.
 */
export async function archiveBody(ctx: Ctx, bodyId: string): Promise<BodyRow> {
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findBodyById(tx, assertId(bodyId, 'body'));
    if (!before) throw new NotFound('body');
    if (before.archivedAt) throw new Conflict('body already archived', 'organisation.body.alreadyArchived');
    const now = ctx.clock.now();
    const updated = await repo.updateBody(tx, bodyId, { archivedAt: now, updatedAt: now });
    if (!updated) throw new NotFound('body');
    await recordAudit(tx, ctx, {
      action: 'organisation.body.archive',
      subjectType: 'body',
      subjectId: bodyId,
      before: auditSnapshot.body(before),
      after: auditSnapshot.body(updated),
    });
    return updated;
  });
}
