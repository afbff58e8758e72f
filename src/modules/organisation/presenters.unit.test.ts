import { describe, expect, it } from 'vitest';
import { groupByRole, ROLE_ORDER } from './presenters.js';
import { MEMBERSHIP_ROLES } from './schema.js';

describe('groupByRole', () => {
  it('orders every role, chair first, and leaves out empty roles', () => {
    expect([...ROLE_ORDER].sort()).toEqual([...MEMBERSHIP_ROLES].sort());
    const rows = [
      { role: 'substitute' as const, n: 1 },
      { role: 'member' as const, n: 2 },
      { role: 'chair' as const, n: 3 },
      { role: 'member' as const, n: 4 },
    ];
    expect(groupByRole(rows)).toEqual([
      { role: 'chair', memberships: [rows[2]] },
      { role: 'member', memberships: [rows[1], rows[3]] },
      { role: 'substitute', memberships: [rows[0]] },
    ]);
  });
});
