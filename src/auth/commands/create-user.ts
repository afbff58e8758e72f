import { z } from 'zod';
import { authorize } from '../../access/permissions.js';
import { recordAudit } from '../../audit/record.js';
import type { Ctx } from '../../core/context.js';
import { Invalid } from '../../core/errors.js';
import { validate } from '../../core/validation.js';
import { ROLES } from '../actor.js';
import { passwordProblems, hashPassword } from '../password.js';
import { authRepository, type UserRow } from '../repository.js';

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,64}$/, { message: 'auth.username.format' });

export const roleGrantSchema = z.strictObject({
  role: z.enum(ROLES),
  bodyId: z.uuid().nullable().default(null),
});

export const createUserInput = z.strictObject({
  username: usernameSchema,
  displayName: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().optional(),
  password: z.string().max(1024),
  locale: z.enum(['sv', 'en']).default('sv'),
  roles: z.array(roleGrantSchema).max(50).default([]),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Create a local account. The password is checked against the policy and stored as argon2id only. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<UserRow> {
  const data = validate(createUserInput, input);
  authorize(ctx.actor, 'user.manage');
  const problems = await passwordProblems(data.password, [data.username, data.displayName, data.email ?? '']);
  if (problems.length) throw new Invalid({ password: problems });
  const passwordHash = await hashPassword(data.password);
  return ctx.db.transaction(async (tx) => {
    if (await authRepository.findUserByUsername(tx, data.username)) throw new Invalid({ username: ['auth.username.taken'] });
    const now = ctx.clock.now();
    const user = await authRepository.insertUser(tx, {
      username: data.username,
      displayName: data.displayName,
      email: data.email ?? null,
      passwordHash,
      locale: data.locale,
      createdAt: now,
      updatedAt: now,
    });
    await authRepository.replaceGrants(tx, user.id, data.roles);
    await recordAudit(tx, ctx, {
      action: 'user.create',
      subjectType: 'user',
      subjectId: user.id,
      after: { username: user.username, displayName: user.displayName, roles: data.roles },
    });
    return user;
  });
}
