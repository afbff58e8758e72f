import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../../core/ids.js';
import { NotFound } from '../../../core/errors.js';
import { formBodySchema } from '../../../http/forms.js';
import type { App, AppDeps } from '../../../http/types.js';
import { markAllNotificationsRead, markNotificationRead } from '../commands/mark-read.js';
import { deliverPendingMail } from '../mail.js';
import { NOTIFICATIONS_READ } from '../policy.js';
import { presentInbox, presentNotification } from '../presenters.js';
import { listInbox, notificationView } from '../queries.js';
import { InboxPage } from '../views/inbox.js';
import { errorSchema, idParams, inboxQuery, inboxSchema, notificationSchema, readAllSchema } from './schemas.js';

const TAGS = ['notifications'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema };

const pageIdParams = z.object({ id: z.string().max(200) });
const pageQuery = z.object({
  unread: z.string().max(10).optional(),
  page: z.string().max(10).optional(),
  lang: z.string().max(10).optional(),
});

function pageNumber(v: string | undefined): number {
  const n = Number(v ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1;
}

export function registerNotificationsRoutes(app: App, deps: AppDeps): void {
  // ── API ──────────────────────────────────────────────────────────────────
  app.get(
    '/api/notifications',
    {
      config: { permission: NOTIFICATIONS_READ },
      schema: {
        tags: TAGS,
        summary: "The logged-in user's notifications, unread first",
        querystring: inboxQuery,
        response: { 200: inboxSchema, ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, unread } = req.query;
      return presentInbox(await listInbox(req.ctx, req.locale, { page, pageSize, unreadOnly: unread === 'true' }));
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { permission: NOTIFICATIONS_READ },
      schema: {
        tags: TAGS,
        summary: 'Mark one of your notifications as read',
        description: "Another user's notification answers 404, like a missing one.",
        params: idParams,
        response: { 200: notificationSchema, ...errors },
      },
    },
    async (req) => presentNotification(notificationView(await markNotificationRead(req.ctx, req.params.id), req.locale)),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { permission: NOTIFICATIONS_READ },
      schema: { tags: TAGS, summary: 'Mark all your notifications as read', response: { 200: readAllSchema, ...errors } },
    },
    async (req) => markAllNotificationsRead(req.ctx),
  );

  // ── pages ────────────────────────────────────────────────────────────────
  app.get('/inbox', { config: { permission: NOTIFICATIONS_READ }, schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const unreadOnly = req.query.unread === 'true';
    const inbox = await listInbox(req.ctx, req.locale, { page: pageNumber(req.query.page), pageSize: 20, unreadOnly });
    return reply.html(<InboxPage ctx={req.pageContext()} inbox={inbox} unreadOnly={unreadOnly} baseUrl={req.url} />);
  });

  const back = (req: FastifyRequest) => {
    const referer = req.headers.referer;
    const url = referer ? new URL(referer, 'http://x') : null;
    return url && url.pathname === '/inbox' ? `/inbox${url.search}` : '/inbox';
  };

  app.post(
    '/inbox/:id/read',
    { config: { permission: NOTIFICATIONS_READ }, schema: { hide: true, params: pageIdParams, body: formBodySchema } },
    async (req, reply) => {
      if (!isUuid(req.params.id)) throw new NotFound();
      await markNotificationRead(req.ctx, req.params.id);
      reply.setFlash(req.t('notifications.inbox.markedRead'));
      return reply.redirect(back(req), 303);
    },
  );

  app.post('/inbox/read-all', { config: { permission: NOTIFICATIONS_READ }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const { updated } = await markAllNotificationsRead(req.ctx);
    reply.setFlash(req.t('notifications.inbox.markedAllRead', { count: updated }));
    return reply.redirect(back(req), 303);
  });

  // ── mail delivery after commit ──────────────────────────────────────────
  startMailPoller(app, deps);
}

/** Every MAIL_FLUSH_INTERVAL_MS (0: off) send the outbox; one run at a time; stopped when the app closes. */
function startMailPoller(app: App, deps: AppDeps): void {
  const every = deps.config.MAIL_FLUSH_INTERVAL_MS;
  if (!every) return;
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = deliverPendingMail(deps.database.db, deps.config, deps.clock)
      .then((r) => {
        if (r.sent || r.failed) app.log.info(r, 'mail outbox flushed');
      })
      .catch((err: unknown) => app.log.error({ err }, 'mail delivery failed'))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, every);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await running;
  });
}
