import { definePermissions, type Subject } from '../../access/permissions.js';
import { hasRole, isAdministrator, type Actor, type Role } from '../../auth/actor.js';

/**
 * Who may do what with meetings (sammanträden). Reading meetings, agendas and final decisions is
 * `PUBLIC` (offentlighetsprincipen). The content of an item that is not yet final (a draft of the
 * minutes) is readable only by the staff and members of that body and by administrators.
 *
 * Without a subject a rule answers the route-level question "may this actor do this anywhere?";
 * commands and queries ask again with `{ bodyId }` of the meeting.
 */
export const MEETINGS_MANAGE = 'meetings.manage';
export const MEETINGS_READ_DRAFTS = 'meetings.readDrafts';

/** The board secretary keeps the minutes; administrators may stand in. */
const MANAGE_ROLES: readonly Role[] = ['boardSecretary'];
/** Staff of the body (registry, administration, secretariat) and its members see the drafts. */
const DRAFT_READER_ROLES: readonly Role[] = ['boardSecretary', 'registrar', 'caseOfficer', 'boardMember'];

const holdsFor = (actor: Actor, roles: readonly Role[], subject?: Subject): boolean => {
  if (isAdministrator(actor)) return true;
  // With a subject, a grant must be city-wide or for that very body (a missing bodyId matches nothing).
  const bodyId = subject === undefined ? undefined : (subject.bodyId ?? null);
  return roles.some((role) => hasRole(actor, role, bodyId));
};

definePermissions({
  /** Create and change meetings, attendance, the agenda and its items; approve the minutes. */
  [MEETINGS_MANAGE]: (actor, subject) => holdsFor(actor, MANAGE_ROLES, subject),
  /** Read the draft content of items that are not final yet. */
  [MEETINGS_READ_DRAFTS]: (actor, subject) => holdsFor(actor, DRAFT_READER_ROLES, subject),
});

export const canManage = (actor: Actor, bodyId: string) => holdsFor(actor, MANAGE_ROLES, { bodyId });
export const canReadDrafts = (actor: Actor, bodyId: string) => holdsFor(actor, DRAFT_READER_ROLES, { bodyId });
