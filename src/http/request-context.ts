import { createHmac, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { anonymous } from '../auth/actor.js';
import { resolveSession } from '../auth/sessions.js';
import { DEFAULT_LOCALE, isLocale, translator, type Locale } from '../core/i18n.js';
import { newToken } from '../core/ids.js';
import { AppError } from '../core/errors.js';
import type { App, AppDeps } from './types.js';

export const SESSION_COOKIE = 'sn_session';
const ANON_COOKIE = 'sn_anon';
const LANG_COOKIE = 'sn_lang';
const FLASH_COOKIE = 'sn_flash';

export class CsrfError extends AppError {
  readonly code = 'csrf';
  readonly status = 403;
  constructor() {
    super('missing or invalid CSRF token', 'error.csrf');
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function cookieOptions(req: FastifyRequest, deps: AppDeps, maxAgeSeconds?: number) {
  const secure = deps.config.STADSNAV_SECURE_COOKIES === 'auto' ? req.protocol === 'https' : deps.config.STADSNAV_SECURE_COOKIES === 'true';
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, ...(maxAgeSeconds !== undefined && { maxAge: maxAgeSeconds }) };
}

/**
 * Per request: language, actor from the session cookie, command context, and CSRF tokens.
 * CSRF: an HMAC of the session (or of an anonymous cookie id) with the instance secret, sent in a
 * hidden `_csrf` field or the `x-csrf-token` header on every unsafe request (OWASP's signed token).
 */
export function registerRequestContext(app: App, deps: AppDeps, secret: string): void {
  const sign = (key: string) => createHmac('sha256', secret).update(`csrf|${key}`).digest('base64url');

  // Reference types cannot be decorated with a shared default; onRequest sets them per request.
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('t', translator(DEFAULT_LOCALE));
  app.decorateRequest('sessionId', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('flash', undefined);
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('csrfToken', function (this: FastifyRequest) {
    if (this.sessionId) return sign(`s:${this.sessionId}`);
    let anon = this.cookies[ANON_COOKIE];
    if (!anon || anon.length > 100) {
      anon = newToken();
      this.cookies[ANON_COOKIE] = anon;
      // The reply is reachable through the raw request's decorations only via the hook below.
      (this as FastifyRequest & { pendingAnonCookie?: string }).pendingAnonCookie = anon;
    }
    return sign(`a:${anon}`);
  });
  app.decorateRequest('pageContext', function (this: FastifyRequest) {
    return { locale: this.locale, t: this.t, actor: this.actor, csrfToken: this.csrfToken(), path: this.url, flash: this.flash };
  });

  app.decorateReply('setFlash', function (this: FastifyReply, message: string) {
    this.setCookie(FLASH_COOKIE, Buffer.from(message).toString('base64url'), cookieOptions(this.request, deps, 60));
    return this;
  });

  app.addHook('onRequest', async (req, reply) => {
    req.actor = anonymous;
    req.ctx = { db: deps.database.db, clock: deps.clock, actor: anonymous };
    const query = req.query as Record<string, unknown> | undefined;
    let locale: Locale | undefined;
    if (isLocale(query?.lang)) {
      locale = query.lang;
      reply.setCookie(LANG_COOKIE, locale, cookieOptions(req, deps, 365 * 24 * 3600));
    }
    // `lang` works on every URL, so routes' strict query schemas never see it.
    if (query && 'lang' in query) delete query.lang;
    if (!locale && isLocale(req.cookies[LANG_COOKIE])) locale = req.cookies[LANG_COOKIE] as Locale;

    const token = req.cookies[SESSION_COOKIE];
    if (token && token.length < 100) {
      const session = await resolveSession(deps.database.db, deps.clock, token);
      if (session) {
        req.actor = session.actor;
        req.sessionId = session.sessionId;
        req.sessionToken = token;
        locale ??= isLocale(session.locale) ? session.locale : undefined;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    req.locale = locale ?? DEFAULT_LOCALE;
    req.t = translator(req.locale);
    req.ctx = { db: deps.database.db, clock: deps.clock, actor: req.actor };

    const flash = req.cookies[FLASH_COOKIE];
    if (flash) {
      req.flash = Buffer.from(flash, 'base64url').toString('utf8').slice(0, 500);
      reply.clearCookie(FLASH_COOKIE, { path: '/' });
    }
  });

  app.addHook('onSend', async (req, reply) => {
    const pending = (req as FastifyRequest & { pendingAnonCookie?: string }).pendingAnonCookie;
    if (pending) reply.setCookie(ANON_COOKIE, pending, cookieOptions(req, deps));
    if (req.actor.kind === 'user') reply.header('cache-control', 'private, no-store');
  });

  app.addHook('preValidation', async (req) => {
    if (!UNSAFE.has(req.method)) return;
    const body = req.body as Record<string, unknown> | undefined | null;
    const fromBody = body && typeof body === 'object' && !Array.isArray(body) ? body._csrf : undefined;
    const header = req.headers['x-csrf-token'];
    const given = typeof fromBody === 'string' ? fromBody : typeof header === 'string' ? header : undefined;
    if (body && typeof body === 'object' && !Array.isArray(body) && '_csrf' in body) delete body._csrf;
    const key = req.sessionId ? `s:${req.sessionId}` : req.cookies[ANON_COOKIE] ? `a:${req.cookies[ANON_COOKIE]}` : undefined;
    if (!given || !key) throw new CsrfError();
    const expected = Buffer.from(sign(key));
    const actual = Buffer.from(given);
    if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new CsrfError();
  });
}
