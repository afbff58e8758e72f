import { authorize } from '../../access/permissions.js';
import type { Actor } from '../../auth/actor.js';
import { Unauthenticated } from '../../core/errors.js';
import type { Locale } from '../../core/i18n.js';
import type { Db } from '../../db/client.js';
import { NOTIFICATIONS_READ } from './policy.js';
import { renderNotification } from './render.js';
import { notificationsRepository, type NotificationRow } from './repository.js';

export interface ReadCtx {
  db: Db;
  actor: Actor;
}

/** A notification as the reader sees it: title and text in the reader's language. */
export interface NotificationView {
  id: string;
  kind: string;
  params: Record<string, string>;
  title: string;
  text: string;
  link: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface InboxPage {
  items: NotificationView[];
  page: number;
  pageSize: number;
  total: number;
  unread: number;
  /** All the user's notifications, whatever the filter. */
  all: number;
}

export function notificationView(row: NotificationRow, locale: Locale): NotificationView {
  const { title, text } = renderNotification(locale, row.kind, row.params);
  return { id: row.id, kind: row.kind, params: row.params, title, text, link: row.link, createdAt: row.createdAt, readAt: row.readAt };
}

function userIdOf(actor: Actor): string {
  authorize(actor, NOTIFICATIONS_READ);
  if (actor.kind !== 'user') throw new Unauthenticated();
  return actor.userId;
}

/** The reader's own inbox, unread first. */
export async function listInbox(
  ctx: ReadCtx,
  locale: Locale,
  opts: { page: number; pageSize: number; unreadOnly: boolean },
): Promise<InboxPage> {
  const userId = userIdOf(ctx.actor);
  const { rows, total } = await notificationsRepository.listForUser(ctx.db, userId, {
    offset: (opts.page - 1) * opts.pageSize,
    limit: opts.pageSize,
    unreadOnly: opts.unreadOnly,
  });
  const counts = await notificationsRepository.countForUser(ctx.db, userId);
  return { items: rows.map((r) => notificationView(r, locale)), page: opts.page, pageSize: opts.pageSize, total, unread: counts.unread, all: counts.total };
}

/** How many unread notifications the reader has (0 for anonymous visitors). */
export async function unreadCount(ctx: ReadCtx): Promise<number> {
  if (ctx.actor.kind !== 'user') return 0;
  return (await notificationsRepository.countForUser(ctx.db, ctx.actor.userId)).unread;
}
