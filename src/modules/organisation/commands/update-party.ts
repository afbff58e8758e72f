import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type PartyRow } from '../repository.js';
import { abbreviationSchema, assertPartyFree, PARTY_ABBREVIATION_TAKEN } from './create-party.js';
import { assertId, mapUniqueViolations, nameSchema } from './shared.js';

export const updatePartyInput = z.strictObject({
  abbreviation: abbreviationSchema.optional(),
  name: nameSchema.optional(),
});
export type UpdatePartyInput = z.input<typeof updatePartyInput>;

export async function updateParty(ctx: Ctx, partyId: string, input: UpdatePartyInput): Promise<PartyRow> {
  const data = validate(updatePartyInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        const before = await repo.findPartyById(tx, assertId(partyId, 'party'));
        if (!before) throw new NotFound('party');
        await assertPartyFree(tx, data, partyId);
        const updated = await repo.updateParty(tx, partyId, {
          ...(data.abbreviation !== undefined && { abbreviation: data.abbreviation }),
          ...(data.name !== undefined && { name: data.name }),
          updatedAt: ctx.clock.now(),
        });
        if (!updated) throw new NotFound('party');
        await recordAudit(tx, ctx, {
          action: 'organisation.party.update',
          subjectType: 'party',
          subjectId: partyId,
          before: auditSnapshot.party(before),
          after: auditSnapshot.party(updated),
        });
        return updated;
      }),
    { parties_abbreviation_unique: PARTY_ABBREVIATION_TAKEN },
    PARTY_ABBREVIATION_TAKEN,
  );
}
