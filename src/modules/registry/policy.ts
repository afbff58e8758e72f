import { definePermissions, type Subject } from '../../access/permissions.js';
import { hasRole, isAdministrator, type Actor, type Role } from '../../auth/actor.js';

/**
 * Who may write the registry. Reading is `PUBLIC`; classified content is filtered by the queries
 * with `canReadClassified` / `readScope` (src/access/classification.ts).
 *
 * Without a subject a rule answers the route-level question "may this actor do this anywhere?"
 * (e.g. show the form); commands ask again with `{ bodyId }` of the case concerned.
 */
export const REGISTRY_REGISTER = 'registry.register';
export const REGISTRY_EDIT = 'registry.edit';
export const REGISTRY_CLASSIFY = 'registry.classify';

const holdsFor = (actor: Actor, roles: readonly Role[], subject?: Subject): boolean => {
  if (isAdministrator(actor)) return true;
  // With a subject, a grant must be city-wide or for that very body (a missing bodyId matches nothing).
  const bodyId = subject === undefined ? undefined : (subject.bodyId ?? null);
  return roles.some((role) => hasRole(actor, role, bodyId));
};

definePermissions({
  /** Register cases and documents (incl. archive cases with an existing number or an earlier year). */
  [REGISTRY_REGISTER]: (actor, subject) => holdsFor(actor, ['registrar'], subject),
  /** Change a case or document, add attachments. */
  [REGISTRY_EDIT]: (actor, subject) => holdsFor(actor, ['registrar', 'caseOfficer'], subject),
  /** Set or change K/R/T and the secrecy ground. */
  [REGISTRY_CLASSIFY]: (actor, subject) => holdsFor(actor, ['registrar'], subject),
});
