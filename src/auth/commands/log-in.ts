import { z } from 'zod';
import { recordAudit } from '../../audit/record.js';
import { systemActor } from '../actor.js';
import type { Ctx } from '../../core/context.js';
import { Invalid, TooManyRequests } from '../../core/errors.js';
import { validate } from '../../core/validation.js';
import { hashPassword, verifyPassword } from '../password.js';
import { authRepository } from '../repository.js';
import { createSession } from '../sessions.js';

export const logInInput = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});

const LOCK_AFTER_FAILURES = 10;
const LOCK_MS = 15 * 60 * 1000;

// Verified against when the username is unknown, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

/**
 * Check credentials and open a session. Wrong username and wrong password give the same answer;
 * ten failures in a row lock the account for 15 minutes (on top of the per-IP rate limit).
 */
export async function logIn(ctx: Ctx, input: z.input<typeof logInInput>, userAgent: string | null): Promise<{ token: string; userId: string }> {
  const data = validate(logInInput, input);
  const user = await authRepository.findUserByUsername(ctx.db, data.username);
  const now = ctx.clock.now();
  if (!user) {
    await verifyPassword(await (dummyHash ??= hashPassword('not-a-real-password-0000')), data.password);
    throw new Invalid({ username: ['auth.login.failed'] }, 'login failed');
  }
  if (user.lockedUntil && user.lockedUntil > now) throw new TooManyRequests();
  const ok = user.active && (await verifyPassword(user.passwordHash, data.password));
  const audited = { ...ctx, actor: systemActor('login') };
  if (!ok) {
    const failures = user.failedLogins + 1;
    await ctx.db.transaction(async (tx) => {
      await authRepository.updateUser(tx, user.id, {
        failedLogins: failures,
        lockedUntil: failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MS) : user.lockedUntil,
      });
      await recordAudit(tx, audited, { action: 'auth.loginFailed', subjectType: 'user', subjectId: user.id, details: { failures } });
    });
    throw new Invalid({ username: ['auth.login.failed'] }, 'login failed');
  }
  return ctx.db.transaction(async (tx) => {
    if (user.failedLogins || user.lockedUntil) await authRepository.updateUser(tx, user.id, { failedLogins: 0, lockedUntil: null });
    const token = await createSession(tx, ctx.clock, user.id, userAgent);
    await recordAudit(tx, { ...ctx, actor: { kind: 'user', userId: user.id, username: user.username, displayName: user.displayName, grants: [] } }, {
      action: 'auth.login',
      subjectType: 'user',
      subjectId: user.id,
    });
    return { token, userId: user.id };
  });
}
