import { definePermissions, type Subject } from '../../access/permissions.js';
import { hasRole, isAdministrator, type Actor, type Role } from '../../auth/actor.js';

/**
 * Who may do what in the portfolio. Reading projects, rounds, scores and decisions is `PUBLIC`
 * (offentlighetsprincipen).
 *
 * - `portfolio.write`: the owning board's staff – its registrars, case officers and board
 *   secretary (for that body or city-wide) – and administrators submit, edit and report on the
 *   board's projects, link decisions and import projects. Commands ask with `{ bodyId }` of the
 *   owner body (for a change of owner: of both bodies).
 * - `portfolio.prioritise`: members of the digitalisation council (role councilMember of the
 *   council body) and administrators create rounds, score, adjust the selection and record the
 *   funding decision. Commands ask with `{ bodyId }` of the round's council body.
 *
 * Without a subject a rule answers the route-level question "may this actor do this anywhere?".
 */
export const PORTFOLIO_WRITE = 'portfolio.write';
export const PORTFOLIO_PRIORITISE = 'portfolio.prioritise';

const WRITERS: readonly Role[] = ['registrar', 'caseOfficer', 'boardSecretary'];
const COUNCIL: readonly Role[] = ['councilMember'];

const holdsFor = (actor: Actor, roles: readonly Role[], subject?: Subject): boolean => {
  if (isAdministrator(actor)) return true;
  // With a subject, a grant must be city-wide or for that very body (a missing bodyId matches nothing).
  const bodyId = subject === undefined ? undefined : (subject.bodyId ?? null);
  return roles.some((role) => hasRole(actor, role, bodyId));
};

definePermissions({
  /** Submit, edit and report on the projects of a body; link decisions; import projects. */
  [PORTFOLIO_WRITE]: (actor, subject) => holdsFor(actor, WRITERS, subject),
  /** Prioritisation rounds of a council: create, score, select, record the funding decision. */
  [PORTFOLIO_PRIORITISE]: (actor, subject) => holdsFor(actor, COUNCIL, subject),
});

export const canWriteFor = (actor: Actor, bodyId: string) => holdsFor(actor, WRITERS, { bodyId });
export const canPrioritiseFor = (actor: Actor, bodyId: string) => holdsFor(actor, COUNCIL, { bodyId });
