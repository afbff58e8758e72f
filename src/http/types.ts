import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../auth/actor.js';
import type { Config } from '../config/index.js';
import type { Clock } from '../core/clock.js';
import type { Ctx } from '../core/context.js';
import type { Locale, Translate } from '../core/i18n.js';
import type { Database } from '../db/client.js';
import type { PageContext } from '../views/context.js';

export type App = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What route modules receive: never a global. */
export interface AppDeps {
  database: Database;
  config: Config;
  clock: Clock;
}

/** One registered route, for generated tests (bad input, authorisation matrix) and docs. */
export interface RouteInfo {
  method: string;
  url: string;
  permission: string;
  /** Page routes are hidden from the OpenAPI document. */
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeCatalog: RouteInfo[];
  }
  interface FastifyContextConfig {
    /** The permission this route needs (see src/access); `public` for open routes. Required on every route. */
    permission?: string;
  }
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    t: Translate;
    /** Hash of the session cookie's token, when logged in. */
    sessionId: string | null;
    sessionToken: string | null;
    flash: string | undefined;
    /** Command context for this request: db, clock, actor. */
    ctx: Ctx;
    csrfToken(): string;
    pageContext(): PageContext;
  }
  interface FastifyReply {
    html(body: JSX.Element, status?: number): Promise<FastifyReply>;
    /** Set a one-time message shown on the next page (post/redirect/get). */
    setFlash(message: string): FastifyReply;
  }
}
