import { definePermissions } from '../../access/permissions.js';
import { isAdministrator } from '../../auth/actor.js';

/** Writing the organisation (bodies, administrations, parties, people, memberships). Reading is `PUBLIC`. */
export const ORGANISATION_MANAGE = 'organisation.manage';

definePermissions({
  [ORGANISATION_MANAGE]: (actor) => isAdministrator(actor),
});
