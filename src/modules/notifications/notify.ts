import { z } from 'zod';
import { recordAudit } from '../../audit/record.js';
import { authRepository, ROLES, type Role } from '../../auth/index.js';
import type { Ctx } from '../../core/context.js';
import { validate } from '../../core/validation.js';
import type { Db } from '../../db/client.js';
import { renderMail } from './render.js';
import { notificationsRepository } from './repository.js';

export const notifyBodyRoleInput = z.strictObject({
  bodyId: z.uuid(),
  role: z.enum(ROLES),
  /** Message key such as "referral.received" (see messages.ts). */
  kind: z
    .string()
    .max(100)
    .regex(/^[a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+$/),
  params: z.record(z.string().max(100), z.string().max(2000)),
  /** A path inside Stadsnav ("/referrals/…"), never another site. */
  link: z
    .string()
    .max(2000)
    .regex(/^\/(?![/\\])\S*$/)
    .nullable(),
});
export type NotifyBodyRoleInput = { bodyId: string; role: Role; kind: string; params: Record<string, string>; link: string | null };

/**
 * Notify everyone who holds `role` for the body: one inbox notification per active user with a
 * grant for exactly that body, or – when there is none – per active user with the role city-wide.
 * Each recipient with an e-mail address also gets a row in the mail outbox (Swedish), sent after
 * commit by `deliverPendingMail`.
 *
 * Runs inside the caller's transaction (`tx`), so the notifications commit or roll back with the
 * change they report. It does not authorise: the calling command has done that.
 */
export async function notifyBodyRole(tx: Db, ctx: Ctx, input: NotifyBodyRoleInput): Promise<{ notified: number }> {
  const data = validate(notifyBodyRoleInput, input);
  let recipients = await authRepository.activeUsersWithGrant(tx, data.role, data.bodyId);
  const cityWide = recipients.length === 0;
  if (cityWide) recipients = await authRepository.activeUsersWithGrant(tx, data.role, null);
  const now = ctx.clock.now();
  await notificationsRepository.insertNotifications(
    tx,
    recipients.map((u) => ({ userId: u.id, kind: data.kind, params: data.params, link: data.link, createdAt: now })),
  );
  const mails = recipients
    .filter((u) => u.email)
    .map((u) => {
      const mail = renderMail({ kind: data.kind, params: data.params, link: data.link, recipientName: u.displayName });
      return { toAddress: u.email!, subject: mail.subject, textBody: mail.text, createdAt: now };
    });
  await notificationsRepository.insertMail(tx, mails);
  await recordAudit(tx, ctx, {
    action: 'notifications.notify',
    subjectType: 'body',
    subjectId: data.bodyId,
    details: { role: data.role, kind: data.kind, link: data.link, notified: recipients.length, mailed: mails.length, cityWide },
  });
  return { notified: recipients.length };
}
