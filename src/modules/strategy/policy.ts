import { definePermissions, type Subject } from '../../access/permissions.js';
import { hasRole, isAdministrator, type Actor, type Role } from '../../auth/actor.js';

/**
 * Strategies are public documents: every page and API read is `public`. Who may write:
 *
 * - `strategy.write` – the strategy itself (text, principles, enablers, focus areas, goals,
 *   actions, indicators, versions, adoption): administrators, and registrars and case officers of
 *   the strategy's owner body (Kommunstyrelsen for the city's strategies). Subject `{ bodyId }` is
 *   the owner body; a strategy without an owner body is written by administrators and city-wide
 *   grants only.
 * - `strategy.indicatorValues` – values of an indicator (form, CSV, API): the strategy's writers,
 *   and registrars, case officers and board secretaries of the body that owns the indicator
 *   (subject `{ bodyId: strategy owner, indicatorBodyId }`).
 * - `strategy.followup.write` – a board's annual follow-up: registrars, case officers and board
 *   secretaries of that board (subject `{ bodyId }` = the board). A draft is read only by them;
 *   once submitted it is public.
 *
 * Without a subject a rule answers "may this actor do this anywhere?" (show the link or the form).
 */
export const STRATEGY_WRITE = 'strategy.write';
export const STRATEGY_INDICATOR_VALUES = 'strategy.indicatorValues';
export const STRATEGY_FOLLOWUP_WRITE = 'strategy.followup.write';

const STRATEGY_WRITERS: readonly Role[] = ['registrar', 'caseOfficer'];
const BOARD_WRITERS: readonly Role[] = ['registrar', 'caseOfficer', 'boardSecretary'];

const holdsFor = (actor: Actor, roles: readonly Role[], subject: Subject | undefined, key = 'bodyId'): boolean => {
  if (isAdministrator(actor)) return true;
  // With a subject, a grant must be city-wide or for that very body (a missing body matches nothing).
  const bodyId = subject === undefined ? undefined : ((subject[key] as string | null | undefined) ?? null);
  return roles.some((role) => hasRole(actor, role, bodyId));
};

definePermissions({
  [STRATEGY_WRITE]: (actor, subject) => holdsFor(actor, STRATEGY_WRITERS, subject),
  [STRATEGY_INDICATOR_VALUES]: (actor, subject) =>
    holdsFor(actor, STRATEGY_WRITERS, subject) || (subject === undefined ? holdsFor(actor, BOARD_WRITERS, undefined) : holdsFor(actor, BOARD_WRITERS, subject, 'indicatorBodyId')),
  [STRATEGY_FOLLOWUP_WRITE]: (actor, subject) => holdsFor(actor, BOARD_WRITERS, subject),
});
