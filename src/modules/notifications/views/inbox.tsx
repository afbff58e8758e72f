import { formatDate } from '../../../core/i18n.js';
import { CsrfField, Pager } from '../../../views/components.js';
import type { PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { InboxPage as Inbox, NotificationView } from '../queries.js';

function When({ ctx, value, label }: { ctx: PageContext; value: Date; label: string }): JSX.Element {
  return (
    <time datetime={value.toISOString()} safe>
      {ctx.t(label, { date: formatDate(ctx.locale, value) })}
    </time>
  );
}

function Item({ ctx, n }: { ctx: PageContext; n: NotificationView }): JSX.Element {
  const { t } = ctx;
  const titleId = `n-${n.id}`;
  return (
    <li class={n.readAt ? 'notification' : 'notification unread'}>
      <article aria-labelledby={titleId}>
        <h2 id={titleId}>
          {n.readAt ? (
            ''
          ) : (
            <>
              <span class="tag" safe>
                {t('notifications.inbox.unread')}
              </span>{' '}
            </>
          )}
          <span safe>{n.title}</span>
        </h2>
        <p safe>{n.text}</p>
        <p class="hint">
          <When ctx={ctx} value={n.createdAt} label="notifications.inbox.received" />
          {n.readAt ? (
            <>
              {' · '}
              <When ctx={ctx} value={n.readAt} label="notifications.inbox.readAt" />
            </>
          ) : (
            ''
          )}
        </p>
        <div class="actions">
          {n.link ? (
            <a href={n.link} safe>
              {t('notifications.inbox.open')}
            </a>
          ) : (
            ''
          )}
          {n.readAt ? (
            ''
          ) : (
            <form method="post" action={`/inbox/${n.id}/read`} class="inline-form">
              <CsrfField token={ctx.csrfToken} />
              <button type="submit" class="secondary">
                <span safe>{t('notifications.inbox.markRead')}</span>
                <span class="visually-hidden" safe>{`: ${n.title}`}</span>
              </button>
            </form>
          )}
        </div>
      </article>
    </li>
  );
}

export function InboxPage({ ctx, inbox, unreadOnly, baseUrl }: { ctx: PageContext; inbox: Inbox; unreadOnly: boolean; baseUrl: string }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('notifications.inbox.title')}>
      <h1 safe>{t('notifications.inbox.title')}</h1>
      <p class="lead" safe>{t('notifications.inbox.lead')}</p>
      <p role="status" safe>{t('notifications.inbox.unreadCount', { count: inbox.unread, total: inbox.all })}</p>
      <div class="actions">
        {unreadOnly ? (
          <a href="/inbox" safe>{t('notifications.inbox.filterAll')}</a>
        ) : (
          <a href="/inbox?unread=true" safe>{t('notifications.inbox.filterUnread')}</a>
        )}
        {inbox.unread > 0 ? (
          <form method="post" action="/inbox/read-all" class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="secondary" safe>{t('notifications.inbox.markAllRead')}</button>
          </form>
        ) : (
          ''
        )}
      </div>
      {inbox.items.length ? (
        <ol class="inbox" aria-label={t('notifications.inbox.list')}>
          {inbox.items.map((n) => (
            <Item ctx={ctx} n={n} />
          ))}
        </ol>
      ) : (
        <p safe>{t('notifications.inbox.empty')}</p>
      )}
      <Pager info={inbox} baseUrl={baseUrl} t={t} />
    </Layout>
  );
}
