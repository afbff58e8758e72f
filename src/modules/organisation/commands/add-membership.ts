import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import type { Db } from '../../../db/client.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { auditSnapshot } from '../presenters.js';
import { organisationRepository as repo, type MembershipRow } from '../repository.js';
import { MEMBERSHIP_ROLES, type MembershipRole } from '../schema.js';
import { assertId, isoDate, mapUniqueViolations } from './shared.js';

/** The end date may be the start date (a one-day assignment), never before it. */
export const TO_BEFORE_FROM = 'organisation.membership.toBeforeFrom';

export const addMembershipInput = z
  .strictObject({
    personId: z.uuid({ error: 'organisation.membership.personRequired' }),
    role: z.enum(MEMBERSHIP_ROLES, { error: 'organisation.membership.roleRequired' }),
    /** The party represented on this body; defaults to the person's party today. */
    partyId: z.uuid().nullable().optional(),
    fromDate: isoDate,
    toDate: isoDate.nullable().optional(),
  })
  .refine((m) => !m.toDate || m.toDate >= m.fromDate, { path: ['toDate'], message: TO_BEFORE_FROM });
export type AddMembershipInput = z.input<typeof addMembershipInput>;

export const MEMBERSHIP_DUPLICATE = { fromDate: ['organisation.membership.duplicate'] };
export const MEMBERSHIP_OVERLAP = { fromDate: ['organisation.membership.overlaps'] };

/** The same person cannot hold the same role on the same body twice at once. */
export async function assertNoOverlap(
  db: Db,
  key: { personId: string; bodyId: string; role: MembershipRole; fromDate: string; toDate: string | null },
  exceptId?: string,
) {
  if (await repo.findMembership(db, key, exceptId)) throw new Invalid(MEMBERSHIP_DUPLICATE);
  if (await repo.findOverlappingMembership(db, key, exceptId)) throw new Invalid(MEMBERSHIP_OVERLAP);
}

/** Make a person member, substitute, serving substitute or chair of a body from a date. */
export async function addMembership(ctx: Ctx, bodyId: string, input: AddMembershipInput): Promise<MembershipRow> {
  const data = validate(addMembershipInput, input);
  authorize(ctx.actor, ORGANISATION_MANAGE);
  return mapUniqueViolations(
    () =>
      ctx.db.transaction(async (tx) => {
        const body = await repo.findBodyById(tx, assertId(bodyId, 'body'));
        if (!body) throw new NotFound('body');
        const person = await repo.findPersonById(tx, data.personId);
        if (!person) throw new Invalid({ personId: ['organisation.person.unknown'] });
        if (data.partyId && !(await repo.findPartyById(tx, data.partyId))) throw new Invalid({ partyId: ['organisation.party.unknown'] });
        const key = { personId: person.id, bodyId, role: data.role, fromDate: data.fromDate, toDate: data.toDate ?? null };
        await assertNoOverlap(tx, key);
        const now = ctx.clock.now();
        const row = await repo.insertMembership(tx, {
          ...key,
          partyId: data.partyId === undefined ? person.partyId : data.partyId,
          createdAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, ctx, {
          action: 'organisation.membership.add',
          subjectType: 'membership',
          subjectId: row.id,
          after: auditSnapshot.membership(row),
          details: { body: body.name, person: person.name },
        });
        return row;
      }),
    { memberships_unique: MEMBERSHIP_DUPLICATE },
    MEMBERSHIP_DUPLICATE,
  );
}
