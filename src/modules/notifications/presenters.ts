import type { InboxPage, NotificationView } from './queries.js';

/** Views → API JSON. Pure. */
export function presentNotification(n: NotificationView) {
  return {
    id: n.id,
    kind: n.kind,
    params: n.params,
    title: n.title,
    text: n.text,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}

export function presentInbox(p: InboxPage) {
  return { items: p.items.map(presentNotification), page: p.page, pageSize: p.pageSize, total: p.total, unread: p.unread };
}
