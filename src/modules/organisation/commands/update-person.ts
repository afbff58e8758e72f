import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type PersonRow } from '../repository.js';
import { assertPersonRefs } from './create-person.js';
import { assertId, nameSchema, optionalText } from './shared.js';

export const updatePersonInput = z.strictObject({
  name: nameSchema.optional(),
  partyId: z.uuid().nullable().optional(),
  title: optionalText(200),
  administrationId: z.uuid().nullable().optional(),
});
export type UpdatePersonInput = z.input<typeof updatePersonInput>;

/** Change a person. Their memberships keep the party they were recorded with. */
export async function updatePerson(ctx: Ctx, personId: string, input: UpdatePersonInput): Promise<PersonRow> {
  const data = validate(updatePersonInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return ctx.db.transaction(async (tx) => {
    const before = await repo.findPersonById(tx, assertId(personId, 'person'));
    if (!before) throw new NotFound('person');
    await assertPersonRefs(tx, data);
    const updated = await repo.updatePerson(tx, personId, {
      ...(data.name !== undefined && { name: data.name.replace(/\s+/g, ' ') }),
      ...(data.partyId !== undefined && { partyId: data.partyId }),
      ...(data.title !== undefined && { title: data.title || null }),
      ...(data.administrationId !== undefined && { administrationId: data.administrationId }),
      updatedAt: ctx.clock.now(),
    });
    if (!updated) throw new NotFound('person');
    await recordAudit(tx, ctx, {
      action: 'organisation.person.update',
      subjectType: 'person',
      subjectId: personId,
      before: auditSnapshot.person(before),
      after: auditSnapshot.person(updated),
    });
    return updated;
  });
}
