import { hasRole, isAdministrator, type Actor, type Role } from '../auth/actor.js';

/**
 * KLASSA confidentiality (K): 0 = public (offentlig), 1–4 = increasingly serious harm on
 * disclosure. Public by default (offentlighetsprincipen); above 0 only the owning body's staff
 * and administrators may read the content. The registry entry itself stays public, without its subject.
 */
export const PUBLIC_CONFIDENTIALITY = 0;

/** Roles that work inside a body's registry and may read its classified material. */
const STAFF_ROLES: readonly Role[] = ['registrar', 'caseOfficer', 'boardSecretary'];

export interface Classified {
  bodyId: string | null;
  confidentiality: number;
}

export function canReadClassified(actor: Actor, subject: Classified): boolean {
  if (subject.confidentiality <= PUBLIC_CONFIDENTIALITY) return true;
  if (isAdministrator(actor)) return true;
  if (subject.bodyId === null) return false;
  return STAFF_ROLES.some((role) => hasRole(actor, role, subject.bodyId));
}

/**
 * The same rule in bulk, for repositories to turn into a WHERE clause:
 * `all` → no restriction; otherwise public rows plus rows of the listed bodies.
 */
export type ReadScope = { all: true } | { all: false; bodyIds: string[] };

export function readScope(actor: Actor): ReadScope {
  if (isAdministrator(actor)) return { all: true };
  if (actor.kind !== 'user') return { all: false, bodyIds: [] };
  const bodyIds = new Set<string>();
  for (const grant of actor.grants) {
    if (!STAFF_ROLES.includes(grant.role)) continue;
    if (grant.bodyId === null) return { all: true };
    bodyIds.add(grant.bodyId);
  }
  return { all: false, bodyIds: [...bodyIds] };
}
