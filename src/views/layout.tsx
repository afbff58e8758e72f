import type { PageContext } from './context.js';
import { can } from '../access/permissions.js';

export interface LayoutProps {
  ctx: PageContext;
  title: string;
  description?: string;
  children?: JSX.Element | JSX.Element[];
}

const navItems: Array<{ href: string; key: string; permission: string }> = [
  { href: '/', key: 'nav.home', permission: 'public' },
  { href: '/registry', key: 'nav.registry', permission: 'public' },
  { href: '/referrals', key: 'nav.referrals', permission: 'public' },
  { href: '/meetings', key: 'nav.meetings', permission: 'public' },
  { href: '/strategies', key: 'nav.strategies', permission: 'public' },
  { href: '/projects', key: 'nav.projects', permission: 'public' },
  { href: '/dashboard', key: 'nav.dashboard', permission: 'public' },
  { href: '/organisation', key: 'nav.organisation', permission: 'public' },
  { href: '/import', key: 'nav.import', permission: 'archive.import' },
  { href: '/inbox', key: 'nav.inbox', permission: 'notifications.read' },
  { href: '/admin/users', key: 'nav.admin', permission: 'user.manage' },
  { href: '/admin/audit', key: 'nav.audit', permission: 'audit.read' },
];

function languageSwitchHref(path: string, locale: string): string {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', locale === 'sv' ? 'en' : 'sv');
  return url.pathname + url.search;
}

/** Shared page frame: skip link, landmarks, language attribute, one h1 per page (in children). */
export function Layout({ ctx, title, description, children }: LayoutProps): JSX.Element {
  const { t, actor, locale } = ctx;
  const currentPath = new URL(ctx.path, 'http://x').pathname;
  return (
    <>
      {'<!doctype html>'}
      <html lang={locale}>
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title safe>{`${title} – ${t('app.name')}`}</title>
          <meta name="description" content={description ?? t('app.tagline')} />
          <link rel="stylesheet" href="/static/app.css" />
          <script src="/static/app.js" defer></script>
        </head>
        <body>
          <a class="skip-link" href="#main" safe>
            {t('nav.skip')}
          </a>
          <header class="site-header">
            <div class="wrap header-row">
              <a class="brand" href="/" safe>
                {t('app.name')}
              </a>
              <nav aria-label={t('nav.main')}>
                <ul class="nav-list">
                  {navItems
                    .filter((item) => can(actor, item.permission))
                    .map((item) => (
                      <li>
                        <a
                          href={item.href}
                          aria-current={
                            (item.href === '/' ? currentPath === '/' : currentPath.startsWith(item.href)) ? 'page' : undefined
                          }
                          safe
                        >
                          {t(item.key)}
                        </a>
                      </li>
                    ))}
                </ul>
              </nav>
              <div class="account">
                <a href={languageSwitchHref(ctx.path, locale)} lang={locale === 'sv' ? 'en' : 'sv'} safe>
                  {t('nav.language')}
                </a>
                {actor.kind === 'user' ? (
                  <form method="post" action="/logout" class="inline-form">
                    <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                    <a class="who" href="/account" safe>
                      {actor.displayName}
                    </a>
                    <button type="submit" class="link-button" safe>
                      {t('nav.logout')}
                    </button>
                  </form>
                ) : (
                  <a href={`/login?next=${encodeURIComponent(ctx.path)}`} safe>
                    {t('nav.login')}
                  </a>
                )}
              </div>
            </div>
          </header>
          <main id="main" tabindex="-1" class="wrap">
            {ctx.flash ? (
              <p class="flash" role="status" safe>
                {ctx.flash}
              </p>
            ) : (
              ''
            )}
            {children as 'safe'}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p safe>{t('app.tagline')}</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
