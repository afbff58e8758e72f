import { ROLES, type Role, type RoleGrant } from '../../../auth/index.js';
import type { FieldErrors } from '../../../core/errors.js';
import { asArray } from '../../../http/forms.js';

/**
 * The roles fieldset posts, per role, `city_<role>=1` ("the whole city") and/or
 * `bodies_<role>=<bodyId>` (repeated, from a multi-select). These helpers translate between
 * that and `RoleGrant[]`, and move the command's `roles.<i>.…` errors onto the right control.
 */
export const cityField = (role: Role) => `city_${role}`;
export const bodiesField = (role: Role) => `bodies_${role}`;

export function rolesFromForm(values: Record<string, string | string[] | undefined>): RoleGrant[] {
  const grants: RoleGrant[] = [];
  for (const role of ROLES) {
    if (values[cityField(role)] !== undefined) grants.push({ role, bodyId: null });
    for (const bodyId of new Set(asArray(values[bodiesField(role)]))) grants.push({ role, bodyId });
  }
  return grants;
}

export function rolesToFormValues(grants: readonly RoleGrant[]): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const g of grants) {
    if (g.bodyId === null) values[cityField(g.role)] = '1';
    else values[bodiesField(g.role)] = [...asArray(values[bodiesField(g.role)]), g.bodyId];
  }
  return values;
}

export function roleErrorsOnControls(errors: FieldErrors, grants: readonly RoleGrant[]): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const m = /^roles\.(\d+)(?:\.|$)/.exec(key);
    const grant = m ? grants[Number(m[1])] : undefined;
    const target = grant ? (grant.bodyId === null ? cityField(grant.role) : bodiesField(grant.role)) : key;
    out[target] = [...(out[target] ?? []), ...messages];
  }
  return out;
}
