import { z } from 'zod';
import { authorize } from '../../../access/index.js';
import { recordAudit } from '../../../audit/index.js';
import { authRepository, type UserRow } from '../../../auth/index.js';
import type { Ctx } from '../../../core/context.js';
import { NotFound, Unauthenticated } from '../../../core/errors.js';
import { LOCALES } from '../../../core/i18n.js';
import { validate } from '../../../core/validation.js';

export const updateOwnProfileInput = z.strictObject({
  displayName: z.string().trim().min(1).max(200),
  locale: z.enum(LOCALES),
});
export type UpdateOwnProfileInput = z.input<typeof updateOwnProfileInput>;

/** Any logged-in user changes their own name and language. */
export async function updateOwnProfile(ctx: Ctx, input: UpdateOwnProfileInput): Promise<UserRow> {
  const data = validate(updateOwnProfileInput, input);
  authorize(ctx.actor, 'session.own');
  if (ctx.actor.kind !== 'user') throw new Unauthenticated();
  const userId = ctx.actor.userId;
  return ctx.db.transaction(async (tx) => {
    const existing = await authRepository.findUserById(tx, userId);
    if (!existing) throw new NotFound('user');
    const updated = await authRepository.updateUser(tx, userId, { ...data, updatedAt: ctx.clock.now() });
    if (!updated) throw new NotFound('user');
    await recordAudit(tx, ctx, {
      action: 'account.update',
      subjectType: 'user',
      subjectId: userId,
      before: { displayName: existing.displayName, locale: existing.locale },
      after: { displayName: updated.displayName, locale: updated.locale },
    });
    return updated;
  });
}
