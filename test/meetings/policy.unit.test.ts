import { describe, expect, it } from 'vitest';
import { can } from '../../src/access/permissions.js';
import type { Actor, Role } from '../../src/auth/actor.js';
import '../../src/modules/meetings/policy.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const user = (role: Role, bodyId: string | null): Actor => ({ kind: 'user', userId: 'u', username: 'u', displayName: 'u', grants: [{ role, bodyId }] });

describe('meetings permissions', () => {
  const table: Array<[string, Actor, boolean, boolean]> = [
    // who, may manage body A, may read drafts of body A
    ['board secretary of A', user('boardSecretary', A), true, true],
    ['board secretary of B', user('boardSecretary', B), false, false],
    ['city-wide board secretary', user('boardSecretary', null), true, true],
    ['administrator', user('administrator', null), true, true],
    ['registrar of A', user('registrar', A), false, true],
    ['case officer of A', user('caseOfficer', A), false, true],
    ['board member of A', user('boardMember', A), false, true],
    ['board member of B', user('boardMember', B), false, false],
    ['council member', user('councilMember', A), false, false],
    ['anonymous', { kind: 'anonymous' }, false, false],
  ];
  it.each(table)('%s', (_who, actor, manage, drafts) => {
    expect(can(actor, 'meetings.manage', { bodyId: A })).toBe(manage);
    expect(can(actor, 'meetings.readDrafts', { bodyId: A })).toBe(drafts);
  });

  it('answers the route-level question without a body', () => {
    expect(can(user('boardSecretary', B), 'meetings.manage')).toBe(true);
    expect(can(user('registrar', B), 'meetings.manage')).toBe(false);
  });
});
