import { isUuid } from '../../core/ids.js';
import type { Db } from '../../db/client.js';
import { groupByRole } from './presenters.js';
import { organisationRepository as repo, type BodyRow, type MembershipView } from './repository.js';
import { BODY_KINDS, type BodyKind, type MembershipRole } from './schema.js';

/**
 * Read use cases. The organisation is public (offentlig): no read rules beyond leaving
 * archived bodies out of the lists unless asked for.
 */
export interface PageRequest {
  page: number;
  pageSize: number;
}
export interface PageOf<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const PAGE_SIZE_MAX = 100;
const paging = ({ page, pageSize }: PageRequest) => {
  const size = Math.min(Math.max(1, Math.trunc(pageSize)), PAGE_SIZE_MAX);
  const p = Math.max(1, Math.trunc(page));
  return { page: p, pageSize: size, offset: (p - 1) * size, limit: size };
};
const pageOf = <T>(rows: T[], total: number, p: { page: number; pageSize: number }): PageOf<T> => ({ items: rows, page: p.page, pageSize: p.pageSize, total });

/** Lookups by an id that is not a uuid find nothing (instead of a database error). */
const maybeId = (id: string) => isUuid(id);

// ── bodies ─────────────────────────────────────────────────────────────────

export async function findBodyById(db: Db, id: string): Promise<BodyRow | undefined> {
  return maybeId(id) ? repo.findBodyById(db, id) : undefined;
}

export async function findBodyBySlug(db: Db, slug: string): Promise<BodyRow | undefined> {
  return repo.findBodyBySlug(db, slug);
}

/** Case-insensitive lookup by the body's full name, e.g. "Socialnämnden". */
export async function findBodyByName(db: Db, name: string): Promise<BodyRow | undefined> {
  return repo.findBodyByName(db, name);
}

export async function listBodies(
  db: Db,
  opts: PageRequest & { kind?: BodyKind | undefined; includeArchived?: boolean | undefined; q?: string | undefined },
): Promise<PageOf<BodyRow>> {
  const p = paging(opts);
  const { rows, total } = await repo.listBodies(db, { ...p, kind: opts.kind, includeArchived: opts.includeArchived ?? false, q: opts.q });
  return pageOf(rows, total, p);
}

/**
 * Active bodies grouped by kind in the order of BODY_KINDS (city council first), each group
 * with at most `perKind` bodies and its total, for the public overview page.
 */
export async function bodiesByKind(db: Db, perKind = 50): Promise<Array<{ kind: BodyKind; bodies: BodyRow[]; total: number }>> {
  const counts = new Map((await repo.countBodiesByKind(db)).map((c) => [c.kind, c.n]));
  const groups = [];
  for (const kind of BODY_KINDS) {
    const total = counts.get(kind) ?? 0;
    if (total === 0) continue;
    const { rows } = await repo.listBodies(db, { kind, offset: 0, limit: perKind });
    groups.push({ kind, bodies: rows, total });
  }
  return groups;
}

/** A body with its administrations and the members in force on `on` (YYYY-MM-DD), grouped by role. */
export async function bodyDetail(db: Db, body: BodyRow, on: string) {
  const administrations = (await repo.listAdministrations(db, { bodyId: body.id, offset: 0, limit: PAGE_SIZE_MAX })).rows;
  // A board has at most a few hundred seats; 1000 keeps even the largest council whole.
  const current = (await repo.listMemberships(db, body.id, { on, offset: 0, limit: 1000 })).rows;
  return { body, administrations, on, members: groupByRole(sortByName(current)) };
}

const collator = new Intl.Collator('sv');
const sortByName = (rows: MembershipView[]) => [...rows].sort((a, b) => collator.compare(a.personName, b.personName));

// ── administrations ────────────────────────────────────────────────────────

export async function listAdministrations(db: Db, opts: PageRequest & { bodyId?: string | undefined }) {
  const p = paging(opts);
  const { rows, total } = await repo.listAdministrations(db, { ...p, bodyId: opts.bodyId });
  return pageOf(rows, total, p);
}

export async function findAdministrationById(db: Db, id: string) {
  return maybeId(id) ? repo.findAdministrationById(db, id) : undefined;
}

export async function findAdministrationBySlug(db: Db, slug: string) {
  return repo.findAdministrationBySlug(db, slug);
}

export async function findAdministrationByName(db: Db, name: string) {
  return repo.findAdministrationByName(db, name);
}

/** The administration with the name of the body it serves. */
export async function administrationView(db: Db, id: string) {
  if (!maybeId(id)) return undefined;
  const row = await repo.findAdministrationById(db, id);
  if (!row) return undefined;
  const body = row.bodyId ? await repo.findBodyById(db, row.bodyId) : undefined;
  return { ...row, bodyName: body?.name ?? null, bodySlug: body?.slug ?? null };
}

// ── parties ────────────────────────────────────────────────────────────────

export async function listParties(db: Db, opts: PageRequest) {
  const p = paging(opts);
  const { rows, total } = await repo.listParties(db, p);
  return pageOf(rows, total, p);
}

export async function findPartyById(db: Db, id: string) {
  return maybeId(id) ? repo.findPartyById(db, id) : undefined;
}

/** "L" → Liberalerna; case-insensitive. */
export async function findPartyByAbbreviation(db: Db, abbreviation: string) {
  return repo.findPartyByAbbreviation(db, abbreviation.trim());
}

// ── people ─────────────────────────────────────────────────────────────────

export async function listPeople(
  db: Db,
  opts: PageRequest & { q?: string | undefined; partyId?: string | undefined; administrationId?: string | undefined },
) {
  const p = paging(opts);
  const { rows, total } = await repo.listPeople(db, { ...p, q: opts.q?.trim() || undefined, partyId: opts.partyId, administrationId: opts.administrationId });
  return pageOf(rows, total, p);
}

export async function findPersonById(db: Db, id: string) {
  return maybeId(id) ? repo.findPersonById(db, id) : undefined;
}

/** Everyone with this name (case-insensitive), oldest record first. */
export async function findPeopleByName(db: Db, name: string) {
  return repo.findPeopleByName(db, name);
}

// ── memberships ────────────────────────────────────────────────────────────

export async function listMemberships(
  db: Db,
  bodyId: string,
  opts: PageRequest & { on?: string | undefined; role?: MembershipRole | undefined },
): Promise<PageOf<MembershipView>> {
  const p = paging(opts);
  const { rows, total } = await repo.listMemberships(db, bodyId, { ...p, on: opts.on, role: opts.role });
  return pageOf(rows, total, p);
}

export async function findMembershipById(db: Db, id: string) {
  return maybeId(id) ? repo.findMembershipById(db, id) : undefined;
}

/** Row counts of the module's tables (demo summary, tests). */
export async function organisationCounts(db: Db) {
  return repo.counts(db);
}

// ── choices for the admin forms' select lists ──────────────────────────────

/** Longer than any page: the select lists of the forms show everything. */
const CHOICES_MAX = 2000;

export async function bodyChoices(db: Db) {
  return (await repo.listBodies(db, { offset: 0, limit: CHOICES_MAX, includeArchived: false })).rows;
}
export async function partyChoices(db: Db) {
  return (await repo.listParties(db, { offset: 0, limit: CHOICES_MAX })).rows;
}
export async function administrationChoices(db: Db) {
  return (await repo.listAdministrations(db, { offset: 0, limit: CHOICES_MAX })).rows;
}
export async function personChoices(db: Db) {
  return (await repo.listPeople(db, { offset: 0, limit: CHOICES_MAX })).rows;
}
