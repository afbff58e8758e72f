import { definePermissions } from '../../access/permissions.js';
import { hasRole, isAdministrator } from '../../auth/actor.js';

/**
 * Importing archive material is registry work: registrars (of any body, or city-wide) and
 * administrators. Each stored record is authorised again for its own body by the registry's
 * commands; a body that does not exist yet is created only for administrators.
 */
export const ARCHIVE_IMPORT = 'archive.import';

definePermissions({
  [ARCHIVE_IMPORT]: (actor) => isAdministrator(actor) || hasRole(actor, 'registrar'),
});
