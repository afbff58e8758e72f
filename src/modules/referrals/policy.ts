import { definePermissions, type Subject } from '../../access/permissions.js';
import { hasRole, isAdministrator, type Actor, type Role } from '../../auth/actor.js';

/**
 * Who may do what with referral rounds. Reading is `PUBLIC`; a round whose sender case is
 * classified is filtered by the queries (src/access/classification.ts).
 *
 * Without a subject a rule answers "may this actor do this anywhere?" (route level, show a form);
 * commands ask again with `{ bodyId }`: the sender body for the round, the recipient body for a
 * recipient's status and answer.
 */
export const REFERRALS_MANAGE = 'referrals.manage';
export const REFERRALS_RESPOND = 'referrals.respond';
export const REFERRAL_GROUPS_MANAGE = 'referrals.groups.manage';

/** The recipient's staff: they register, prepare and present the answer. */
export const RESPONDER_ROLES: readonly Role[] = ['registrar', 'caseOfficer', 'boardSecretary'];

export const holdsFor = (actor: Actor, roles: readonly Role[], subject?: Subject): boolean => {
  if (isAdministrator(actor)) return true;
  // With a subject, a grant must be city-wide or for that very body (a missing bodyId matches nothing).
  const bodyId = subject === undefined ? undefined : (subject.bodyId ?? null);
  return roles.some((role) => hasRole(actor, role, bodyId));
};

definePermissions({
  /** Create, change and send a round: the sender body's registrars. */
  [REFERRALS_MANAGE]: (actor, subject) => holdsFor(actor, ['registrar'], subject),
  /** Move a recipient's status, decline or answer: the recipient body's registrar, case officers, board secretary. */
  [REFERRALS_RESPOND]: (actor, subject) => holdsFor(actor, RESPONDER_ROLES, subject),
  /** Saved recipient groups are shared city-wide: any registrar, and administrators. */
  [REFERRAL_GROUPS_MANAGE]: (actor) => holdsFor(actor, ['registrar']),
});
