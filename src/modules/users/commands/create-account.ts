import { authorize } from '../../../access/index.js';
import { createUser, createUserInput, type CreateUserInput, type UserRow } from '../../../auth/index.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { checkRoleBodies, isUniqueViolation } from './role-bodies.js';

/**
 * An administrator creates an account: auth's createUser (password policy, argon2id, audit entry
 * `user.create` in its transaction), after checking that every body named in a role exists.
 */
export async function createAccount(ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  const data = validate(createUserInput, input);
  authorize(ctx.actor, 'user.manage');
  await checkRoleBodies(ctx.db, data.roles);
  try {
    return await createUser(ctx, data);
  } catch (e) {
    if (isUniqueViolation(e)) throw new Invalid({ username: ['auth.username.taken'] });
    throw e;
  }
}
