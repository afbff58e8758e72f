import type { RoleGrant } from './actor.js';
import type { UserRow } from './repository.js';

/** Never exposes the password hash or lockout counters. */
export function presentUser(user: UserRow, roles: RoleGrant[]) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    locale: user.locale,
    active: user.active,
    roles,
    createdAt: user.createdAt.toISOString(),
  };
}
