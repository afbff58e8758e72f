import { definePermissions, type Subject } from '../../access/permissions.js';
import { hasRole, isAdministrator, type Actor, type Role } from '../../auth/actor.js';

/**
 * Statements (tjänsteutlåtanden) are written by the administration serving the body that owns the
 * case: its case officers, board secretary and registrars (for that body or city-wide), and
 * administrators.
 *
 * Read rules (applied by queries.ts, not by route permissions – the pages are `public`):
 * - a final statement follows its case's classification (and that of its registry document):
 *   public when those are public, otherwise only for the body's staff and administrators;
 * - a draft, and the version history and differences of any statement, are working material:
 *   readable only by the body's staff (`statements.readDraft`).
 *
 * Without a subject a rule answers "may this actor do this anywhere?"; commands ask again with
 * `{ bodyId }` of the case.
 */
export const STATEMENTS_WRITE = 'statements.write';
export const STATEMENTS_FINALISE = 'statements.finalise';
export const STATEMENTS_READ_DRAFT = 'statements.readDraft';

const WRITERS: readonly Role[] = ['caseOfficer', 'boardSecretary', 'registrar'];

const holdsFor = (actor: Actor, roles: readonly Role[], subject?: Subject): boolean => {
  if (isAdministrator(actor)) return true;
  const bodyId = subject === undefined ? undefined : (subject.bodyId ?? null);
  return roles.some((role) => hasRole(actor, role, bodyId));
};

definePermissions({
  /** Start a statement for a case and save new versions of its draft. */
  [STATEMENTS_WRITE]: (actor, subject) => holdsFor(actor, WRITERS, subject),
  /** Register the latest version as the case's statement document; no edits after that. */
  [STATEMENTS_FINALISE]: (actor, subject) => holdsFor(actor, WRITERS, subject),
  /** Read drafts, the version history and the differences between versions. */
  [STATEMENTS_READ_DRAFT]: (actor, subject) => holdsFor(actor, WRITERS, subject),
});
