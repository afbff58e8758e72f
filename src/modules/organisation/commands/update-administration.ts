import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type AdministrationRow } from '../repository.js';
import { ADMINISTRATION_NAME_TAKEN, assertBodyExists } from './create-administration.js';
import { assertId, freeSlug, mapUniqueViolations, nameSchema } from './shared.js';

export const updateAdministrationInput = z.strictObject({
  name: nameSchema.optional(),
  bodyId: z.uuid().nullable().optional(),
});
export type UpdateAdministrationInput = z.input<typeof updateAdministrationInput>;

export async function updateAdministration(ctx: Ctx, administrationId: string, input: UpdateAdministrationInput): Promise<AdministrationRow> {
  const data = validate(updateAdministrationInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await repo.findAdministrationById(tx, assertId(administrationId, 'administration'));
        if (!before) throw new NotFound('administration');
        const renamed = data.name !== undefined && data.name !== before.name;
        if (renamed && (await repo.findAdministrationByName(tx, data.name!, administrationId))) throw new Invalid(ADMINISTRATION_NAME_TAKEN);
        await assertBodyExists(tx, data.bodyId);
        const updated = await repo.updateAdministration(tx, administrationId, {
          ...(renamed && { name: data.name!, slug: await freeSlug(tx, data.name!, repo.administrationSlugsLike, before.slug) }),
          ...(data.bodyId !== undefined && { bodyId: data.bodyId }),
          updatedAt: ctx.clock.now(),
        });
        if (!updated) throw new NotFound('administration');
        await recordAudit(tx, ctx, {
          action: 'organisation.administration.update',
          subjectType: 'administration',
          subjectId: administrationId,
          before: auditSnapshot.administration(before),
          after: auditSnapshot.administration(updated),
        });
        return updated;
      }),
    { administrations_name_unique: ADMINISTRATION_NAME_TAKEN },
    ADMINISTRATION_NAME_TAKEN,
  );
}
