import { describe, expect, it } from 'vitest';
import { can } from '../../src/access/permissions.js';
import { canReadClassified, readScope } from '../../src/access/classification.js';
import { anonymous, systemActor, type Actor, type Role } from '../../src/auth/actor.js';
import '../../src/modules/registry/index.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const user = (role: Role, bodyId: string | null): Actor => ({ kind: 'user', userId: 'u', username: role, displayName: role, grants: [{ role, bodyId }] });

const actors: Record<string, Actor> = {
  anonymous,
  administrator: user('administrator', null),
  'registrar of A': user('registrar', A),
  'registrar city-wide': user('registrar', null),
  'caseOfficer of A': user('caseOfficer', A),
  'boardSecretary of A': user('boardSecretary', A),
  'boardMember of A': user('boardMember', A),
  'councilMember': user('councilMember', null),
  'registrar of B': user('registrar', B),
  system: systemActor('test'),
};

// role × action: [register, edit, classify] on a case of body A, then without a subject (route level).
const table: Record<string, { onA: [boolean, boolean, boolean]; anywhere: [boolean, boolean, boolean]; readSecretOfA: boolean }> = {
  anonymous: { onA: [false, false, false], anywhere: [false, false, false], readSecretOfA: false },
  administrator: { onA: [true, true, true], anywhere: [true, true, true], readSecretOfA: true },
  'registrar of A': { onA: [true, true, true], anywhere: [true, true, true], readSecretOfA: true },
  'registrar city-wide': { onA: [true, true, true], anywhere: [true, true, true], readSecretOfA: true },
  'caseOfficer of A': { onA: [false, true, false], anywhere: [false, true, false], readSecretOfA: true },
  'boardSecretary of A': { onA: [false, false, false], anywhere: [false, false, false], readSecretOfA: true },
  'boardMember of A': { onA: [false, false, false], anywhere: [false, false, false], readSecretOfA: false },
  councilMember: { onA: [false, false, false], anywhere: [false, false, false], readSecretOfA: false },
  'registrar of B': { onA: [false, false, false], anywhere: [true, true, true], readSecretOfA: false },
  system: { onA: [true, true, true], anywhere: [true, true, true], readSecretOfA: true },
};

const ACTIONS = ['registry.register', 'registry.edit', 'registry.classify'] as const;

describe('registry permissions (role × action)', () => {
  for (const [name, expected] of Object.entries(table)) {
    it(name, () => {
      const actor = actors[name]!;
      expect(ACTIONS.map((a) => can(actor, a, { bodyId: A }))).toEqual(expected.onA);
      expect(ACTIONS.map((a) => can(actor, a))).toEqual(expected.anywhere);
      expect(canReadClassified(actor, { bodyId: A, confidentiality: 2 })).toBe(expected.readSecretOfA);
      expect(canReadClassified(actor, { bodyId: A, confidentiality: 0 })).toBe(true);
    });
  }

  it('a subject without a body matches only city-wide grants', () => {
    expect(can(actors['registrar of A']!, 'registry.register', { bodyId: null })).toBe(false);
    expect(can(actors['registrar city-wide']!, 'registry.register', { bodyId: null })).toBe(true);
  });

  it('the list scope of a registrar is public rows plus their own body', () => {
    expect(readScope(actors['registrar of A']!)).toEqual({ all: false, bodyIds: [A] });
    expect(readScope(anonymous)).toEqual({ all: false, bodyIds: [] });
    expect(readScope(actors.administrator!)).toEqual({ all: true });
  });
});
