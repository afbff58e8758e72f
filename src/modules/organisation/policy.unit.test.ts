import { describe, expect, it } from 'vitest';
import { can, authorize, PUBLIC } from '../../access/permissions.js';
import { anonymous, systemActor, ROLES, type Actor, type Role } from '../../auth/actor.js';
import { Forbidden, Unauthenticated } from '../../core/errors.js';
import './policy.js';
import { ORGANISATION_MANAGE } from './policy.js';

const BODY = '00000000-0000-4000-8000-000000000001';
const user = (role: Role, bodyId: string | null = null): Actor => ({
  kind: 'user',
  userId: '00000000-0000-4000-8000-0000000000ff',
  username: role,
  displayName: role,
  grants: [{ role, bodyId }],
});

/** Role × action → allowed. Only administrators (and the system) write the organisation; everyone reads. */
const TABLE: Array<[label: string, actor: Actor, manage: boolean, read: boolean]> = [
  ['anonymous', anonymous, false, true],
  ['system', systemActor('test'), true, true],
  ['user without roles', { kind: 'user', userId: 'u', username: 'u', displayName: 'u', grants: [] }, false, true],
  ...ROLES.map((role): [string, Actor, boolean, boolean] => [role, user(role), role === 'administrator', true]),
  ...ROLES.map((role): [string, Actor, boolean, boolean] => [`${role} of one body`, user(role, BODY), role === 'administrator', true]),
];

describe('organisation permissions', () => {
  it.each(TABLE)('%s: manage=%s, read=%s', (_label, actor, manage, read) => {
    expect(can(actor, ORGANISATION_MANAGE)).toBe(manage);
    expect(can(actor, ORGANISATION_MANAGE, { bodyId: BODY })).toBe(manage);
    expect(can(actor, PUBLIC)).toBe(read);
  });

  it('answers 401 for anonymous and 403 for a logged-in user without the right', () => {
    expect(() => authorize(anonymous, ORGANISATION_MANAGE)).toThrow(Unauthenticated);
    expect(() => authorize(user('registrar'), ORGANISATION_MANAGE)).toThrow(Forbidden);
    expect(() => authorize(user('administrator'), ORGANISATION_MANAGE)).not.toThrow();
  });
});
