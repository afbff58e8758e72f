import type { FastifyReply } from 'fastify';
import { PUBLIC } from '../../../../access/permissions.js';
import type { App, AppDeps } from '../../../../http/types.js';
import { compileReferral } from '../compile.js';
import { compilationCsv, compilationPdf } from '../exports.js';
import type { Compilation } from '../model.js';
import { CompilationPage } from '../views/compilation.js';
import { compilationErrorSchema, compilationParams, compilationQuery, compilationSchema } from './schemas.js';

const TAGS = ['referrals'];

/** An ASCII file name from the registry number: "KS 2016/123" → "ks-2016-123". */
function fileName(prefix: string, c: Compilation, ext: string): string {
  const number = c.referral.registryNumber
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${prefix}${number ? `-${number}` : ''}.${ext}`;
}

function download(reply: FastifyReply, type: string, name: string, body: string | Buffer): FastifyReply {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(body);
}

/**
 * The compilation of a referral round as a page, as downloads (CSV, JSON, PDF) and in the API.
 * Readable by anyone when the round is public; classified answers are withheld per reader.
 */
export function registerCompilationRoutes(app: App, _deps: AppDeps): void {
  app.get(
    '/api/referrals/:id/compilation',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'The compilation of a referral round: stances, decisions, reservations by party, recurring themes',
        description:
          'Per recipient its stance, decision points and statement; reservations and special statements grouped by party with identical texts merged across bodies; themes found with Swedish stemming, each with its passages. Rounds whose sender case the reader may not read, and unsent rounds for anyone but the sender body, answer 404. Recipients whose case is classified keep their row but are `restricted` and lose their content.',
        params: compilationParams,
        querystring: compilationQuery,
        response: { 200: compilationSchema, 400: compilationErrorSchema, 404: compilationErrorSchema },
      },
    },
    async (req) => compileReferral(req.ctx, req.params.id),
  );

  const pageSchema = { hide: true, params: compilationParams, querystring: compilationQuery };

  app.get('/referrals/:id/compilation', { config: { permission: PUBLIC }, schema: pageSchema }, async (req, reply) => {
    const c = await compileReferral(req.ctx, req.params.id);
    return reply.html(<CompilationPage ctx={req.pageContext()} c={c} />);
  });

  app.get('/referrals/:id/compilation.csv', { config: { permission: PUBLIC }, schema: pageSchema }, async (req, reply) => {
    const c = await compileReferral(req.ctx, req.params.id);
    return download(reply, 'text/csv; charset=utf-8', fileName(req.t('compilation.csv.filename'), c, 'csv'), compilationCsv(c, req.t, req.locale));
  });

  app.get('/referrals/:id/compilation.json', { config: { permission: PUBLIC }, schema: pageSchema }, async (req, reply) => {
    const c = await compileReferral(req.ctx, req.params.id);
    return download(reply, 'application/json; charset=utf-8', fileName('referral-compilation', c, 'json'), JSON.stringify(c, null, 2));
  });

  app.get('/referrals/:id/compilation.pdf', { config: { permission: PUBLIC }, schema: pageSchema }, async (req, reply) => {
    const c = await compileReferral(req.ctx, req.params.id);
    return download(reply, 'application/pdf', fileName(req.t('compilation.csv.filename'), c, 'pdf'), await compilationPdf(c, req.t, req.locale));
  });
}
