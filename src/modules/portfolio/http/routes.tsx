import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { authorize, PUBLIC } from '../../../access/permissions.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { asArray, blankToUndefined, formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import { acceptMultipart, multipartBodySchema, type MultipartBody, type UploadedFile } from '../../../http/multipart.js';
import type { App, AppDeps } from '../../../http/types.js';
import { localisedFieldErrors, translateFields } from '../../../http/validation.js';
import { chartCsv, chartCsvFilename } from '../../../views/charts.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { stockholmDate } from '../../registry/index.js';
import { DIMENSIONS, followupOverview, listGoals, listIndicatorSeries, listStrategies, type Dimension } from '../../strategy/index.js';
import { applyProposal } from '../commands/apply-proposal.js';
import { createProject } from '../commands/create-project.js';
import { createRound } from '../commands/create-round.js';
import { importProjects, ImportRejected, type ImportReport } from '../commands/import-projects.js';
import { linkProjectDecision } from '../commands/link-project-decision.js';
import { recordFundingDecision } from '../commands/record-funding-decision.js';
import { reportProjectStatus } from '../commands/report-project-status.js';
import { saveSelection } from '../commands/save-selection.js';
import { setProjectStatus } from '../commands/set-project-status.js';
import { setScores } from '../commands/set-scores.js';
import { updateProject } from '../commands/update-project.js';
import { templateCsv, templateXlsx } from '../import/template.js';
import { PORTFOLIO_PRIORITISE, PORTFOLIO_WRITE } from '../policy.js';
import { presentImportReport, presentOverview, presentProject, presentProjectSummary, presentRound, presentRoundSummary, projectHref, roundHref } from '../presenters.js';
import {
  councilChoices,
  decisionChoices,
  filterChoices,
  getProject,
  getRound,
  listProjects,
  listRounds,
  mayWriteAnywhere,
  portfolioOverview,
  projectFormChoices,
  type PortfolioFilter,
  type ProjectView,
  type RoundView,
} from '../queries.js';
import { DEFAULT_CRITERIA } from '../scoring.js';
import { DashboardPage, indicatorChart, type FollowupRow, PORTFOLIO_CHARTS, portfolioCharts, projectRows } from '../views/dashboard.js';
import { ImportPage, ProjectFormPage, ProjectListPage, ProjectPage, type ProjectPageForms } from '../views/projects.js';
import { RoundListPage, RoundPage, type RoundForms } from '../views/rounds.js';
import {
  createProjectBody,
  createRoundBody,
  decisionBody,
  decisionResultSchema,
  errorSchema,
  idParams,
  IMPORT_MAX_BYTES,
  importBody,
  importRejectedSchema,
  importReportSchema,
  linkDecisionBody,
  overviewQuery,
  overviewSchema,
  projectListQuery,
  projectListSchema,
  projectSchema,
  reportBody,
  roundListSchema,
  roundSchema,
  scoresBody,
  selectionBody,
  statusBody,
  updateProjectBody,
} from './schemas.js';

const PROJECT_TAGS = ['portfolio'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

// ── form helpers ────────────────────────────────────────────────────────────
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
/** '' → null, "1 500 000" / "1,5" → a number, anything else → NaN (refused by the command's schema). */
function num(v: unknown): number | null {
  const s = str(v)?.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!s) return null;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
}
const lines = (v: unknown) =>
  (str(v) ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

const LIST_FIELDS = ['goalIds', 'dependsOnIds', 'milestones', 'approvers', 'criteria', 'scores', 'items'];
/** Errors about one entry of a list (goalIds.2) belong to the list's field on the page. */
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

/** The project form's fields → the command's input. */
function projectFromForm(v: Record<string, unknown>) {
  return {
    title: str(v.title) ?? '',
    description: str(v.description) ?? '',
    kind: str(v.kind) ?? '',
    ownerBodyId: str(v.ownerBodyId) ?? '',
    estimatedCostPerYear: num(v.estimatedCostPerYear),
    costBearing: str(v.costBearing) ?? 'owner',
    costKey: str(v.costKey) ?? null,
    benefits: str(v.benefits) ?? '',
    risks: str(v.risks) ?? '',
    startDate: str(v.startDate) ?? null,
    endDate: str(v.endDate) ?? null,
    goalIds: asArray(v.goalIds as string | string[] | undefined),
    dependsOnIds: asArray(v.dependsOnIds as string | string[] | undefined),
    parentId: str(v.parentId) ?? null,
    weight: num(v.weight) ?? 1,
  };
}

function projectForm(v: ProjectView): FormState {
  const p = v.project;
  return emptyForm({
    title: p.title,
    description: p.description,
    kind: p.kind,
    ownerBodyId: p.ownerBodyId,
    estimatedCostPerYear: p.estimatedCostPerYear ?? '',
    costBearing: p.costBearing,
    costKey: p.costKey ?? '',
    benefits: p.benefits,
    risks: p.risks,
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    goalIds: v.goals.map((g) => g.goalId),
    dependsOnIds: v.dependsOn.map((d) => d.id),
    parentId: p.parentId ?? '',
    weight: p.weight,
  });
}

/** "Upphandling klar; 2027-03-31; klar" → a milestone. */
function milestoneOf(line: string) {
  const [title, ...rest] = line.split(';').map((s) => s.trim());
  const due = rest.find((r) => /^\d{4}-\d{2}-\d{2}$/.test(r)) ?? null;
  const done = rest.some((r) => /^(klar|klart|done|ja|x)$/i.test(r));
  return { title: title ?? '', due, done };
}

function reportFromForm(v: Record<string, unknown>) {
  return {
    period: str(v.period) ?? '',
    progress: num(v.progress) ?? Number.NaN,
    spent: num(v.spent),
    budget: num(v.budget),
    milestones: lines(v.milestones).map(milestoneOf),
    narrative: str(v.narrative) ?? '',
  };
}

/** Page ids that are not uuids are simply not found (the API answers 400 instead). */
function pageId(id: string): string {
  if (!isUuid(id)) throw new NotFound();
  return id;
}
const pageIdParams = z.object({ id: z.string().max(200) });

const pageQuery = z.object({
  bodyId: z.string().max(100).optional(),
  status: z.string().max(40).optional(),
  kind: z.string().max(40).optional(),
  goalId: z.string().max(100).optional(),
  dimension: z.string().max(40).optional(),
  q: z.string().max(200).optional(),
  page: z.string().max(10).optional(),
  lang: z.string().max(5).optional(),
});

/** Unknown filter values are ignored (a page never fails on a stale link). */
function pageFilter(q: z.infer<typeof pageQuery>) {
  const uuid = (v?: string) => (v && isUuid(v) ? v : undefined);
  const oneOf = <T extends string>(v: string | undefined, all: readonly T[]) => (v && (all as readonly string[]).includes(v) ? (v as T) : undefined);
  return {
    bodyId: uuid(q.bodyId),
    status: oneOf(q.status, ['proposed', 'ongoing', 'paused', 'completed', 'cancelled'] as const),
    kind: oneOf(q.kind, ['operational', 'enabling'] as const),
    goalId: uuid(q.goalId),
    dimension: oneOf(q.dimension, DIMENSIONS),
    q: q.q?.trim() || undefined,
  };
}

function sendCsv(reply: FastifyReply, filename: string, body: string | Buffer): FastifyReply {
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(body);
}

export function registerPortfolioRoutes(app: App, deps: AppDeps): void {
  // ── API: projects ────────────────────────────────────────────────────────
  app.get(
    '/api/projects',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Projects, filtered by owner body, status, kind, goal, sustainability dimension or text',
        querystring: projectListQuery,
        response: { 200: projectListSchema, ...errors },
      },
    },
    async (req) => {
      const { lang: _l, ...q } = req.query;
      const result = await listProjects(req.ctx, q);
      return { items: result.items.map(presentProjectSummary), page: result.page, pageSize: result.pageSize, total: result.total };
    },
  );

  app.get(
    '/api/projects/summary',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'The combined picture: projects per status, kind and body, cost vs budget and spent, progress',
        querystring: overviewQuery,
        response: { 200: overviewSchema, ...errors },
      },
    },
    async (req) => presentOverview(await portfolioOverview(req.ctx, { bodyId: req.query.bodyId, goalId: req.query.goalId, dimension: req.query.dimension })),
  );

  app.post(
    '/api/projects',
    {
      config: { permission: PORTFOLIO_WRITE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Submit a project (ongoing or possible)',
        description:
          'Registrars, case officers and the board secretary of the owner body, and administrators. Dependencies that would form a cycle are refused with 422 naming the cycle.',
        body: createProjectBody,
        response: { 201: projectSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createProject(req.ctx, req.body);
      return reply.code(201).send(presentProject(await getProject(req.ctx, created.id)));
    },
  );

  app.get(
    '/api/projects/:id',
    {
      config: { permission: PUBLIC },
      schema: { tags: PROJECT_TAGS, summary: 'A project with its goals, dependencies, sub-projects, decisions and reports', params: idParams, response: { 200: projectSchema, ...errors } },
    },
    async (req) => presentProject(await getProject(req.ctx, req.params.id)),
  );

  app.patch(
    '/api/projects/:id',
    {
      config: { permission: PORTFOLIO_WRITE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Change a project (only the fields given)',
        description: '`goalIds` and `dependsOnIds` replace the lists when given. A dependency or parent that closes a cycle is refused with 422.',
        params: idParams,
        body: updateProjectBody,
        response: { 200: projectSchema, ...errors },
      },
    },
    async (req) => {
      await updateProject(req.ctx, req.params.id, req.body);
      return presentProject(await getProject(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/projects/:id/status',
    {
      config: { permission: PORTFOLIO_WRITE },
      schema: { tags: PROJECT_TAGS, summary: 'Change the status (proposed, ongoing, paused, completed, cancelled)', params: idParams, body: statusBody, response: { 200: projectSchema, ...errors } },
    },
    async (req) => {
      await setProjectStatus(req.ctx, req.params.id, req.body);
      return presentProject(await getProject(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/projects/:id/decisions',
    {
      config: { permission: PORTFOLIO_WRITE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Link a final decision (an agenda item of any meeting) to the project',
        params: idParams,
        body: linkDecisionBody,
        response: { 200: projectSchema, ...errors },
      },
    },
    async (req) => {
      await linkProjectDecision(req.ctx, req.params.id, req.body);
      return presentProject(await getProject(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/projects/:id/reports',
    {
      config: { permission: PORTFOLIO_WRITE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Report status for a period (progress %, milestones, spent vs budget, narrative)',
        description: 'One report per period; the same period again replaces it. A parent’s progress is the weighted roll-up of its children.',
        params: idParams,
        body: reportBody,
        response: { 201: projectSchema, ...errors },
      },
    },
    async (req, reply) => {
      await reportProjectStatus(req.ctx, req.params.id, req.body);
      return reply.code(201).send(presentProject(await getProject(req.ctx, req.params.id)));
    },
  );

  // The import takes a file as base64 in JSON: a larger body limit for this route only.
  const importLimit = Math.ceil(IMPORT_MAX_BYTES * 1.4) + 64 * 1024;
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: importLimit }, scope.getDefaultJsonParser('error', 'error'));
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/projects/import',
      {
        config: { permission: PORTFOLIO_WRITE },
        bodyLimit: importLimit,
        schema: {
          tags: PROJECT_TAGS,
          summary: 'Import projects from CSV or XLSX (all or nothing)',
          description:
            'The file as base64. All or nothing: 201 with the created projects when every row is valid; otherwise nothing is stored and 422 carries `report.errors` (row, column, message). `dryRun` only checks (200). Template: /projects/import/template.csv or .xlsx.',
          body: importBody,
          response: { 200: importReportSchema, 201: importReportSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema, 422: importRejectedSchema },
        },
      },
      async (req, reply) => {
        const { contentBase64, ...input } = req.body;
        const content = Buffer.from(contentBase64, 'base64');
        if (content.length > IMPORT_MAX_BYTES) throw new Invalid({ contentBase64: ['portfolio.import.tooLarge'] });
        try {
          const report = await importProjects(req.ctx, input, content);
          return reply.code(report.stored ? 201 : 200).send(presentImportReport(report, req.t));
        } catch (e) {
          if (!(e instanceof ImportRejected)) throw e;
          const report = presentImportReport(e.report, req.t);
          return reply.code(422).send({ error: 'invalid', message: req.t('portfolio.import.summaryRejected', { count: report.errors.length }), fields: translateFields(e.fields, req.locale), report });
        }
      },
    );
  });

  // ── API: prioritisation rounds ───────────────────────────────────────────
  app.get(
    '/api/prioritisation-rounds',
    { config: { permission: PUBLIC }, schema: { tags: PROJECT_TAGS, summary: 'The digitalisation council’s prioritisation rounds', response: { 200: roundListSchema, ...errors } } },
    async (req) => ({ items: (await listRounds(req.ctx)).map(presentRoundSummary) }),
  );

  app.post(
    '/api/prioritisation-rounds',
    {
      config: { permission: PORTFOLIO_PRIORITISE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Open a prioritisation round (council members of the council, administrators)',
        description: 'Criteria default to goal contribution, benefit for residents, readiness, risk (inverse) and cost (inverse); weights are whole numbers.',
        body: createRoundBody,
        response: { 201: roundSchema, ...errors },
      },
    },
    async (req, reply) => {
      const round = await createRound(req.ctx, req.body);
      return reply.code(201).send(presentRound(await getRound(req.ctx, round.id)));
    },
  );

  app.get(
    '/api/prioritisation-rounds/:id',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'A round: candidates with scores, weighted score and rank, the tool’s proposal, the selection and the decision',
        description:
          'The proposal is an exact 0/1 knapsack: the largest total weighted score (Σ weight × score) within the budget, a project only together with the projects it depends on unless those are ongoing or completed.',
        params: idParams,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => presentRound(await getRound(req.ctx, req.params.id)),
  );

  app.post(
    '/api/prioritisation-rounds/:id/scores',
    {
      config: { permission: PORTFOLIO_PRIORITISE },
      schema: { tags: PROJECT_TAGS, summary: 'Score candidates 0–5 per criterion (null removes); only while the round is open', params: idParams, body: scoresBody, response: { 200: roundSchema, ...errors } },
    },
    async (req) => {
      await setScores(req.ctx, req.params.id, req.body);
      return presentRound(await getRound(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/prioritisation-rounds/:id/proposal',
    {
      config: { permission: PORTFOLIO_PRIORITISE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Make the tool’s proposal the selection (amount = estimated cost)',
        params: idParams,
        body: z.strictObject({}).optional(),
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => {
      await applyProposal(req.ctx, req.params.id);
      return presentRound(await getRound(req.ctx, req.params.id));
    },
  );

  app.put(
    '/api/prioritisation-rounds/:id/selection',
    {
      config: { permission: PORTFOLIO_PRIORITISE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'The council’s selection: the funded projects and amounts (the whole list)',
        description: 'Refused with 422 when the total exceeds the budget or a selected project’s dependency is neither selected nor ongoing.',
        params: idParams,
        body: selectionBody,
        response: { 200: roundSchema, ...errors },
      },
    },
    async (req) => {
      await saveSelection(req.ctx, req.params.id, req.body);
      return presentRound(await getRound(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/prioritisation-rounds/:id/decision',
    {
      config: { permission: PORTFOLIO_PRIORITISE },
      schema: {
        tags: PROJECT_TAGS,
        summary: 'Record the funding decision as a decision of the council',
        description:
          'Creates a meeting of the council (or uses a planned one), an agenda item whose decision points list the funded projects and amounts, and approves it; the round becomes decided, the funded projects ongoing, and the decision is linked to each.',
        params: idParams,
        body: decisionBody,
        response: { 201: decisionResultSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await recordFundingDecision(req.ctx, req.params.id, req.body)),
  );

  // ── pages: projects ──────────────────────────────────────────────────────
  app.get('/projects', { config: { permission: PUBLIC }, schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const filter = pageFilter(req.query);
    const page = Math.max(1, Math.min(100_000, Number(req.query.page) || 1));
    const [result, choices] = await Promise.all([listProjects(req.ctx, { ...filter, page, pageSize: 50 }), filterChoices(req.ctx)]);
    const form = emptyForm({ ...filter });
    return reply.html(
      <ProjectListPage
        ctx={req.pageContext()}
        result={result}
        form={form}
        bodies={choices.bodies}
        goals={choices.goals}
        baseUrl={req.url}
        mayWrite={mayWriteAnywhere(req.actor)}
      />,
    );
  });

  app.get('/projects/new', { config: { permission: PORTFOLIO_WRITE }, schema: { hide: true } }, async (req, reply) => {
    const choices = await projectFormChoices(req.ctx);
    const form = emptyForm({ status: 'proposed', costBearing: 'owner', weight: '1', ownerBodyId: choices.bodies[0]?.id ?? '' });
    return reply.html(<ProjectFormPage ctx={req.pageContext()} form={form} choices={choices} project={null} />);
  });

  app.post('/projects', { config: { permission: PORTFOLIO_WRITE }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const values = blankToUndefined(req.body);
    const choices = await projectFormChoices(req.ctx);
    return handleFormSubmit(req, reply, {
      values,
      run: () => asFormErrors(() => createProject(req.ctx, { ...projectFromForm(values), status: str(values.status) ?? 'proposed' } as never)),
      render: (form) => <ProjectFormPage ctx={req.pageContext()} form={form} choices={choices} project={null} />,
      redirect: (p) => projectHref(p.id),
      flash: () => req.t('portfolio.project.created'),
    });
  });

  app.get('/projects/import', { config: { permission: PORTFOLIO_WRITE }, schema: { hide: true } }, async (req, reply) =>
    reply.html(<ImportPage ctx={req.pageContext()} form={emptyForm()} report={null} />),
  );

  app.get('/projects/import/template.csv', { config: { permission: PUBLIC }, schema: { hide: true } }, async (_req, reply) => sendCsv(reply, 'projektmall.csv', templateCsv()));

  app.get('/projects/import/template.xlsx', { config: { permission: PUBLIC }, schema: { hide: true } }, async (_req, reply) =>
    reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="projektmall.xlsx"')
      .send(await templateXlsx()),
  );

  app.register(async (scope) => {
    acceptMultipart(scope, importLimit);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/projects/import',
      { config: { permission: PORTFOLIO_WRITE }, bodyLimit: importLimit, schema: { hide: true, body: multipartBodySchema } },
      async (req, reply) => {
        const raw = req.body as MultipartBody;
        const file = typeof raw.file === 'object' && !Array.isArray(raw.file) ? (raw.file as UploadedFile) : undefined;
        const dryRun = raw.dryRun === 'yes';
        const values = { dryRun: dryRun ? 'yes' : '' };
        const fail = (fields: Record<string, string[]>, report: ImportReport | null = null) =>
          reply.html(<ImportPage ctx={req.pageContext()} form={{ values, errors: translateFields(fields, req.locale) }} report={report} />, 422);
        if (!file) return fail({ file: ['portfolio.import.noFile'] });
        if (file.content.length > IMPORT_MAX_BYTES) return fail({ file: ['portfolio.import.tooLarge'] });
        try {
          const report = await importProjects(req.ctx, { filename: file.filename.slice(0, 300) || 'import.csv', dryRun }, file.content);
          return reply.html(<ImportPage ctx={req.pageContext()} form={{ values, errors: {} }} report={report} />);
        } catch (e) {
          if (e instanceof ImportRejected) return fail({}, e.report);
          if (e instanceof Invalid) return fail(e.fields.file ? { file: e.fields.file } : e.fields);
          throw e;
        }
      },
    );
  });

  const projectPage = async (req: FastifyRequest, id: string, forms: Partial<ProjectPageForms> = {}, status = 200) => {
    const v = await getProject(req.ctx, id);
    const today = stockholmDate(deps.clock.now());
    const all: ProjectPageForms = {
      status: forms.status ?? emptyForm({ status: v.project.status }),
      report: forms.report ?? emptyForm({ period: today.slice(0, 4), progress: v.latest?.progress ?? '' }),
      link: forms.link ?? emptyForm(),
    };
    const choices = v.may.write ? await decisionChoices(req.ctx, v.project.ownerBodyId) : [];
    return { v, html: <ProjectPage ctx={req.pageContext()} v={v} forms={all} decisionChoices={choices} />, status };
  };

  app.get('/projects/:id', { config: { permission: PUBLIC }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const { html } = await projectPage(req, pageId(req.params.id));
    return reply.html(html);
  });

  const editable = async (req: FastifyRequest, id: string) => {
    const v = await getProject(req.ctx, pageId(id));
    authorize(req.actor, PORTFOLIO_WRITE, { bodyId: v.project.ownerBodyId });
    return v;
  };

  app.get('/projects/:id/edit', { config: { permission: PORTFOLIO_WRITE }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const v = await editable(req, req.params.id);
    return reply.html(<ProjectFormPage ctx={req.pageContext()} form={projectForm(v)} choices={await projectFormChoices(req.ctx)} project={v} />);
  });

  app.post('/projects/:id/edit', { config: { permission: PORTFOLIO_WRITE }, schema: { hide: true, params: pageIdParams, body: formBodySchema } }, async (req, reply) => {
    const v = await editable(req, req.params.id);
    // A field left blank clears it.
    const values = blankToUndefined(req.body);
    const choices = await projectFormChoices(req.ctx);
    return handleFormSubmit(req, reply, {
      values,
      run: () => asFormErrors(() => updateProject(req.ctx, v.project.id, projectFromForm(values) as never)),
      render: (form) => <ProjectFormPage ctx={req.pageContext()} form={form} choices={choices} project={v} />,
      redirect: (p) => projectHref(p.id),
      flash: () => req.t('portfolio.project.saved'),
    });
  });

  /** A form on the project page: on Invalid the page is shown again with that form's errors (422). */
  const projectPageForm = (path: string, form: keyof ProjectPageForms, run: (req: FastifyRequest, id: string, values: Record<string, unknown>) => Promise<string>) =>
    app.post(path, { config: { permission: PORTFOLIO_WRITE }, schema: { hide: true, params: pageIdParams, body: formBodySchema } }, async (req, reply) => {
      const id = pageId((req.params as { id: string }).id);
      const values = blankToUndefined(req.body as Record<string, string | string[]>) as Record<string, unknown>;
      try {
        const flash = await asFormErrors(() => run(req, id, values));
        reply.setFlash(flash);
        return reply.redirect(`${projectHref(id)}#${form === 'report' ? 'reports' : form === 'link' ? 'decisions' : 'status-form'}`, 303);
      } catch (e) {
        if (!(e instanceof Invalid)) throw e;
        const errs = e.issues ? localisedFieldErrors(e.issues as never, req.locale) : translateFields(e.fields, req.locale);
        const { html } = await projectPage(req, id, { [form]: { values, errors: errs } });
        return reply.html(html, 422);
      }
    });

  projectPageForm('/projects/:id/status', 'status', async (req, id, values) => {
    const updated = await setProjectStatus(req.ctx, id, { status: str(values.status) ?? '', ...(str(values.note)?.trim() && { note: str(values.note)!.trim() }) } as never);
    return req.t('portfolio.statusChange.saved', { status: req.t(`portfolio.status.${updated.status}`) });
  });
  projectPageForm('/projects/:id/reports', 'report', async (req, id, values) => {
    const r = await reportProjectStatus(req.ctx, id, reportFromForm(values));
    return req.t('portfolio.report.saved', { period: r.period });
  });
  projectPageForm('/projects/:id/decisions', 'link', async (req, id, values) => {
    await linkProjectDecision(req.ctx, id, { itemId: str(values.itemId) ?? '' });
    return req.t('portfolio.link.saved');
  });

  // ── pages: prioritisation ────────────────────────────────────────────────
  const roundList = async (req: FastifyRequest, form: FormState) => {
    const [rounds, councils] = await Promise.all([listRounds(req.ctx), councilChoices(req.ctx)]);
    return <RoundListPage ctx={req.pageContext()} rounds={rounds} councils={councils} form={form} />;
  };

  app.get('/prioritisation', { config: { permission: PUBLIC }, schema: { hide: true } }, async (req, reply) => {
    const year = Number(stockholmDate(deps.clock.now()).slice(0, 4)) + 1;
    const defaults: Record<string, unknown> = { year: String(year), title: `Prioritering ${year}` };
    for (const c of DEFAULT_CRITERIA) defaults[`weight.${c.key}`] = String(c.weight);
    return reply.html(await roundList(req, emptyForm(defaults)));
  });

  app.post('/prioritisation', { config: { permission: PORTFOLIO_PRIORITISE }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const values = req.body;
    try {
      const round = await asFormErrors(() =>
        createRound(req.ctx, {
          councilBodyId: str(values.councilBodyId) ?? '',
          title: str(values.title) ?? '',
          year: num(values.year) ?? Number.NaN,
          budget: num(values.budget) ?? Number.NaN,
          criteria: DEFAULT_CRITERIA.map((c) => ({ ...c, weight: num(values[`weight.${c.key}`]) ?? c.weight })),
        }),
      );
      reply.setFlash(req.t('portfolio.rounds.created'));
      return reply.redirect(roundHref(round.id), 303);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const errs = e.issues ? localisedFieldErrors(e.issues as never, req.locale) : translateFields(e.fields, req.locale);
      return reply.html(await roundList(req, { values, errors: errs }), 422);
    }
  });

  const roundPage = async (req: FastifyRequest, id: string, forms: Partial<RoundForms> = {}) => {
    const v = await getRound(req.ctx, id);
    const today = stockholmDate(deps.clock.now());
    const all: RoundForms = {
      scores: forms.scores ?? emptyForm(),
      selection: forms.selection ?? emptyForm(),
      decision: forms.decision ?? emptyForm({ decisionDate: today }),
    };
    return <RoundPage ctx={req.pageContext()} v={v} forms={all} />;
  };

  app.get('/prioritisation/:id', { config: { permission: PUBLIC }, schema: { hide: true, params: pageIdParams } }, async (req, reply) =>
    reply.html(await roundPage(req, pageId(req.params.id))),
  );

  /** A form on the round page: on Invalid the page is shown again with that form's errors (422). */
  const roundPageForm = (path: string, form: keyof RoundForms, anchor: string, run: (req: FastifyRequest, v: RoundView, values: Record<string, unknown>) => Promise<string>) =>
    app.post(path, { config: { permission: PORTFOLIO_PRIORITISE }, schema: { hide: true, params: pageIdParams, body: formBodySchema } }, async (req, reply) => {
      const id = pageId((req.params as { id: string }).id);
      const v = await getRound(req.ctx, id);
      authorize(req.actor, PORTFOLIO_PRIORITISE, { bodyId: v.round.councilBodyId });
      const values = blankToUndefined(req.body as Record<string, string | string[]>) as Record<string, unknown>;
      try {
        const flash = await asFormErrors(() => run(req, v, values));
        reply.setFlash(flash);
        return reply.redirect(`${roundHref(id)}#${anchor}`, 303);
      } catch (e) {
        if (!(e instanceof Invalid)) throw e;
        const errs = e.issues ? localisedFieldErrors(e.issues as never, req.locale) : translateFields(e.fields, req.locale);
        return reply.html(await roundPage(req, id, { [form]: { values: req.body as Record<string, unknown>, errors: errs } }), 422);
      }
    });

  roundPageForm('/prioritisation/:id/scores', 'scores', 'ranking', async (req, v, values) => {
    const scores: Array<{ projectId: string; criterion: string; score: number | null }> = [];
    for (const [k, raw] of Object.entries(values)) {
      const m = /^score\.([0-9a-f-]{36})\.([a-zA-Z][a-zA-Z0-9_-]{0,39})$/.exec(k);
      if (!m) continue;
      const s = raw === undefined ? null : Number(str(raw));
      scores.push({ projectId: m[1]!, criterion: m[2]!, score: s === null || Number.isNaN(s) ? null : s });
    }
    // Unchanged cells are sent too; the command records only the changes.
    for (const c of v.candidates) for (const k of v.criteria) if (!(`score.${c.project.id}.${k.key}` in values) && c.scores[k.key] !== undefined && c.project.status === 'proposed') scores.push({ projectId: c.project.id, criterion: k.key, score: null });
    if (scores.length === 0) return req.t('portfolio.round.scoresSaved', { count: 0 });
    const { changed } = await setScores(req.ctx, v.round.id, { scores });
    return req.t('portfolio.round.scoresSaved', { count: changed });
  });

  roundPageForm('/prioritisation/:id/proposal', 'selection', 'selection', async (req, v) => {
    await applyProposal(req.ctx, v.round.id);
    return req.t('portfolio.round.proposalApplied');
  });

  roundPageForm('/prioritisation/:id/selection', 'selection', 'selection', async (req, v, values) => {
    const selected = new Set(asArray(values.selected as string | string[] | undefined));
    const items = v.candidates
      .filter((c) => c.project.status === 'proposed')
      .map((c) => ({ projectId: c.project.id, selected: selected.has(c.project.id), amount: num(values[`amount.${c.project.id}`]) }));
    await saveSelection(req.ctx, v.round.id, { items });
    return req.t('portfolio.round.selectionSaved');
  });

  roundPageForm('/prioritisation/:id/decision', 'decision', 'decided', async (req, v, values) => {
    await recordFundingDecision(req.ctx, v.round.id, {
      ...(str(values.decisionDate) && { decisionDate: str(values.decisionDate) }),
      approvers: lines(values.approvers),
    });
    return req.t('portfolio.round.decided');
  });

  // ── the combined picture ─────────────────────────────────────────────────
  const dashboardQuery = z.object({ bodyId: z.string().max(100).optional(), goalId: z.string().max(100).optional(), dimension: z.string().max(40).optional(), lang: z.string().max(5).optional() });
  const dashboardFilter = (q: z.infer<typeof dashboardQuery>): PortfolioFilter => {
    const f = pageFilter(q);
    return { bodyId: f.bodyId, goalId: f.goalId, dimension: f.dimension as Dimension | undefined };
  };
  const dashboardData = async (req: FastifyRequest, filter: PortfolioFilter) => {
    const [overview, indicators, choices, goals] = await Promise.all([
      portfolioOverview(req.ctx, filter),
      listIndicatorSeries(req.ctx.db, { bodyId: filter.bodyId, goalId: filter.goalId, dimension: filter.dimension }),
      filterChoices(req.ctx),
      listGoals(req.ctx.db),
    ]);
    return { filter, overview, indicators, bodies: choices.bodies, goals, followups: await followupRows(req, filter) };
  };
  /** Per strategy in force: the boards' annual follow-ups of the latest year that has any (else last year). */
  const followupRows = async (req: FastifyRequest, filter: PortfolioFilter): Promise<FollowupRow[]> => {
    const lastYear = Number(stockholmDate(deps.clock.now()).slice(0, 4)) - 1;
    const rows: FollowupRow[] = [];
    for (const s of (await listStrategies(req.ctx.db)).filter((x) => x.status !== 'archived')) {
      let o = await followupOverview(req.ctx, s.id, lastYear);
      const latest = o.years.find((y) => y !== lastYear && y > lastYear) ?? (o.counts.submitted + o.counts.drafts === 0 ? o.years.find((y) => y !== lastYear) : undefined);
      if (latest !== undefined) o = await followupOverview(req.ctx, s.id, latest);
      const own = filter.bodyId ? o.rows.find((r) => r.body.id === filter.bodyId) : undefined;
      rows.push({
        strategyTitle: s.title,
        strategySlug: s.slug,
        year: o.year,
        ...o.counts,
        ...(filter.bodyId && { bodyStatus: own?.followup?.status ?? 'missing' }),
      });
    }
    return rows;
  };

  app.get('/dashboard', { config: { permission: PUBLIC }, schema: { hide: true, querystring: dashboardQuery } }, async (req, reply) =>
    reply.html(<DashboardPage ctx={req.pageContext()} m={await dashboardData(req, dashboardFilter(req.query))} />),
  );

  for (const key of PORTFOLIO_CHARTS) {
    app.get(`/dashboard/${key}.csv`, { config: { permission: PUBLIC }, schema: { hide: true, querystring: dashboardQuery } }, async (req, reply) => {
      const overview = await portfolioOverview(req.ctx, dashboardFilter(req.query));
      const chart = portfolioCharts(req, overview).find((c) => c.key === key)!;
      return sendCsv(reply, chartCsvFilename(chart.title), chartCsv(chart.series, { categoryLabel: chart.categoryLabel }));
    });
  }

  app.get('/dashboard/projects.csv', { config: { permission: PUBLIC }, schema: { hide: true, querystring: dashboardQuery } }, async (req, reply) => {
    const overview = await portfolioOverview(req.ctx, dashboardFilter(req.query));
    return sendCsv(reply, 'projekt.csv', stringify(projectRows(req, overview), { bom: true, record_delimiter: 'windows' }));
  });

  app.get('/dashboard/indicators.csv', { config: { permission: PUBLIC }, schema: { hide: true, querystring: dashboardQuery } }, async (req, reply) => {
    const f = dashboardFilter(req.query);
    const series = await listIndicatorSeries(req.ctx.db, { bodyId: f.bodyId, goalId: f.goalId, dimension: f.dimension });
    const rows = [
      ['indicator_id', 'indicator', 'goal', 'strategy', 'unit', 'period', 'value', 'target', 'target_period'],
      ...series.flatMap((s) =>
        s.values.map((v) => [
          s.indicator.id,
          s.indicator.name,
          s.indicator.goalTitle,
          s.indicator.strategyTitle,
          s.indicator.unit,
          v.period,
          String(v.value),
          s.indicator.target === null ? '' : String(s.indicator.target),
          s.indicator.targetPeriod ?? '',
        ]),
      ),
    ];
    return sendCsv(reply, 'indikatorer.csv', stringify(rows, { bom: true, record_delimiter: 'windows' }));
  });

  app.get('/dashboard/indicators/:file', { config: { permission: PUBLIC }, schema: { hide: true, params: z.object({ file: z.string().max(100) }) } }, async (req, reply) => {
    const id = req.params.file.replace(/\.csv$/, '');
    if (!req.params.file.endsWith('.csv') || !isUuid(id)) throw new NotFound();
    const series = (await listIndicatorSeries(req.ctx.db, {})).find((s) => s.indicator.id === id);
    if (!series) throw new NotFound('indicator');
    const c = indicatorChart(series);
    return sendCsv(reply, chartCsvFilename(c.title), chartCsv(c.series, { categoryLabel: req.t('chart.period'), target: c.target, targetLabel: req.t('chart.target') }));
  });
}
