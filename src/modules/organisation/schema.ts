import { date, index, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const BODY_KINDS = [
  'cityCouncil',
  'executiveBoard',
  'specialistBoard',
  'districtBoard',
  'companyBoard',
  'digitalisationCouncil',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const bodyKindEnum = pgEnum('body_kind', BODY_KINDS);

export const MEMBERSHIP_ROLES = ['member', 'substitute', 'servingSubstitute', 'chair'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const membershipRoleEnum = pgEnum('membership_role', MEMBERSHIP_ROLES);

/** Nämnd, styrelse, råd: a body that decides. */
export const bodies = pgTable('bodies', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull().unique(),
  shortName: text('short_name'),
  kind: bodyKindEnum('kind').notNull(),
  description: text('description'),
  /** Registry number pattern, e.g. "{seq}-{year}-{class}" → 304-2016-1.5.1 (see registry/numbering.ts). */
  registryPattern: text('registry_pattern').notNull().default('{seq}-{year}'),
  /** Default filing-plan class for {class} when a case names none. */
  defaultClassCode: text('default_class_code'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
});

/** Förvaltning: the officials serving a body. */
export const administrations = pgTable('administrations', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull().unique(),
  bodyId: uuid('body_id').references(() => bodies.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const parties = pgTable('parties', {
  id: uuid('id').primaryKey().defaultRandom(),
  abbreviation: text('abbreviation').notNull().unique(),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Politicians and officials named in documents. */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'set null' }),
    /** Officials: e.g. "arbetsmarknadsdirektör" at their administration. */
    title: text('title'),
    administrationId: uuid('administration_id').references(() => administrations.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('people_name_idx').on(t.name)],
);

export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    bodyId: uuid('body_id')
      .notNull()
      .references(() => bodies.id, { onDelete: 'cascade' }),
    role: membershipRoleEnum('role').notNull(),
    /** Party the person represents on this body (may differ over time). */
    partyId: uuid('party_id').references(() => parties.id, { onDelete: 'set null' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('memberships_body_idx').on(t.bodyId),
    unique('memberships_unique').on(t.personId, t.bodyId, t.role, t.fromDate),
  ],
);
