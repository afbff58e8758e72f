import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { authorize, PUBLIC } from '../../../access/permissions.js';
import { Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import type { App, AppDeps } from '../../../http/types.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { getCase, stockholmDate } from '../../registry/index.js';
import { createStatement, type CreateStatementInput } from '../commands/create-statement.js';
import { finaliseStatement } from '../commands/finalise-statement.js';
import { finalLocked, saveStatementVersion, type SaveStatementVersionInput } from '../commands/save-statement-version.js';
import { STATEMENTS_FINALISE, STATEMENTS_WRITE } from '../policy.js';
import { presentDiff, presentStatement, presentVersion, presentVersionSummary } from '../presenters.js';
import { getStatement, getVersion, listVersions, statementDiff, statementsForCase, type StatementView } from '../queries.js';
import { linesOf, parseSignatory, signatoriesText } from '../text.js';
import { DiffPage, StatementFormPage, StatementPage, VersionPage, VersionsPage, type CaseHeader } from '../views/pages.js';
import {
  createBody,
  diffQuery,
  diffSchema,
  errorSchema,
  finaliseBody,
  idParams,
  listQuery,
  saveBody,
  statementListSchema,
  statementSchema,
  versionListSchema,
  versionParams,
  versionSchema,
} from './schemas.js';

const TAGS = ['statements'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

// ── form helpers ────────────────────────────────────────────────────────────
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const LIST_FIELDS = ['proposedDecision', 'attachmentNames', 'signatories'];

/** The page form's fields → the command's content (lists one item per line, signatories "Name, title"). */
function contentFromForm(v: Record<string, unknown>) {
  return {
    documentDate: str(v.documentDate) ?? '',
    proposedDecision: linesOf(str(v.proposedDecision)),
    summary: str(v.summary) ?? '',
    preparation: str(v.preparation) ?? '',
    background: str(v.background) ?? '',
    views: str(v.views) ?? '',
    attachmentNames: linesOf(str(v.attachmentNames)),
    signatories: linesOf(str(v.signatories)).map(parseSignatory),
    note: str(v.note) ?? null,
  };
}

/** Errors about one line of a list (signatories.2.name) belong to the list's textarea. */
function toFormFields(e: Invalid): Invalid {
  const field = (k: string) => LIST_FIELDS.find((f) => k === f || k.startsWith(`${f}.`)) ?? k;
  const fields: Record<string, string[]> = {};
  for (const [k, msgs] of Object.entries(e.fields)) (fields[field(k)] ??= []).push(...msgs);
  const issues = e.issues?.map((i) => {
    const issue = i as { path: PropertyKey[] };
    const first = String(issue.path[0] ?? '');
    return LIST_FIELDS.includes(first) ? { ...issue, path: [first] } : issue;
  });
  return new Invalid(fields, e.message, issues);
}

async function asFormErrors<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    throw e instanceof Invalid ? toFormFields(e) : e;
  }
}

function formOf(s: StatementView): FormState {
  const v = s.version;
  return emptyForm({
    title: s.title,
    documentDate: v.documentDate,
    proposedDecision: v.proposedDecision.join('\n'),
    summary: v.summary,
    preparation: v.preparation,
    background: v.background,
    views: v.views,
    attachmentNames: v.attachmentNames.join('\n'),
    signatories: signatoriesText(v.signatories),
  });
}

const headerOf = (s: StatementView): CaseHeader => ({ caseId: s.caseId, registryNumber: s.registryNumber, caseTitle: s.caseTitle, bodyName: s.bodyName });

/** Page ids that are not uuids are simply not found (the API answers 400 instead). */
function pageId(id: string): string {
  if (!isUuid(id)) throw new NotFound();
  return id;
}
const pageIdParams = z.object({ id: z.string().max(200) });
const pageVersionParams = z.object({ id: z.string().max(200), version: z.string().max(20) });
const versionNumber = (v: string | undefined): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new NotFound('version');
  return n;
};

export function registerStatementsRoutes(app: App, deps: AppDeps): void {
  // ── API ──────────────────────────────────────────────────────────────────
  app.get(
    '/api/statements',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'The statements of a case that the reader may read',
        description: 'Drafts are listed only for the staff of the case’s body; a final statement follows the case’s classification.',
        querystring: listQuery,
        response: { 200: statementListSchema, ...errors },
      },
    },
    async (req) => ({ items: (await statementsForCase(req.ctx, req.query.caseId)).map(presentStatement) }),
  );

  app.post(
    '/api/statements',
    {
      config: { permission: STATEMENTS_WRITE },
      schema: {
        tags: TAGS,
        summary: 'Start the statement (tjänsteutlåtande) of a case with its first version',
        description: 'Case officers, board secretaries and registrars of the case’s body. A case has one statement (409 for a second).',
        body: createBody,
        response: { 201: statementSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createStatement(req.ctx, req.body);
      return reply.code(201).send(presentStatement(await getStatement(req.ctx, created.id)));
    },
  );

  app.get(
    '/api/statements/:id',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'A statement with its current version',
        description: 'A draft is readable only by the staff of the case’s body; a final statement is public when its case is.',
        params: idParams,
        response: { 200: statementSchema, ...errors },
      },
    },
    async (req) => presentStatement(await getStatement(req.ctx, req.params.id)),
  );

  app.post(
    '/api/statements/:id/versions',
    {
      config: { permission: STATEMENTS_WRITE },
      schema: {
        tags: TAGS,
        summary: 'Save the draft as a new version',
        description: 'Every save adds an immutable version. Refused with 409 once the statement is final, or when `baseVersion` is not the current version.',
        params: idParams,
        body: saveBody,
        response: { 201: statementSchema, ...errors },
      },
    },
    async (req, reply) => {
      await saveStatementVersion(req.ctx, req.params.id, req.body);
      return reply.code(201).send(presentStatement(await getStatement(req.ctx, req.params.id)));
    },
  );

  app.get(
    '/api/statements/:id/versions',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'The version history (staff of the body)',
        params: idParams,
        response: { 200: versionListSchema, ...errors },
      },
    },
    async (req) => ({ items: (await listVersions(req.ctx, req.params.id)).versions.map(presentVersionSummary) }),
  );

  app.get(
    '/api/statements/:id/versions/:version',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'One version (staff of the body)', params: versionParams, response: { 200: versionSchema, ...errors } },
    },
    async (req) => presentVersion((await getVersion(req.ctx, req.params.id, req.params.version)).version),
  );

  app.get(
    '/api/statements/:id/diff',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Word-level differences between two versions, per section (staff of the body)',
        description: 'Each section lists its text as runs of `added`, `removed` and `unchanged` words, in order.',
        params: idParams,
        querystring: diffQuery,
        response: { 200: diffSchema, ...errors },
      },
    },
    async (req) => presentDiff((await statementDiff(req.ctx, req.params.id, req.query.from, req.query.to)).diff),
  );

  app.post(
    '/api/statements/:id/finalise',
    {
      config: { permission: STATEMENTS_FINALISE },
      schema: {
        tags: TAGS,
        summary: 'Finalise: register the latest version as the case’s statement document',
        description:
          'Registers a document of kind `statement` whose text is the whole statement; no edits after that (409). Give `version` to make sure no newer version was saved in between. Needs at least one decision point and one signatory (422).',
        params: idParams,
        body: finaliseBody,
        response: { 200: statementSchema, ...errors },
      },
    },
    async (req) => {
      await finaliseStatement(req.ctx, req.params.id, req.body);
      return presentStatement(await getStatement(req.ctx, req.params.id));
    },
  );

  // ── pages ────────────────────────────────────────────────────────────────
  const caseHeader = async (req: FastifyRequest, caseId: string): Promise<CaseHeader & { bodyId: string }> => {
    const view = await getCase(req.ctx, caseId);
    if (view.restricted) throw new Forbidden(STATEMENTS_WRITE);
    return { caseId: view.id, registryNumber: view.registryNumber, caseTitle: view.title ?? '', bodyName: view.bodyName, bodyId: view.bodyId };
  };

  app.get(
    '/statements/new',
    { config: { permission: STATEMENTS_WRITE }, schema: { hide: true, querystring: z.object({ caseId: z.string().max(200).optional() }) } },
    async (req, reply) => {
      const header = await caseHeader(req, pageId(req.query.caseId ?? ''));
      authorize(req.actor, STATEMENTS_WRITE, { bodyId: header.bodyId });
      const form = emptyForm({ title: header.caseTitle, documentDate: stockholmDate(deps.clock.now()) });
      return reply.html(<StatementFormPage ctx={req.pageContext()} header={header} statement={null} form={form} />);
    },
  );

  app.post('/statements', { config: { permission: STATEMENTS_WRITE }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const values = req.body;
    const header = await caseHeader(req, pageId(str(values.caseId) ?? ''));
    return handleFormSubmit(req, reply, {
      values,
      run: () =>
        asFormErrors(() =>
          createStatement(req.ctx, { caseId: header.caseId, title: str(values.title) ?? '', ...contentFromForm(values) } as CreateStatementInput),
        ),
      render: (form) => <StatementFormPage ctx={req.pageContext()} header={header} statement={null} form={form} />,
      redirect: (s) => `/statements/${s.id}`,
      flash: () => req.t('statements.created'),
    });
  });

  app.get('/statements/:id', { config: { permission: PUBLIC }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const s = await getStatement(req.ctx, pageId(req.params.id));
    return reply.html(<StatementPage ctx={req.pageContext()} s={s} finaliseForm={emptyForm()} />);
  });

  const editable = async (req: FastifyRequest, id: string) => {
    const s = await getStatement(req.ctx, pageId(id));
    authorize(req.actor, STATEMENTS_WRITE, { bodyId: s.bodyId });
    return s;
  };

  app.get('/statements/:id/edit', { config: { permission: STATEMENTS_WRITE }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const s = await editable(req, req.params.id);
    // Same refusal as the command: 409 with the reason.
    if (s.status === 'final') throw finalLocked(s);
    return reply.html(<StatementFormPage ctx={req.pageContext()} header={headerOf(s)} statement={s} form={formOf(s)} />);
  });

  app.post(
    '/statements/:id/edit',
    { config: { permission: STATEMENTS_WRITE }, schema: { hide: true, params: pageIdParams, body: formBodySchema } },
    async (req, reply) => {
      const s = await editable(req, req.params.id);
      const values = req.body;
      const base = Number(str(values.baseVersion));
      return handleFormSubmit(req, reply, {
        values,
        run: () =>
          asFormErrors(() =>
            saveStatementVersion(req.ctx, s.id, {
              title: str(values.title) ?? '',
              ...(Number.isInteger(base) && base >= 1 && { baseVersion: base }),
              ...contentFromForm(values),
            } as SaveStatementVersionInput),
          ),
        render: (form) => <StatementFormPage ctx={req.pageContext()} header={headerOf(s)} statement={s} form={form} />,
        redirect: (saved) => `/statements/${saved.id}`,
        flash: (saved) => req.t('statements.saved', { version: saved.currentVersion }),
      });
    },
  );

  app.post(
    '/statements/:id/finalise',
    { config: { permission: STATEMENTS_FINALISE }, schema: { hide: true, params: pageIdParams, body: formBodySchema } },
    async (req, reply) => {
      const s = await getStatement(req.ctx, pageId(req.params.id));
      const version = Number(str(req.body.version));
      return handleFormSubmit(req, reply, {
        values: req.body,
        run: () => finaliseStatement(req.ctx, s.id, Number.isInteger(version) && version >= 1 ? { version } : {}),
        render: (form) => <StatementPage ctx={req.pageContext()} s={s} finaliseForm={form} />,
        redirect: (done) => `/statements/${done.id}`,
        flash: () => req.t('statements.finalised'),
      });
    },
  );

  app.get('/statements/:id/versions', { config: { permission: PUBLIC }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const { statement, versions } = await listVersions(req.ctx, pageId(req.params.id));
    return reply.html(<VersionsPage ctx={req.pageContext()} s={statement} versions={versions} />);
  });

  app.get(
    '/statements/:id/versions/:version',
    { config: { permission: PUBLIC }, schema: { hide: true, params: pageVersionParams } },
    async (req, reply) => {
      const { statement, version } = await getVersion(req.ctx, pageId(req.params.id), versionNumber(req.params.version));
      return reply.html(<VersionPage ctx={req.pageContext()} s={statement} version={version} />);
    },
  );

  app.get(
    '/statements/:id/diff',
    {
      config: { permission: PUBLIC },
      schema: { hide: true, params: pageIdParams, querystring: z.object({ from: z.string().max(20).optional(), to: z.string().max(20).optional() }) },
    },
    async (req, reply) => {
      const id = pageId(req.params.id);
      const { statement, versions } = await listVersions(req.ctx, id);
      const to = req.query.to === undefined ? statement.currentVersion : versionNumber(req.query.to);
      const from = req.query.from === undefined ? Math.max(1, to - 1) : versionNumber(req.query.from);
      const { diff } = await statementDiff(req.ctx, id, from, to);
      return reply.html(<DiffPage ctx={req.pageContext()} s={statement} diff={diff} versions={versions.map((v) => v.version)} />);
    },
  );
}
