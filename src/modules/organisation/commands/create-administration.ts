import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type AdministrationRow } from '../repository.js';
import { freeSlug, mapUniqueViolations, nameSchema } from './shared.js';

export const createAdministrationInput = z.strictObject({
  name: nameSchema,
  /** The body the administration serves (null for none yet). */
  bodyId: z.uuid().nullable().optional(),
});
export type CreateAdministrationInput = z.input<typeof createAdministrationInput>;

export const ADMINISTRATION_NAME_TAKEN = { name: ['organisation.administration.nameTaken'] };

export async function assertBodyExists(db: Db, bodyId: string | null | undefined, field = 'bodyId'): Promise<void> {
  if (bodyId && !(await repo.findBodyById(db, bodyId))) throw new Invalid({ [field]: ['organisation.body.unknown'] });
}

/** Create an administration (förvaltning, kontor); its slug comes from the name. */
export async function createAdministration(ctx: Ctx, input: CreateAdministrationInput): Promise<AdministrationRow> {
  const data = validate(createAdministrationInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        if (await repo.findAdministrationByName(tx, data.name)) throw new Invalid(ADMINISTRATION_NAME_TAKEN);
        await assertBodyExists(tx, data.bodyId);
        const now = ctx.clock.now();
        const row = await repo.insertAdministration(tx, {
          slug: await freeSlug(tx, data.name, repo.administrationSlugsLike),
          name: data.name,
          bodyId: data.bodyId ?? null,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, ctx, {
          action: 'organisation.administration.create',
          subjectType: 'administration',
          subjectId: row.id,
          after: auditSnapshot.administration(row),
        });
        return row;
      }),
    { administrations_name_unique: ADMINISTRATION_NAME_TAKEN },
    ADMINISTRATION_NAME_TAKEN,
  );
}
