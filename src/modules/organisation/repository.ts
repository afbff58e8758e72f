import { and, asc, count, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { administrations, bodies, memberships, parties, people, type BodyKind, type MembershipRole } from './schema.js';

export type BodyRow = typeof bodies.$inferSelect;
export type AdministrationRow = typeof administrations.$inferSelect;
export type PartyRow = typeof parties.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type MembershipRow = typeof memberships.$inferSelect;

/** A person with the names of their party and administration. */
export type PersonView = PersonRow & {
  partyAbbreviation: string | null;
  partyName: string | null;
  administrationName: string | null;
  administrationSlug: string | null;
};
/** A membership with the person's name and the party represented (the membership's, else the person's). */
export type MembershipView = MembershipRow & {
  personName: string;
  personTitle: string | null;
  partyAbbreviation: string | null;
  partyName: string | null;
  effectivePartyId: string | null;
};
export type AdministrationView = AdministrationRow & { bodyName: string | null; bodySlug: string | null };

export interface Paging {
  offset: number;
  limit: number;
}

/** `%`, `_` and `\` typed by a user are literal characters in a search, not wildcards. */
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** Case-insensitive equality, lower-cased by the database on both sides so the two always agree. */
const sameText = (column: AnyColumn, value: string): SQL => sql`lower(${column}) = lower(${value})`;

const personColumns = {
  id: people.id,
  name: people.name,
  partyId: people.partyId,
  title: people.title,
  administrationId: people.administrationId,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
  partyAbbreviation: parties.abbreviation,
  partyName: parties.name,
  administrationName: administrations.name,
  administrationSlug: administrations.slug,
};

const membershipColumns = {
  id: memberships.id,
  personId: memberships.personId,
  bodyId: memberships.bodyId,
  role: memberships.role,
  partyId: memberships.partyId,
  fromDate: memberships.fromDate,
  toDate: memberships.toDate,
  createdAt: memberships.createdAt,
  updatedAt: memberships.updatedAt,
  personName: people.name,
  personTitle: people.title,
  partyAbbreviation: parties.abbreviation,
  partyName: parties.name,
  effectivePartyId: sql<string | null>`coalesce(${memberships.partyId}, ${people.partyId})`,
};

export const organisationRepository = {
  // ── bodies ──────────────────────────────────────────────────────────────
  async findBodyById(db: Db, id: string): Promise<BodyRow | undefined> {
    const [row] = await db.select().from(bodies).where(eq(bodies.id, id));
    return row;
  },
  async findBodyBySlug(db: Db, slug: string): Promise<BodyRow | undefined> {
    const [row] = await db.select().from(bodies).where(eq(bodies.slug, slug));
    return row;
  },
  /** Case-insensitive: "kulturnämnden" and "Kulturnämnden" are the same body. */
  async findBodyByName(db: Db, name: string, exceptId?: string): Promise<BodyRow | undefined> {
    const [row] = await db
      .select()
      .from(bodies)
      .where(and(sameText(bodies.name, name), exceptId ? ne(bodies.id, exceptId) : undefined));
    return row;
  },
  async listBodies(db: Db, opts: Paging & { kind?: BodyKind | undefined; includeArchived?: boolean; q?: string | undefined }) {
    const where = and(
      opts.kind ? eq(bodies.kind, opts.kind) : undefined,
      opts.includeArchived ? undefined : isNull(bodies.archivedAt),
      opts.q ? or(ilike(bodies.name, `%${escapeLike(opts.q)}%`), ilike(bodies.shortName, `%${escapeLike(opts.q)}%`)) : undefined,
    );
    const rows = await db.select().from(bodies).where(where).orderBy(asc(bodies.name), asc(bodies.id)).offset(opts.offset).limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(bodies).where(where);
    return { rows, total: total?.n ?? 0 };
  },
  async countBodiesByKind(db: Db, includeArchived = false): Promise<Array<{ kind: BodyKind; n: number }>> {
    return db
      .select({ kind: bodies.kind, n: count() })
      .from(bodies)
      .where(includeArchived ? undefined : isNull(bodies.archivedAt))
      .groupBy(bodies.kind);
  },
  async insertBody(db: Db, row: typeof bodies.$inferInsert): Promise<BodyRow> {
    const [created] = await db.insert(bodies).values(row).returning();
    return created!;
  },
  async updateBody(db: Db, id: string, patch: Partial<typeof bodies.$inferInsert>): Promise<BodyRow | undefined> {
    const [row] = await db.update(bodies).set(patch).where(eq(bodies.id, id)).returning();
    return row;
  },
  async bodySlugsLike(db: Db, base: string): Promise<string[]> {
    const rows = await db.select({ slug: bodies.slug }).from(bodies).where(or(eq(bodies.slug, base), ilike(bodies.slug, `${escapeLike(base)}-%`)));
    return rows.map((r) => r.slug);
  },

  // ── administrations ─────────────────────────────────────────────────────
  async findAdministrationById(db: Db, id: string): Promise<AdministrationRow | undefined> {
    const [row] = await db.select().from(administrations).where(eq(administrations.id, id));
    return row;
  },
  async findAdministrationBySlug(db: Db, slug: string): Promise<AdministrationRow | undefined> {
    const [row] = await db.select().from(administrations).where(eq(administrations.slug, slug));
    return row;
  },
  async findAdministrationByName(db: Db, name: string, exceptId?: string): Promise<AdministrationRow | undefined> {
    const [row] = await db
      .select()
      .from(administrations)
      .where(and(sameText(administrations.name, name), exceptId ? ne(administrations.id, exceptId) : undefined));
    return row;
  },
  async listAdministrations(db: Db, opts: Paging & { bodyId?: string | undefined }) {
    const where = opts.bodyId ? eq(administrations.bodyId, opts.bodyId) : undefined;
    const rows = await db
      .select({
        id: administrations.id,
        slug: administrations.slug,
        name: administrations.name,
        bodyId: administrations.bodyId,
        createdAt: administrations.createdAt,
        updatedAt: administrations.updatedAt,
        bodyName: bodies.name,
        bodySlug: bodies.slug,
      })
      .from(administrations)
      .leftJoin(bodies, eq(bodies.id, administrations.bodyId))
      .where(where)
      .orderBy(asc(administrations.name), asc(administrations.id))
      .offset(opts.offset)
      .limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(administrations).where(where);
    return { rows: rows as AdministrationView[], total: total?.n ?? 0 };
  },
  async insertAdministration(db: Db, row: typeof administrations.$inferInsert): Promise<AdministrationRow> {
    const [created] = await db.insert(administrations).values(row).returning();
    return created!;
  },
  async updateAdministration(db: Db, id: string, patch: Partial<typeof administrations.$inferInsert>): Promise<AdministrationRow | undefined> {
    const [row] = await db.update(administrations).set(patch).where(eq(administrations.id, id)).returning();
    return row;
  },
  async deleteAdministration(db: Db, id: string): Promise<boolean> {
    const rows = await db.delete(administrations).where(eq(administrations.id, id)).returning({ id: administrations.id });
    return rows.length > 0;
  },
  async administrationSlugsLike(db: Db, base: string): Promise<string[]> {
    const rows = await db
      .select({ slug: administrations.slug })
      .from(administrations)
      .where(or(eq(administrations.slug, base), ilike(administrations.slug, `${escapeLike(base)}-%`)));
    return rows.map((r) => r.slug);
  },
  async countPeopleOfAdministration(db: Db, id: string): Promise<number> {
    const [row] = await db.select({ n: count() }).from(people).where(eq(people.administrationId, id));
    return row?.n ?? 0;
  },

  // ── parties ─────────────────────────────────────────────────────────────
  async findPartyById(db: Db, id: string): Promise<PartyRow | undefined> {
    const [row] = await db.select().from(parties).where(eq(parties.id, id));
    return row;
  },
  async findPartyByAbbreviation(db: Db, abbreviation: string, exceptId?: string): Promise<PartyRow | undefined> {
    const [row] = await db
      .select()
      .from(parties)
      .where(and(sameText(parties.abbreviation, abbreviation), exceptId ? ne(parties.id, exceptId) : undefined));
    return row;
  },
  async findPartyByName(db: Db, name: string, exceptId?: string): Promise<PartyRow | undefined> {
    const [row] = await db
      .select()
      .from(parties)
      .where(and(sameText(parties.name, name), exceptId ? ne(parties.id, exceptId) : undefined));
    return row;
  },
  async listParties(db: Db, opts: Paging) {
    const rows = await db.select().from(parties).orderBy(asc(parties.abbreviation)).offset(opts.offset).limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(parties);
    return { rows, total: total?.n ?? 0 };
  },
  async insertParty(db: Db, row: typeof parties.$inferInsert): Promise<PartyRow> {
    const [created] = await db.insert(parties).values(row).returning();
    return created!;
  },
  async updateParty(db: Db, id: string, patch: Partial<typeof parties.$inferInsert>): Promise<PartyRow | undefined> {
    const [row] = await db.update(parties).set(patch).where(eq(parties.id, id)).returning();
    return row;
  },

  // ── people ──────────────────────────────────────────────────────────────
  async findPersonById(db: Db, id: string): Promise<PersonView | undefined> {
    const [row] = await db
      .select(personColumns)
      .from(people)
      .leftJoin(parties, eq(parties.id, people.partyId))
      .leftJoin(administrations, eq(administrations.id, people.administrationId))
      .where(eq(people.id, id));
    return row;
  },
  /** Everyone with this name (names are not unique), case-insensitively and with spaces collapsed. */
  async findPeopleByName(db: Db, name: string): Promise<PersonRow[]> {
    return db
      .select()
      .from(people)
      .where(sql`lower(regexp_replace(${people.name}, '\\s+', ' ', 'g')) = lower(${name.replace(/\s+/g, ' ').trim()})`)
      .orderBy(asc(people.createdAt), asc(people.id));
  },
  async listPeople(db: Db, opts: Paging & { q?: string | undefined; partyId?: string | undefined; administrationId?: string | undefined }) {
    const where = and(
      opts.q ? or(ilike(people.name, `%${escapeLike(opts.q)}%`), ilike(people.title, `%${escapeLike(opts.q)}%`)) : undefined,
      opts.partyId ? eq(people.partyId, opts.partyId) : undefined,
      opts.administrationId ? eq(people.administrationId, opts.administrationId) : undefined,
    );
    const rows = await db
      .select(personColumns)
      .from(people)
      .leftJoin(parties, eq(parties.id, people.partyId))
      .leftJoin(administrations, eq(administrations.id, people.administrationId))
      .where(where)
      .orderBy(asc(people.name), asc(people.id))
      .offset(opts.offset)
      .limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(people).where(where);
    return { rows, total: total?.n ?? 0 };
  },
  async insertPerson(db: Db, row: typeof people.$inferInsert): Promise<PersonRow> {
    const [created] = await db.insert(people).values(row).returning();
    return created!;
  },
  async updatePerson(db: Db, id: string, patch: Partial<typeof people.$inferInsert>): Promise<PersonRow | undefined> {
    const [row] = await db.update(people).set(patch).where(eq(people.id, id)).returning();
    return row;
  },

  // ── memberships ─────────────────────────────────────────────────────────
  async findMembershipById(db: Db, id: string): Promise<MembershipView | undefined> {
    const [row] = await db
      .select(membershipColumns)
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(parties, eq(parties.id, sql`coalesce(${memberships.partyId}, ${people.partyId})`))
      .where(eq(memberships.id, id));
    return row;
  },
  async findMembership(db: Db, key: { personId: string; bodyId: string; role: MembershipRole; fromDate: string }, exceptId?: string) {
    const [row] = await db
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.personId, key.personId),
          eq(memberships.bodyId, key.bodyId),
          eq(memberships.role, key.role),
          eq(memberships.fromDate, key.fromDate),
          exceptId ? ne(memberships.id, exceptId) : undefined,
        ),
      );
    return row;
  },
  /** A membership of the same person, body and role whose period overlaps [fromDate, toDate]. */
  async findOverlappingMembership(
    db: Db,
    key: { personId: string; bodyId: string; role: MembershipRole; fromDate: string; toDate: string | null },
    exceptId?: string,
  ): Promise<MembershipRow | undefined> {
    const [row] = await db
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.personId, key.personId),
          eq(memberships.bodyId, key.bodyId),
          eq(memberships.role, key.role),
          key.toDate ? lte(memberships.fromDate, key.toDate) : undefined,
          or(isNull(memberships.toDate), gte(memberships.toDate, key.fromDate)),
          exceptId ? ne(memberships.id, exceptId) : undefined,
        ),
      )
      .limit(1);
    return row;
  },
  /**
   * Memberships of a body, newest first. With `on`, only those in force that day
   * (from ≤ day and (no end or end ≥ day)); with `ongoing`, only those without an end date.
   */
  async listMemberships(
    db: Db,
    bodyId: string,
    opts: Paging & { on?: string | undefined; role?: MembershipRole | undefined; roles?: readonly MembershipRole[] },
  ) {
    const where = and(
      eq(memberships.bodyId, bodyId),
      opts.on ? and(lte(memberships.fromDate, opts.on), or(isNull(memberships.toDate), gte(memberships.toDate, opts.on))) : undefined,
      opts.role ? eq(memberships.role, opts.role) : undefined,
      opts.roles ? inArray(memberships.role, [...opts.roles]) : undefined,
    );
    const rows = await db
      .select(membershipColumns)
      .from(memberships)
      .innerJoin(people, eq(people.id, memberships.personId))
      .leftJoin(parties, eq(parties.id, sql`coalesce(${memberships.partyId}, ${people.partyId})`))
      .where(where)
      .orderBy(sql`${memberships.fromDate} desc`, asc(people.name), asc(memberships.id))
      .offset(opts.offset)
      .limit(opts.limit);
    const [total] = await db.select({ n: count() }).from(memberships).where(where);
    return { rows, total: total?.n ?? 0 };
  },
  async insertMembership(db: Db, row: typeof memberships.$inferInsert): Promise<MembershipRow> {
    const [created] = await db.insert(memberships).values(row).returning();
    return created!;
  },
  async updateMembership(db: Db, id: string, patch: Partial<typeof memberships.$inferInsert>): Promise<MembershipRow | undefined> {
    const [row] = await db.update(memberships).set(patch).where(eq(memberships.id, id)).returning();
    return row;
  },
  async deleteMembership(db: Db, id: string): Promise<boolean> {
    const rows = await db.delete(memberships).where(eq(memberships.id, id)).returning({ id: memberships.id });
    return rows.length > 0;
  },

  // ── counts (demo summary, tests) ────────────────────────────────────────
  async counts(db: Db) {
    const one = async (table: typeof bodies | typeof administrations | typeof parties | typeof people | typeof memberships) => {
      const [row] = await db.select({ n: count() }).from(table);
      return row?.n ?? 0;
    };
    return {
      bodies: await one(bodies),
      administrations: await one(administrations),
      parties: await one(parties),
      people: await one(people),
      memberships: await one(memberships),
    };
  },
};
