import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type PartyRow } from '../repository.js';
import { mapUniqueViolations, nameSchema } from './shared.js';

/** MP, S, V, M, L, C, KD, SD … letters only, as printed after a name: "Abit Dundar (L)". */
export const abbreviationSchema = z
  .string()
  .trim()
  .min(1, { error: 'organisation.field.required' })
  .max(10)
  .regex(/^\p{L}+$/u, { message: 'organisation.party.abbreviationFormat' });

export const createPartyInput = z.strictObject({
  abbreviation: abbreviationSchema,
  name: nameSchema,
});
export type CreatePartyInput = z.input<typeof createPartyInput>;

export const PARTY_ABBREVIATION_TAKEN = { abbreviation: ['organisation.party.abbreviationTaken'] };
export const PARTY_NAME_TAKEN = { name: ['organisation.party.nameTaken'] };

export async function assertPartyFree(db: Db, data: { abbreviation?: string | undefined; name?: string | undefined }, exceptId?: string) {
  const fields: Record<string, string[]> = {};
  if (data.abbreviation !== undefined && (await repo.findPartyByAbbreviation(db, data.abbreviation, exceptId))) Object.assign(fields, PARTY_ABBREVIATION_TAKEN);
  if (data.name !== undefined && (await repo.findPartyByName(db, data.name, exceptId))) Object.assign(fields, PARTY_NAME_TAKEN);
  if (Object.keys(fields).length) throw new Invalid(fields);
}

export async function createParty(ctx: Ctx, input: CreatePartyInput): Promise<PartyRow> {
  const data = validate(createPartyInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        await assertPartyFree(tx, data);
        const now = ctx.clock.now();
        const row = await repo.insertParty(tx, { abbreviation: data.abbreviation, name: data.name, createdAt: now, updatedAt: now });
        await recordAudit(tx, ctx, { action: 'organisation.party.create', subjectType: 'party', subjectId: row.id, after: auditSnapshot.party(row) });
        return row;
      }),
    { parties_abbreviation_unique: PARTY_ABBREVIATION_TAKEN },
    PARTY_ABBREVIATION_TAKEN,
  );
}
