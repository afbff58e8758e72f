import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyReply } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authorize, isKnownPermission } from '../access/permissions.js';
import { newToken } from '../core/ids.js';
import { settingsRepository } from '../db/settings.js';
import { registerErrorHandling } from './errors.js';
import { registerRequestContext } from './request-context.js';
import { registerRoutes } from './routes.js';
import type { App, AppDeps, RouteInfo } from './types.js';
import { validatorCompiler } from './validation.js';

const STATIC_DIR = fileURLToPath(new URL('../views/static', import.meta.url));

export interface BuildAppOptions extends AppDeps {
  logger?: boolean;
}

/**
 * The Fastify app. Plugin order tells the architecture: external plugins, then our request
 * context and rules (permission per route, error mapping), then the modules' routes.
 */
export async function buildApp(opts: BuildAppOptions): Promise<App> {
  const { config } = opts;
  const deps: AppDeps = { database: opts.database, config: opts.config, clock: opts.clock };
  const app = Fastify({
    logger: opts.logger === false ? false : { level: config.STADSNAV_LOG_LEVEL },
    bodyLimit: config.STADSNAV_MAX_UPLOAD_BYTES,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // A secret shared by every app server of the instance: from the environment or generated once.
  const secret = config.STADSNAV_SESSION_SECRET ?? (await settingsRepository.getOrInsert(deps.database.db, 'signing_secret', newToken()));

  // External plugins.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Stadsnav API',
        description: 'Registry, referral rounds, decisions, strategy follow-up and open data of the city.',
        version: '0.1.0',
      },
      servers: [{ url: config.STADSNAV_PUBLIC_URL }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'sn_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifyStatic, { root: STATIC_DIR, prefix: '/static/', maxAge: '1h' });

  // Every route must say which permission it needs; the route-level check runs before the handler.
  const routeCatalog: RouteInfo[] = [];
  app.decorate('routeCatalog', routeCatalog);
  app.addHook('onRoute', (route) => {
    const permission = route.config?.permission;
    if (!permission) throw new Error(`route ${String(route.method)} ${route.url} declares no permission`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routeCatalog.push({ method, url: route.url, permission, hidden: Boolean((route.schema as { hide?: boolean } | undefined)?.hide) });
    }
    if (!isKnownPermission(permission)) throw new Error(`route ${route.url} uses unknown permission "${permission}"`);
    // Before validation: an anonymous or unauthorised request learns nothing about the input rules.
    const check = async (req: { actor: Parameters<typeof authorize>[0] }) => authorize(req.actor, permission);
    const existing = route.preValidation ? (Array.isArray(route.preValidation) ? route.preValidation : [route.preValidation]) : [];
    route.preValidation = [check, ...existing] as never;
  });

  app.decorateReply('html', async function (this: FastifyReply, body: JSX.Element, status = 200) {
    return this.code(status).type('text/html; charset=utf-8').send(await body);
  });

  registerRequestContext(app, deps, secret);
  registerErrorHandling(app);
  await registerRoutes(app, deps);
  return app;
}

export { STATIC_DIR };
export const staticPath = (...parts: string[]) => path.join(STATIC_DIR, ...parts);
