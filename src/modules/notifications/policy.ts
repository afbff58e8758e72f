import { definePermissions } from '../../access/permissions.js';

/**
 * Every logged-in user has an inbox and may read and mark their own notifications; the queries
 * and commands only ever touch the actor's own rows.
 */
export const NOTIFICATIONS_READ = 'notifications.read';

definePermissions({
  [NOTIFICATIONS_READ]: (actor) => actor.kind === 'user',
});
