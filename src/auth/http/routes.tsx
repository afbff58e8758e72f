import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../access/permissions.js';
import { Invalid, TooManyRequests } from '../../core/errors.js';
import { blankToUndefined, formBodySchema } from '../../http/forms.js';
import { cookieOptions, SESSION_COOKIE } from '../../http/request-context.js';
import type { App, AppDeps } from '../../http/types.js';
import { localisedFieldErrors, translateFields } from '../../http/validation.js';
import { emptyForm } from '../../views/context.js';
import { logIn, logInInput } from '../commands/log-in.js';
import { presentUser } from '../presenters.js';
import { authRepository } from '../repository.js';
import { destroySession, SESSION_ABSOLUTE_MS, sessionIdOf } from '../sessions.js';
import { errorSchema, meSchema } from './schemas.js';
import { LoginPage } from '../views/login.js';

/** Only same-site relative paths, so `next` cannot send people elsewhere. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) && next.length < 500 ? next : '/';
}

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  const loginRateLimit = { max: deps.config.STADSNAV_LOGIN_RATE_LIMIT, timeWindow: '1 minute' };

  const startSession = (req: FastifyRequest, reply: FastifyReply, token: string) => {
    reply.setCookie(SESSION_COOKIE, token, cookieOptions(req, deps, SESSION_ABSOLUTE_MS / 1000));
    // The CSRF token is bound to the session from now on.
    req.sessionId = sessionIdOf(token);
  };

  app.get(
    '/login',
    { config: { permission: PUBLIC }, schema: { hide: true, querystring: z.object({ next: z.string().max(500).optional(), lang: z.string().optional() }) } },
    async (req, reply) => {
      const ctx = req.pageContext();
      return reply.html(<LoginPage ctx={ctx} form={emptyForm()} next={safeNext(req.query.next)} />);
    },
  );

  app.post(
    '/login',
    { config: { permission: PUBLIC, rateLimit: loginRateLimit }, schema: { hide: true, body: formBodySchema } },
    async (req, reply) => {
      const values = blankToUndefined(req.body);
      const next = safeNext(values.next);
      try {
        const { token } = await logIn(req.ctx, { username: String(values.username ?? ''), password: String(values.password ?? '') }, req.headers['user-agent'] ?? null);
        startSession(req, reply, token);
        return reply.redirect(next, 303);
      } catch (e) {
        if (!(e instanceof Invalid) && !(e instanceof TooManyRequests)) throw e;
        const errors =
          e instanceof TooManyRequests
            ? { username: [req.t('auth.login.locked')] }
            : e.issues
              ? localisedFieldErrors(e.issues as never, req.locale)
              : translateFields(e.fields, req.locale);
        const ctx = req.pageContext();
        return reply.html(<LoginPage ctx={ctx} form={{ values: { username: values.username }, errors }} next={next} />, e instanceof TooManyRequests ? 429 : 422);
      }
    },
  );

  app.post('/logout', { config: { permission: PUBLIC }, schema: { hide: true, body: formBodySchema.optional() } }, async (req, reply) => {
    if (req.sessionToken) await destroySession(deps.database.db, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.setFlash(req.t('auth.logout.done'));
    return reply.redirect('/', 303);
  });

  // JSON API: the same flow for programs. Fetch a CSRF token first, then log in with it.
  app.get(
    '/api/auth/session',
    {
      config: { permission: PUBLIC },
      schema: { tags: ['auth'], summary: 'Who is logged in, and a CSRF token for the next write', response: { 200: meSchema } },
    },
    async (req) => {
      const actor = req.actor;
      let user = null;
      if (actor.kind === 'user') {
        const row = await authRepository.findUserById(deps.database.db, actor.userId);
        if (row) user = presentUser(row, actor.grants);
      }
      return { authenticated: actor.kind === 'user', user, csrfToken: req.csrfToken() };
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { permission: PUBLIC, rateLimit: loginRateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Log in with username and password (needs x-csrf-token from GET /api/auth/session)',
        body: logInInput,
        response: { 200: meSchema, 400: errorSchema, 422: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const { token, userId } = await logIn(req.ctx, req.body, req.headers['user-agent'] ?? null);
      startSession(req, reply, token);
      const row = await authRepository.findUserById(deps.database.db, userId);
      const grants = await authRepository.grantsOf(deps.database.db, userId);
      return { authenticated: true, user: row ? presentUser(row, grants) : null, csrfToken: req.csrfToken() };
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: PUBLIC }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null() } } },
    async (req, reply) => {
      if (req.sessionToken) await destroySession(deps.database.db, req.sessionToken);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );
}
