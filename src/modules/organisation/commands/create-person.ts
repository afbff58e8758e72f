import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type PersonRow } from '../repository.js';
import { nameSchema, optionalText } from './shared.js';

export const createPersonInput = z.strictObject({
  name: nameSchema,
  partyId: z.uuid().nullable().optional(),
  /** Officials: e.g. "kulturdirektör". */
  title: optionalText(200),
  administrationId: z.uuid().nullable().optional(),
});
export type CreatePersonInput = z.input<typeof createPersonInput>;

export async function assertPersonRefs(db: Db, data: { partyId?: string | null | undefined; administrationId?: string | null | undefined }) {
  const fields: Record<string, string[]> = {};
  if (data.partyId && !(await repo.findPartyById(db, data.partyId))) fields.partyId = ['organisation.party.unknown'];
  if (data.administrationId && !(await repo.findAdministrationById(db, data.administrationId))) fields.administrationId = ['organisation.administration.unknown'];
  if (Object.keys(fields).length) throw new Invalid(fields);
}

/** Add a politician or official. Names are not unique: two people may share one. */
export async function createPerson(ctx: Ctx, input: CreatePersonInput): Promise<PersonRow> {
  const data = validate(createPersonInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return ctx.db.transaction(async (tx) => {
    await assertPersonRefs(tx, data);
    const now = ctx.clock.now();
    const row = await repo.insertPerson(tx, {
      name: data.name.replace(/\s+/g, ' '),
      partyId: data.partyId ?? null,
      title: data.title || null,
      administrationId: data.administrationId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, ctx, { action: 'organisation.person.create', subjectType: 'person', subjectId: row.id, after: auditSnapshot.person(row) });
    return row;
  });
}
