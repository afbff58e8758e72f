import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type BodyRow } from '../repository.js';
import { BODY_KINDS } from '../schema.js';
import { BODY_NAME_TAKEN } from './create-body.js';
import { assertId, classCodeSchema, freeSlug, mapUniqueViolations, nameSchema, optionalText, registryPatternSchema } from './shared.js';

export const updateBodyInput = z.strictObject({
  name: nameSchema.optional(),
  shortName: optionalText(50),
  kind: z.enum(BODY_KINDS, { error: 'organisation.body.kindRequired' }).optional(),
  description: optionalText(2000),
  registryPattern: registryPatternSchema.optional(),
  defaultClassCode: classCodeSchema.nullable().optional(),
});
export type UpdateBodyInput = z.input<typeof updateBodyInput>;

/** Change a body. A new name gives a new slug (the old address stops working). */
export async function updateBody(ctx: Ctx, bodyId: string, input: UpdateBodyInput): Promise<BodyRow> {
  const data = validate(updateBodyInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await repo.findBodyById(tx, assertId(bodyId, 'body'));
        if (!before) throw new NotFound('body');
        const renamed = data.name !== undefined && data.name !== before.name;
        if (renamed && (await repo.findBodyByName(tx, data.name!, bodyId))) throw new Invalid(BODY_NAME_TAKEN);
        const updated = await repo.updateBody(tx, bodyId, {
          ...(renamed && { name: data.name!, slug: await freeSlug(tx, data.name!, repo.bodySlugsLike, before.slug) }),
          ...(data.shortName !== undefined && { shortName: data.shortName || null }),
          ...(data.kind !== undefined && { kind: data.kind }),
          ...(data.description !== undefined && { description: data.description || null }),
          ...(data.registryPattern !== undefined && { registryPattern: data.registryPattern }),
          ...(data.defaultClassCode !== undefined && { defaultClassCode: data.defaultClassCode || null }),
          updatedAt: ctx.clock.now(),
        });
        if (!updated) throw new NotFound('body');
        await recordAudit(tx, ctx, {
          action: 'organisation.body.update',
          subjectType: 'body',
          subjectId: bodyId,
          before: auditSnapshot.body(before),
          after: auditSnapshot.body(updated),
        });
        return updated;
      }),
    { bodies_name_unique: BODY_NAME_TAKEN },
    BODY_NAME_TAKEN,
  );
}
