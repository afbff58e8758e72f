import type { AdministrationRow, AdministrationView, BodyRow, MembershipRow, MembershipView, PartyRow, PersonRow, PersonView } from './repository.js';
import type { MembershipRole } from './schema.js';

/** Rows → API JSON. Pure; timestamps as ISO strings, dates as YYYY-MM-DD. */
export function presentBody(row: BodyRow) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind,
    description: row.description,
    registryPattern: row.registryPattern,
    defaultClassCode: row.defaultClassCode,
    archived: row.archivedAt !== null,
    archivedAt: row.archivedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type BodyJson = ReturnType<typeof presentBody>;

export function presentAdministration(row: AdministrationRow | AdministrationView) {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    bodyId: row.bodyId,
    bodyName: 'bodyName' in row ? row.bodyName : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentParty(row: PartyRow) {
  return {
    id: row.id,
    abbreviation: row.abbreviation,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentPerson(row: PersonView | PersonRow) {
  return {
    id: row.id,
    name: row.name,
    partyId: row.partyId,
    partyAbbreviation: 'partyAbbreviation' in row ? row.partyAbbreviation : null,
    title: row.title,
    administrationId: row.administrationId,
    administrationName: 'administrationName' in row ? row.administrationName : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function presentMembership(row: MembershipView | MembershipRow) {
  const view = 'personName' in row ? row : null;
  return {
    id: row.id,
    bodyId: row.bodyId,
    personId: row.personId,
    personName: view?.personName ?? null,
    role: row.role,
    /** The party the person represents on this body: the membership's own, else the person's. */
    partyId: view ? view.effectivePartyId : row.partyId,
    partyAbbreviation: view?.partyAbbreviation ?? null,
    fromDate: row.fromDate,
    toDate: row.toDate,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type MembershipJson = ReturnType<typeof presentMembership>;

/** Chair first, then members, serving substitutes and substitutes (every role of MEMBERSHIP_ROLES). */
export const ROLE_ORDER: readonly MembershipRole[] = ['chair', 'member', 'servingSubstitute', 'substitute'];

/** Memberships grouped by role in ROLE_ORDER; roles without anyone are left out. */
export function groupByRole<T extends { role: MembershipRole }>(rows: readonly T[]): Array<{ role: MembershipRole; memberships: T[] }> {
  return ROLE_ORDER
    .map((role) => ({ role, memberships: rows.filter((r) => r.role === role) }))
    .filter((g) => g.memberships.length > 0);
}

/** What the audit log keeps of each kind of record (no timestamps: they are in the entry itself). */
export const auditSnapshot = {
  body: (row: BodyRow) => {
    const { createdAt: _c, updatedAt: _u, ...rest } = presentBody(row);
    return rest;
  },
  administration: (row: AdministrationRow) => ({ id: row.id, slug: row.slug, name: row.name, bodyId: row.bodyId }),
  party: (row: PartyRow) => ({ id: row.id, abbreviation: row.abbreviation, name: row.name }),
  person: (row: PersonRow) => ({ id: row.id, name: row.name, partyId: row.partyId, title: row.title, administrationId: row.administrationId }),
  membership: (row: MembershipRow) => ({
    id: row.id,
    personId: row.personId,
    bodyId: row.bodyId,
    role: row.role,
    partyId: row.partyId,
    fromDate: row.fromDate,
    toDate: row.toDate,
  }),
};
