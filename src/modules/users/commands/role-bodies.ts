import type { RoleGrant } from '../../../auth/index.js';
import { Invalid, type FieldErrors } from '../../../core/errors.js';
import type { Db } from '../../../db/client.js';
import { findBodyById } from '../../organisation/index.js';

/** A role scoped to a body needs that body to exist: 422 on `roles.<i>.bodyId` otherwise. */
export async function checkRoleBodies(db: Db, roles: readonly RoleGrant[]): Promise<void> {
  const wanted = [...new Set(roles.map((r) => r.bodyId).filter((id): id is string => id !== null))];
  const existing = new Set<string>();
  for (const id of wanted) if (await findBodyById(db, id)) existing.add(id);
  const fields: FieldErrors = {};
  roles.forEach((r, i) => {
    if (r.bodyId !== null && !existing.has(r.bodyId)) fields[`roles.${i}.bodyId`] = ['users.roles.unknownBody'];
  });
  if (Object.keys(fields).length) throw new Invalid(fields);
}

/** The database's unique constraint as the last word on a taken username (two admins at once). */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 4; cur = (cur as { cause?: unknown }).cause, depth++) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}
