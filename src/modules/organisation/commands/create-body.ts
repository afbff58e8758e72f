import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type BodyRow } from '../repository.js';
import { BODY_KINDS } from '../schema.js';
import { classCodeSchema, freeSlug, mapUniqueViolations, nameSchema, optionalText, registryPatternSchema } from './shared.js';

export const DEFAULT_REGISTRY_PATTERN = '{seq}-{year}';

export const createBodyInput = z.strictObject({
  name: nameSchema,
  shortName: optionalText(50),
  kind: z.enum(BODY_KINDS, { error: 'organisation.body.kindRequired' }),
  description: optionalText(2000),
  registryPattern: registryPatternSchema.optional(),
  defaultClassCode: classCodeSchema.nullable().optional(),
});
export type CreateBodyInput = z.input<typeof createBodyInput>;

export const BODY_NAME_TAKEN = { name: ['organisation.body.nameTaken'] };

/** Create a body (nämnd, styrelse, råd); its slug comes from the name. */
export async function createBody(ctx: Ctx, input: CreateBodyInput): Promise<BodyRow> {
  const data = validate(createBodyInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        if (await repo.findBodyByName(tx, data.name)) throw new Invalid(BODY_NAME_TAKEN);
        const now = ctx.clock.now();
        const body = await repo.insertBody(tx, {
          slug: await freeSlug(tx, data.name, repo.bodySlugsLike),
          name: data.name,
          shortName: data.shortName || null,
          kind: data.kind,
          description: data.description || null,
          registryPattern: data.registryPattern ?? DEFAULT_REGISTRY_PATTERN,
          defaultClassCode: data.defaultClassCode || null,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, ctx, { action: 'organisation.body.create', subjectType: 'body', subjectId: body.id, after: auditSnapshot.body(body) });
        return body;
      }),
    { bodies_name_unique: BODY_NAME_TAKEN },
    BODY_NAME_TAKEN,
  );
}
