import { z } from 'zod';
import { authorize } from '../../access/permissions.js';
import { recordAudit } from '../../audit/record.js';
import type { Ctx } from '../../core/context.js';
import { Invalid, NotFound } from '../../core/errors.js';
import { validate } from '../../core/validation.js';
import { hashPassword, passwordProblems } from '../password.js';
import { authRepository, type UserRow } from '../repository.js';
import { roleGrantSchema } from './create-user.js';

export const updateUserInput = z.strictObject({
  displayName: z.string().trim().min(1).max(200).optional(),
  email: z.email().max(320).nullable().optional(),
  password: z.string().max(1024).optional(),
  locale: z.enum(['sv', 'en']).optional(),
  active: z.boolean().optional(),
  roles: z.array(roleGrantSchema).max(50).optional(),
});
export type UpdateUserInput = z.input<typeof updateUserInput>;

/** Change an account; a new password or deactivation ends the user's sessions. */
export async function updateUser(ctx: Ctx, userId: string, input: UpdateUserInput): Promise<UserRow> {
  const data = validate(updateUserInput, input);
  authorize(ctx.actor, 'user.manage');
  const existing = await authRepository.findUserById(ctx.db, userId);
  if (!existing) throw new NotFound('user');
  let passwordHash: string | undefined;
  if (data.password !== undefined) {
    const problems = await passwordProblems(data.password, [existing.username, existing.displayName]);
    if (problems.length) throw new Invalid({ password: problems });
    passwordHash = await hashPassword(data.password);
  }
  return ctx.db.transaction(async (tx) => {
    const before = { displayName: existing.displayName, email: existing.email, active: existing.active, roles: await authRepository.grantsOf(tx, userId) };
    const updated = await authRepository.updateUser(tx, userId, {
      ...(data.displayName !== undefined && { displayName: data.displayName }),
      ...(data.email !== undefined && { email: data.email }),
      ...(data.locale !== undefined && { locale: data.locale }),
      ...(data.active !== undefined && { active: data.active }),
      ...(passwordHash && { passwordHash, failedLogins: 0, lockedUntil: null }),
      updatedAt: ctx.clock.now(),
    });
    if (!updated) throw new NotFound('user');
    if (data.roles) await authRepository.replaceGrants(tx, userId, data.roles);
    if (passwordHash || data.active === false) await authRepository.deleteSessionsOfUser(tx, userId);
    await recordAudit(tx, ctx, {
      action: 'user.update',
      subjectType: 'user',
      subjectId: userId,
      before,
      after: {
        displayName: updated.displayName,
        email: updated.email,
        active: updated.active,
        roles: data.roles ?? before.roles,
        passwordChanged: Boolean(passwordHash),
      },
    });
    return updated;
  });
}
