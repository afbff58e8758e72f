import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { PUBLIC } from '../../access/permissions.js';
import { Layout } from '../../views/layout.js';
import type { App, AppDeps } from '../types.js';

export const healthSchema = z.object({
  status: z.enum(['ok', 'error']),
  database: z.enum(['pglite', 'postgres']),
});

export function registerSystemRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/health',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_req, reply) => {
      try {
        await deps.database.db.execute(sql`select 1`);
        return { status: 'ok' as const, database: deps.database.driver };
      } catch {
        return reply.code(503).send({ status: 'error' as const, database: deps.database.driver });
      }
    },
  );

  app.get('/api/openapi.json', { config: { permission: PUBLIC }, schema: { hide: true } }, async () => app.swagger());

  app.get('/', { config: { permission: PUBLIC }, schema: { hide: true } }, async (req, reply) => {
    const ctx = req.pageContext();
    return reply.html(
      <Layout ctx={ctx} title={ctx.t('nav.home')}>
        <h1 safe>{ctx.t('app.name')}</h1>
        <p class="lead" safe>
          {ctx.t('app.tagline')}
        </p>
        <ul>
          <li>
            <a href="/registry" safe>
              {ctx.t('nav.registry')}
            </a>
          </li>
          <li>
            <a href="/organisation" safe>
              {ctx.t('nav.organisation')}
            </a>
          </li>
        </ul>
      </Layout>,
    );
  });
}
