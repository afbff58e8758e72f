import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { isAppError, Invalid, type FieldErrors } from '../core/errors.js';
import { t } from '../core/i18n.js';
import { ErrorSummary } from '../views/components.js';
import { Layout } from '../views/layout.js';
import type { App } from './types.js';
import { localisedFieldErrors, RequestValidationError, translateFields } from './validation.js';

/** The API is JSON; elsewhere the Accept header decides (browsers get an HTML page). */
export function wantsJson(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/') || req.url === '/health') return true;
  const accept = req.headers.accept ?? '';
  if (!accept) return true;
  return !accept.includes('text/html') && (accept.includes('json') || !accept.includes('*/*'));
}

export interface ErrorBody {
  error: string;
  message: string;
  fields?: FieldErrors;
}

/** Map any thrown error to a status and a body without internals: never a stack trace. */
export function describeError(error: unknown, req: FastifyRequest): { status: number; body: ErrorBody } {
  const locale = req.locale;
  if (error instanceof RequestValidationError) {
    return {
      status: 400,
      body: { error: 'invalid', message: t(locale, 'error.invalid'), fields: localisedFieldErrors(error.issues, locale, error.validationContext) },
    };
  }
  if (error instanceof Invalid) {
    const fields = error.issues
      ? localisedFieldErrors(error.issues as never, locale)
      : translateFields(error.fields, locale);
    return { status: 422, body: { error: error.code, message: t(locale, error.messageKey, error.params), fields } };
  }
  if (isAppError(error)) {
    return { status: error.status, body: { error: error.code, message: t(locale, error.messageKey, error.params) } };
  }
  const fe = error as FastifyError;
  if (fe && typeof fe === 'object' && typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 429) return { status: 429, body: { error: 'rate_limited', message: t(locale, 'error.rateLimited') } };
    const isJsonSyntax = fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error instanceof SyntaxError;
    if (isJsonSyntax) return { status: 400, body: { error: 'bad_json', message: t(locale, 'error.badJson') } };
    return { status: fe.statusCode, body: { error: (fe.code ?? 'bad_request').toLowerCase(), message: fe.message } };
  }
  return { status: 500, body: { error: 'internal', message: t(locale, 'error.internal') } };
}

export function ErrorPage({ req, status, body }: { req: FastifyRequest; status: number; body: ErrorBody }): JSX.Element {
  const ctx = req.pageContext();
  const loginHint = status === 401;
  return (
    <Layout ctx={ctx} title={ctx.t('error.title')}>
      <h1 safe>{`${ctx.t('error.title')} ${status}`}</h1>
      {body.fields ? <ErrorSummary errors={body.fields} t={ctx.t} /> : ''}
      <p safe>{body.message}</p>
      {loginHint ? (
        <p>
          <a href={`/login?next=${encodeURIComponent(req.url)}`} safe>
            {ctx.t('nav.login')}
          </a>
        </p>
      ) : (
        <p>
          <a href="/" safe>
            {ctx.t('nav.home')}
          </a>
        </p>
      )}
    </Layout>
  );
}

async function send(req: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) {
  if (wantsJson(req)) return reply.code(status).type('application/json; charset=utf-8').send(body);
  return reply.html(<ErrorPage req={req} status={status} body={body} />, status);
}

export function registerErrorHandling(app: App): void {
  app.setErrorHandler(async (error, req, reply) => {
    const { status, body } = describeError(error, req);
    if (status >= 500) req.log.error({ err: error }, 'unhandled error');
    else req.log.debug({ err: error }, 'request refused');
    return send(req, reply, status, body);
  });
  app.setNotFoundHandler(async (req, reply) => {
    return send(req, reply, 404, { error: 'not_found', message: t(req.locale, 'error.notFound') });
  });
}
