import { z } from 'zod';
import { authorize } from '../../../access/permissions.js';
import { recordAudit } from '../../../audit/record.js';
import type { Ctx } from '../../../core/context.js';
import { NotFound, Unauthenticated } from '../../../core/errors.js';
import { validate } from '../../../core/validation.js';
import { NOTIFICATIONS_READ } from '../policy.js';
import { notificationsRepository, type NotificationRow } from '../repository.js';

function ownerOf(ctx: Ctx): string {
  authorize(ctx.actor, NOTIFICATIONS_READ);
  if (ctx.actor.kind !== 'user') throw new Unauthenticated();
  return ctx.actor.userId;
}

/** Mark one of the actor's own notifications as read. Someone else's answers like a missing one (404). */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<NotificationRow> {
  const notificationId = validate(z.uuid(), id);
  const userId = ownerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const current = await notificationsRepository.findForUser(tx, userId, notificationId);
    if (!current) throw new NotFound('notification');
    if (current.readAt) return current;
    const updated = await notificationsRepository.markRead(tx, userId, notificationId, ctx.clock.now());
    await recordAudit(tx, ctx, { action: 'notifications.markRead', subjectType: 'notification', subjectId: notificationId });
    return updated ?? current;
  });
}

/** Mark all the actor's unread notifications as read; returns how many changed. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<{ updated: number }> {
  const userId = ownerOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const updated = await notificationsRepository.markAllRead(tx, userId, ctx.clock.now());
    if (updated > 0) await recordAudit(tx, ctx, { action: 'notifications.markAllRead', subjectType: 'user', subjectId: userId, details: { count: updated } });
    return { updated };
  });
}
