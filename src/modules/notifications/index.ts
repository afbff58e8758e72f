import './messages.js';
import './policy.js';

/** The notifications module's public surface: other modules import only from here. */
export { registerNotificationsRoutes } from './http/routes.js';
export { NOTIFICATIONS_READ } from './policy.js';
export { notifyBodyRole, notifyBodyRoleInput, type NotifyBodyRoleInput } from './notify.js';
export { deliverPendingMail, DELIVERY_LEASE_MS, type DeliveryResult, type MailConfig, type MailTransport } from './mail.js';
export { markNotificationRead, markAllNotificationsRead } from './commands/mark-read.js';
export { listInbox, unreadCount, type InboxPage, type NotificationView } from './queries.js';
export { renderNotification, renderMail, isKnownKind } from './render.js';
