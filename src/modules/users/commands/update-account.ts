import { authorize } from '../../../access/index.js';
import { updateUser, updateUserInput, type UpdateUserInput, type UserRow } from '../../../auth/index.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { checkRoleBodies } from './role-bodies.js';

/**
 * An administrator changes an account (name, e-mail, language, active, password reset, roles)
 * through auth's updateUser, which ends the user's sessions on a new password or deactivation.
 * Administrators cannot lock themselves out: no self-deactivation, no dropping their own
 * city-wide administrator role, so at least one administrator always remains.
 */
export async function updateAccount(ctx: Ctx, userId: string, input: UpdateUserInput): Promise<UserRow> {
  const data = validate(updateUserInput, input);
  authorize(ctx.actor, 'user.manage');
  if (data.roles) await checkRoleBodies(ctx.db, data.roles);
  if (ctx.actor.kind === 'user' && ctx.actor.userId === userId) {
    if (data.active === false) throw new Invalid({ active: ['users.self.deactivate'] });
    if (data.roles && !data.roles.some((r) => r.role === 'administrator' && r.bodyId === null)) {
      throw new Invalid({ roles: ['users.self.keepAdmin'] });
    }
  }
  return updateUser(ctx, userId, data);
}
