import { z } from 'zod';
import { PAGE_SIZE_MAX } from '../queries.js';
import { BODY_KINDS, MEMBERSHIP_ROLES } from '../schema.js';

/** Response and query schemas of the organisation API. Request bodies are the commands' own input schemas. */
export const idParams = z.strictObject({ id: z.uuid() });

const lang = z.enum(['sv', 'en']).optional();
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(20),
  lang,
};
const flag = z.enum(['true', 'false']).optional();
const isoDay = z.iso.date();

export const listBodiesQuery = z.strictObject({
  ...paging,
  kind: z.enum(BODY_KINDS).optional(),
  q: z.string().trim().max(200).optional(),
  includeArchived: flag,
});
export const bodyDetailQuery = z.strictObject({ on: isoDay.optional(), lang });
export const listAdministrationsQuery = z.strictObject({ ...paging, bodyId: z.uuid().optional() });
export const listPartiesQuery = z.strictObject(paging);
export const listPeopleQuery = z.strictObject({
  ...paging,
  q: z.string().trim().max(200).optional(),
  partyId: z.uuid().optional(),
  administrationId: z.uuid().optional(),
});
export const listMembershipsQuery = z.strictObject({ ...paging, on: isoDay.optional(), role: z.enum(MEMBERSHIP_ROLES).optional() });

const timestamps = { createdAt: z.string(), updatedAt: z.string() };

export const bodySchema = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: z.enum(BODY_KINDS),
    description: z.string().nullable(),
    registryPattern: z.string(),
    defaultClassCode: z.string().nullable(),
    archived: z.boolean(),
    archivedAt: z.string().nullable(),
    ...timestamps,
  })
  .meta({ id: 'Body' });

export const administrationSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), bodyId: z.uuid().nullable(), bodyName: z.string().nullable(), ...timestamps })
  .meta({ id: 'Administration' });

export const partySchema = z.object({ id: z.uuid(), abbreviation: z.string(), name: z.string(), ...timestamps }).meta({ id: 'Party' });

export const personSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    partyId: z.uuid().nullable(),
    partyAbbreviation: z.string().nullable(),
    title: z.string().nullable(),
    administrationId: z.uuid().nullable(),
    administrationName: z.string().nullable(),
    ...timestamps,
  })
  .meta({ id: 'Person' });

export const membershipSchema = z
  .object({
    id: z.uuid(),
    bodyId: z.uuid(),
    personId: z.uuid(),
    personName: z.string().nullable(),
    role: z.enum(MEMBERSHIP_ROLES),
    partyId: z.uuid().nullable(),
    partyAbbreviation: z.string().nullable(),
    fromDate: z.string(),
    toDate: z.string().nullable(),
    ...timestamps,
  })
  .meta({ id: 'Membership' });

export const bodyDetailSchema = bodySchema
  .extend({
    administrations: z.array(administrationSchema),
    /** The day the member list is for (today in Stockholm unless `?on=` is given). */
    membersOn: z.string(),
    members: z.array(z.object({ role: z.enum(MEMBERSHIP_ROLES), memberships: z.array(membershipSchema) })),
  })
  .meta({ id: 'BodyDetail' });

const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.number().int(), pageSize: z.number().int(), total: z.number().int() });

export const bodyPageSchema = pageSchema(bodySchema);
export const administrationPageSchema = pageSchema(administrationSchema);
export const partyPageSchema = pageSchema(partySchema);
export const personPageSchema = pageSchema(personSchema);
export const membershipPageSchema = pageSchema(membershipSchema);

/** Same shape as the auth module's `Error` (the error handler writes it). */
export const organisationErrorSchema = z.object({
  error: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.array(z.string())).optional(),
});

export const errorResponses = {
  400: organisationErrorSchema,
  401: organisationErrorSchema,
  403: organisationErrorSchema,
  404: organisationErrorSchema,
  409: organisationErrorSchema,
  422: organisationErrorSchema,
};
