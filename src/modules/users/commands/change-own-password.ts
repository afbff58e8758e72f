import { z } from 'zod';
import { authorize } from '../../../access/index.js';
import { recordAudit } from '../../../audit/index.js';
import { authRepository, hashPassword, passwordProblems, verifyPassword } from '../../../auth/index.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, Unauthenticated } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { usersRepository } from '../repository.js';

export const changeOwnPasswordInput = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(1024),
});
export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordInput>;

/**
 * A logged-in user changes their own password: the current one must be right, the new one must
 * pass the policy. Every other session of the user ends; `keepSessionId` (the caller's) stays.
 * The audit entry records that the password changed, never a hash.
 */
export async function changeOwnPassword(ctx: Ctx, input: ChangeOwnPasswordInput, keepSessionId: string | null): Promise<{ otherSessionsEnded: number }> {
  const data = validate(changeOwnPasswordInput, input);
  authorize(ctx.actor, 'session.own');
  if (ctx.actor.kind !== 'user') throw new Unauthenticated();
  const userId = ctx.actor.userId;
  const user = await authRepository.findUserById(ctx.db, userId);
  if (!user || !user.active) throw new Unauthenticated();
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    throw new Invalid({ currentPassword: ['users.account.password.wrong'] }, 'wrong current password');
  }
  if (data.newPassword === data.currentPassword) throw new Invalid({ newPassword: ['users.account.password.same'] });
  const problems = await passwordProblems(data.newPassword, [user.username, user.displayName, user.email ?? '']);
  if (problems.length) throw new Invalid({ newPassword: problems });
  const passwordHash = await hashPassword(data.newPassword);
  return ctx.db.transaction(async (tx) => {
    await authRepository.updateUser(tx, userId, { passwordHash, failedLogins: 0, lockedUntil: null, updatedAt: ctx.clock.now() });
    const otherSessionsEnded = await usersRepository.deleteOtherSessions(tx, userId, keepSessionId);
    await recordAudit(tx, ctx, {
      action: 'account.passwordChange',
      subjectType: 'user',
      subjectId: userId,
      details: { passwordChanged: true, otherSessionsEnded },
    });
    return { otherSessionsEnded };
  });
}
