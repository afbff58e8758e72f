import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { validate } from '../../../core/validation.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { organisationRepository as repo, type PersonRow } from '../repository.js';
import { createPerson } from './create-person.js';
import { nameSchema, optionalText } from './shared.js';

export const ensurePersonInput = z.strictObject({
  name: nameSchema,
  partyId: z.uuid().nullable().optional(),
  title: optionalText(200),
  administrationId: z.uuid().nullable().optional(),
});
export type EnsurePersonInput = z.input<typeof ensurePersonInput>;

/**
 * The person with this name, created (through createPerson, so authorised and audited) if there
 * is none. For importers and demo data: "Abit Dundar (L)" in a protocol is the L politician
 * Abit Dundar. Names are matched case-insensitively with spaces collapsed; with a party, only
 * someone of that party matches; with an administration (officials), only someone there or
 * without one. An existing person is returned unchanged.
 */
export async function ensurePerson(ctx: Ctx, input: EnsurePersonInput): Promise<{ person: PersonRow; created: boolean }> {
  const data = validate(ensurePersonInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  const candidates = await repo.findPeopleByName(ctx.db, data.name);
  const match = candidates.find(
    (p) =>
      (data.partyId ? p.partyId === data.partyId : true) &&
      (data.administrationId ? p.administrationId === data.administrationId || p.administrationId === null : true),
  );
  if (match) return { person: match, created: false };
  return { person: await createPerson(ctx, data), created: true };
}
