import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, can, PUBLIC } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import { Invalid, NotFound, type FieldErrors } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import { acceptMultipart, type UploadedFile } from '../../../http/multipart.js';
import type { App, AppDeps } from '../../../http/types.js';
import { localisedFieldErrors, translateFields } from '../../../http/validation.js';
import { chartCsv, chartCsvFilename } from '../../../views/charts.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { stockholmDate } from '../../registry/index.js';
import { saveFollowup, submitFollowup, ASSESSMENTS, type Assessment } from '../commands/followups.js';
import {
  createIndicator,
  ImportRejected,
  importIndicatorValues,
  recordIndicatorValue,
  removeIndicator,
  removeIndicatorValue,
  updateIndicator,
  type CreateIndicatorInput,
} from '../commands/indicators.js';
import {
  addAction,
  addElement,
  addFocusArea,
  addGoal,
  removeAction,
  removeElement,
  removeFocusArea,
  removeGoal,
  updateAction,
  updateElement,
  updateFocusArea,
  updateGoal,
} from '../commands/parts.js';
import { adoptStrategy, createStrategy, saveStrategyVersion, updateStrategy } from '../commands/strategies.js';
import { parseDecimal } from '../csv-import.js';
import { STRATEGY_FOLLOWUP_WRITE, STRATEGY_INDICATOR_VALUES, STRATEGY_WRITE } from '../policy.js';
import { indicatorChartData, presentProblems } from '../presenters.js';
import {
  bodyChoices,
  findBody,
  findFollowup,
  findPart,
  findStrategy,
  followabilityOf,
  followupOverview,
  getIndicatorSeries,
  getStrategy,
  getVersion,
  latestFollowupYear,
  listGoals,
  listIndicatorSeries,
  listStrategies,
  listVersions,
  mayRecordValues,
  mayWriteStrategy,
  progressTowardsTarget,
  type FollowupView,
  type IndicatorSeries,
  type PartKind,
  type StrategyView,
} from '../queries.js';
import { DIMENSIONS, type Dimension } from '../schema.js';
import { DashboardPage, progressSeries, type DashboardFilter } from '../views/dashboard.js';
import { followupHref, FollowupFormPage, FollowupOverviewPage, FollowupPage } from '../views/followups.js';
import { ActionFormPage, ElementFormPage, FocusAreaFormPage, GoalFormPage, IndicatorFormPage } from '../views/forms.js';
import { IndicatorPage, type ImportReportRow } from '../views/indicator.js';
import { indicatorHref, strategyHref } from '../views/parts.js';
import { AdoptPage, StrategyFormPage, StrategyListPage, StrategyPage, VersionPage, VersionsPage } from '../views/strategy.js';

// ── form helpers ────────────────────────────────────────────────────────────
type Values = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined);
const optionalId = (v: unknown): string | null => {
  const s = str(v)?.trim();
  return s ? s : null;
};
const optionalText = (v: unknown): string | null => {
  const s = str(v)?.trim();
  return s ? s : null;
};
const list = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v !== '' ? [v] : []);

/** Numbers typed in forms: decimal comma accepted; a field that is not a number gets a message. */
function numbers<K extends string>(values: Values, names: readonly K[], opts: { integer?: boolean } = {}): Record<K, number | null> {
  const errors: FieldErrors = {};
  const out = {} as Record<K, number | null>;
  for (const name of names) {
    const raw = str(values[name])?.trim() ?? '';
    if (raw === '') {
      out[name] = null;
      continue;
    }
    const n = parseDecimal(raw);
    if (n === null || (opts.integer && !Number.isInteger(n))) errors[name] = [opts.integer ? 'strategy.form.notInteger' : 'strategy.form.notNumber'];
    out[name] = n;
  }
  if (Object.keys(errors).length) throw new Invalid(errors);
  return out;
}

/** Errors about an item of a list (dimensions.0) belong to the list's field. */
async function asFormErrors<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof Invalid) || e instanceof ImportRejected) throw e;
    const top = (k: string) => (k.startsWith('dimensions.') ? 'dimensions' : k);
    const fields: FieldErrors = {};
    for (const [k, msgs] of Object.entries(e.fields)) (fields[top(k)] ??= []).push(...msgs);
    const issues = e.issues?.map((i) => {
      const issue = i as { path: PropertyKey[] };
      return issue.path[0] === 'dimensions' ? { ...issue, path: ['dimensions'] } : issue;
    });
    throw new Invalid(fields, e.message, issues);
  }
}

function sendCsv(reply: FastifyReply, filename: string, csv: string): FastifyReply {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff')
    .send(csv);
}

const slugParams = z.object({ slug: z.string().max(200) });
const partPageParams = z.object({ slug: z.string().max(200), partId: z.string().max(200) });
const idPageParams = z.object({ id: z.string().max(200) });
const yearParams = z.object({ slug: z.string().max(200), year: z.string().max(10) });
const bodyYearParams = z.object({ slug: z.string().max(200), year: z.string().max(10), body: z.string().max(200) });
const pageQuery = z.object({ lang: z.string().max(5).optional() }).loose();

const yearOf = (s: string): number => {
  const n = Number(s);
  if (!/^\d{4}$/.test(s) || n < 2000 || n > 2100) throw new NotFound('year');
  return n;
};
const versionOf = (s: string): number => {
  const n = Number(s);
  if (!/^\d{1,6}$/.test(s) || n < 1) throw new NotFound('version');
  return n;
};

export function registerStrategyPages(app: App, deps: AppDeps): void {
  const ctxOf = (req: FastifyRequest): Ctx => req.ctx;

  // ── strategies ───────────────────────────────────────────────────────────
  app.get('/strategies', { config: { permission: PUBLIC }, schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const items = await listStrategies(req.ctx.db);
    return reply.html(<StrategyListPage ctx={req.pageContext()} items={items} mayCreate={can(req.actor, STRATEGY_WRITE)} />);
  });

  const strategyForm = (s: StrategyView | null): FormState =>
    emptyForm(
      s
        ? {
            title: s.title,
            ownerBodyId: s.ownerBody?.id ?? '',
            vision: s.vision,
            goalPicture: s.goalPicture,
            validFrom: s.validFrom ?? '',
            validTo: s.validTo ?? '',
            referralId: s.referralId ?? '',
          }
        : {},
    );
  const strategyInput = (v: Values) => ({
    title: str(v.title) ?? '',
    ownerBodyId: optionalId(v.ownerBodyId),
    vision: str(v.vision) ?? '',
    goalPicture: str(v.goalPicture) ?? '',
    validFrom: optionalText(v.validFrom),
    validTo: optionalText(v.validTo),
    referralId: optionalId(v.referralId),
  });

  app.get('/strategies/new', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, querystring: pageQuery } }, async (req, reply) =>
    reply.html(<StrategyFormPage ctx={req.pageContext()} s={null} form={strategyForm(null)} bodies={await bodyChoices(req.ctx.db)} />),
  );

  app.post('/strategies', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const bodies = await bodyChoices(req.ctx.db);
    return handleFormSubmit(req, reply, {
      values: req.body,
      run: () => createStrategy(ctxOf(req), strategyInput(req.body)),
      render: (form) => <StrategyFormPage ctx={req.pageContext()} s={null} form={form} bodies={bodies} />,
      redirect: (s) => strategyHref(s.slug),
      flash: () => req.t('strategy.created'),
    });
  });

  app.get('/strategies/:slug', { config: { permission: PUBLIC }, schema: { hide: true, params: slugParams, querystring: pageQuery } }, async (req, reply) => {
    const s = await getStrategy(req.ctx.db, req.params.slug);
    const year = (await latestFollowupYear(req.ctx.db, s.id)) ?? Number(stockholmDate(deps.clock.now()).slice(0, 4)) - 1;
    return reply.html(<StrategyPage ctx={req.pageContext()} s={s} findings={followabilityOf(s)} mayWrite={mayWriteStrategy(req.actor, s)} followupYear={year} />);
  });

  /** The strategy for a writer's page: 401/403 before anything is shown. */
  const writable = async (req: FastifyRequest, slug: string): Promise<StrategyView> => {
    const s = await getStrategy(req.ctx.db, slug);
    authorize(req.actor, STRATEGY_WRITE, { bodyId: s.ownerBody?.id ?? null });
    return s;
  };

  app.get('/strategies/:slug/edit', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, querystring: pageQuery } }, async (req, reply) => {
    const s = await writable(req, req.params.slug);
    return reply.html(<StrategyFormPage ctx={req.pageContext()} s={s} form={strategyForm(s)} bodies={await bodyChoices(req.ctx.db)} />);
  });

  app.post('/strategies/:slug/edit', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, body: formBodySchema } }, async (req, reply) => {
    const s = await writable(req, req.params.slug);
    const bodies = await bodyChoices(req.ctx.db);
    return handleFormSubmit(req, reply, {
      values: req.body,
      run: () => updateStrategy(ctxOf(req), s.id, strategyInput(req.body)),
      render: (form) => <StrategyFormPage ctx={req.pageContext()} s={s} form={form} bodies={bodies} />,
      redirect: (u) => strategyHref(u.slug),
      flash: () => req.t('strategy.saved'),
    });
  });

  app.get('/strategies/:slug/adopt', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, querystring: pageQuery } }, async (req, reply) => {
    const s = await writable(req, req.params.slug);
    const form = emptyForm({ adoptedOn: stockholmDate(deps.clock.now()), referralId: s.referralId ?? '' });
    return reply.html(<AdoptPage ctx={req.pageContext()} s={s} form={form} />);
  });

  app.post('/strategies/:slug/adopt', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, body: formBodySchema } }, async (req, reply) => {
    const s = await writable(req, req.params.slug);
    const v = req.body;
    return handleFormSubmit(req, reply, {
      values: v,
      run: () =>
        adoptStrategy(ctxOf(req), s.id, {
          adoptedOn: str(v.adoptedOn) ?? '',
          adoptionItemId: optionalId(v.adoptionItemId),
          referralId: optionalId(v.referralId),
          note: optionalText(v.note),
        }),
      render: (form) => <AdoptPage ctx={req.pageContext()} s={s} form={form} />,
      redirect: () => strategyHref(s.slug),
      flash: (a) => req.t('strategy.adopted', { version: a.version.version }),
    });
  });

  // ── versions ─────────────────────────────────────────────────────────────
  app.get('/strategies/:slug/versions', { config: { permission: PUBLIC }, schema: { hide: true, params: slugParams, querystring: pageQuery } }, async (req, reply) => {
    const { strategy, versions } = await listVersions(req.ctx.db, req.params.slug);
    return reply.html(<VersionsPage ctx={req.pageContext()} s={strategy} versions={versions} mayWrite={mayWriteStrategy(req.actor, strategy)} form={emptyForm()} />);
  });

  app.post('/strategies/:slug/versions', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, body: formBodySchema } }, async (req, reply) => {
    const s = await writable(req, req.params.slug);
    const { versions } = await listVersions(req.ctx.db, s.id);
    return handleFormSubmit(req, reply, {
      values: req.body,
      run: () => saveStrategyVersion(ctxOf(req), s.id, { note: optionalText(req.body.note) }),
      render: (form) => <VersionsPage ctx={req.pageContext()} s={s} versions={versions} mayWrite form={form} />,
      redirect: (v) => `${strategyHref(s.slug)}/versions/${v.version}`,
      flash: (v) => req.t('strategy.versionSaved', { version: v.version }),
    });
  });

  app.get(
    '/strategies/:slug/versions/:version',
    { config: { permission: PUBLIC }, schema: { hide: true, params: z.object({ slug: z.string().max(200), version: z.string().max(10) }), querystring: pageQuery } },
    async (req, reply) => {
      const { strategy, version } = await getVersion(req.ctx.db, req.params.slug, versionOf(req.params.version));
      return reply.html(<VersionPage ctx={req.pageContext()} s={strategy} version={version} findings={followabilityOf(version.document)} />);
    },
  );

  // ── parts ────────────────────────────────────────────────────────────────
  type PartSpec = {
    path: string;
    kind: PartKind;
    /** The form's fields → the command's input. */
    input: (v: Values) => Record<string, unknown>;
    /** A part → the form's values. */
    values: (part: Record<string, unknown>) => Record<string, unknown>;
    /** Defaults for a new part from the query (?kind=, ?goalId=, ?focusAreaId=). */
    defaults: (q: Record<string, unknown>) => Record<string, unknown>;
    add: (ctx: Ctx, strategyId: string, input: never) => Promise<unknown>;
    update: (ctx: Ctx, id: string, input: never) => Promise<unknown>;
    remove: (ctx: Ctx, id: string) => Promise<void>;
    page: (req: FastifyRequest, s: StrategyView, editing: { title: string; deleteAction: string } | null, action: string, form: FormState) => Promise<JSX.Element>;
  };

  const position = (v: Values) => numbers(v, ['position'], { integer: true }).position ?? undefined;
  const texts = (v: Values) => ({ title: str(v.title) ?? '', description: str(v.description) ?? '' });
  const partValues = (p: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(p).map(([k, val]) => [k, val === null || val === undefined ? '' : Array.isArray(val) ? val : String(val)]));

  const specs: PartSpec[] = [
    {
      path: 'elements',
      kind: 'element',
      input: (v) => ({ kind: str(v.kind) ?? '', ...texts(v), position: position(v) }),
      values: partValues,
      defaults: (q) => ({ kind: typeof q.kind === 'string' ? q.kind : 'principle' }),
      add: addElement,
      update: updateElement,
      remove: removeElement,
      page: async (req, s, editing, action, form) => <ElementFormPage ctx={req.pageContext()} strategy={s} editing={editing} action={action} form={form} />,
    },
    {
      path: 'focus-areas',
      kind: 'focusArea',
      input: (v) => ({ ...texts(v), position: position(v) }),
      values: partValues,
      defaults: () => ({}),
      add: addFocusArea,
      update: updateFocusArea,
      remove: removeFocusArea,
      page: async (req, s, editing, action, form) => <FocusAreaFormPage ctx={req.pageContext()} strategy={s} editing={editing} action={action} form={form} />,
    },
    {
      path: 'goals',
      kind: 'goal',
      input: (v) => ({
        ...texts(v),
        dimensions: list(v.dimensions),
        ownerBodyId: optionalId(v.ownerBodyId),
        focusAreaId: optionalId(v.focusAreaId),
        position: position(v),
      }),
      values: partValues,
      defaults: (q) => ({ focusAreaId: typeof q.focusAreaId === 'string' ? q.focusAreaId : '' }),
      add: addGoal,
      update: updateGoal,
      remove: removeGoal,
      page: async (req, s, editing, action, form) => (
        <GoalFormPage ctx={req.pageContext()} strategy={s} editing={editing} action={action} form={form} bodies={await bodyChoices(req.ctx.db)} focusAreas={s.focusAreas} />
      ),
    },
    {
      path: 'actions',
      kind: 'action',
      input: (v) => ({
        ...texts(v),
        goalId: optionalId(v.goalId),
        focusAreaId: optionalId(v.focusAreaId),
        ownerBodyId: optionalId(v.ownerBodyId),
        dueDate: optionalText(v.dueDate),
        position: position(v),
      }),
      values: partValues,
      defaults: (q) => ({ goalId: typeof q.goalId === 'string' ? q.goalId : '' }),
      add: addAction,
      update: updateAction,
      remove: removeAction,
      page: async (req, s, editing, action, form) => (
        <ActionFormPage ctx={req.pageContext()} strategy={s} editing={editing} action={action} form={form} bodies={await bodyChoices(req.ctx.db)} focusAreas={s.focusAreas} goals={s.goals} />
      ),
    },
  ];

  for (const spec of specs) {
    const base = (s: StrategyView) => `${strategyHref(s.slug)}/${spec.path}`;
    const editingOf = (s: StrategyView, part: { id: string; title: string }) => ({ title: part.title, deleteAction: `${base(s)}/${part.id}/delete` });

    app.get(`/strategies/:slug/${spec.path}/new`, { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, querystring: pageQuery } }, async (req, reply) => {
      const s = await writable(req, req.params.slug);
      return reply.html(await spec.page(req, s, null, base(s), emptyForm(spec.defaults(req.query as Record<string, unknown>))));
    });

    app.post(`/strategies/:slug/${spec.path}`, { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, body: formBodySchema } }, async (req, reply) => {
      const s = await writable(req, req.params.slug);
      const page = (form: FormState) => spec.page(req, s, null, base(s), form);
      return handleFormSubmit(req, reply, {
        values: req.body,
        run: () => asFormErrors(() => spec.add(ctxOf(req), s.id, spec.input(req.body) as never)),
        render: (form) => page(form) as unknown as JSX.Element,
        redirect: () => strategyHref(s.slug),
        flash: () => req.t('strategy.partSaved'),
      });
    });

    app.get(
      `/strategies/:slug/${spec.path}/:partId/edit`,
      { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: partPageParams, querystring: pageQuery } },
      async (req, reply) => {
        const s = await writable(req, req.params.slug);
        const { part } = await findPart(req.ctx.db, spec.kind, s.id, req.params.partId);
        return reply.html(await spec.page(req, s, editingOf(s, part), `${base(s)}/${part.id}/edit`, emptyForm(spec.values(part as unknown as Record<string, unknown>))));
      },
    );

    app.post(
      `/strategies/:slug/${spec.path}/:partId/edit`,
      { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: partPageParams, body: formBodySchema } },
      async (req, reply) => {
        const s = await writable(req, req.params.slug);
        const { part } = await findPart(req.ctx.db, spec.kind, s.id, req.params.partId);
        return handleFormSubmit(req, reply, {
          values: req.body,
          run: () => asFormErrors(() => spec.update(ctxOf(req), part.id, spec.input(req.body) as never)),
          render: (form) => spec.page(req, s, editingOf(s, part), `${base(s)}/${part.id}/edit`, form) as unknown as JSX.Element,
          redirect: () => strategyHref(s.slug),
          flash: () => req.t('strategy.partSaved'),
        });
      },
    );

    app.post(
      `/strategies/:slug/${spec.path}/:partId/delete`,
      { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: partPageParams, body: formBodySchema } },
      async (req, reply) => {
        const s = await writable(req, req.params.slug);
        const { part } = await findPart(req.ctx.db, spec.kind, s.id, req.params.partId);
        await spec.remove(ctxOf(req), part.id);
        reply.setFlash(req.t('strategy.partRemoved', { title: part.title }));
        return reply.redirect(strategyHref(s.slug), 303);
      },
    );
  }

  // ── indicators ───────────────────────────────────────────────────────────
  const indicatorInput = (v: Values) => {
    const n = numbers(v, ['baseline', 'target']);
    return {
      goalId: str(v.goalId) ?? '',
      name: str(v.name) ?? '',
      description: str(v.description) ?? '',
      unit: str(v.unit) ?? '',
      baseline: n.baseline,
      baselinePeriod: optionalText(v.baselinePeriod),
      target: n.target,
      targetPeriod: optionalText(v.targetPeriod),
      direction: str(v.direction) ?? 'increase',
      periodicity: str(v.periodicity) ?? 'year',
      source: optionalText(v.source),
      ownerBodyId: optionalId(v.ownerBodyId),
    } as CreateIndicatorInput;
  };
  const indicatorForm = (s: IndicatorSeries) => {
    const i = s.indicator;
    return emptyForm({
      goalId: i.goalId,
      name: i.name,
      description: i.description,
      unit: i.unit,
      baseline: i.baseline === null ? '' : String(i.baseline),
      baselinePeriod: i.baselinePeriod ?? '',
      target: i.target === null ? '' : String(i.target),
      targetPeriod: i.targetPeriod ?? '',
      direction: i.direction,
      periodicity: i.periodicity,
      source: i.source ?? '',
      ownerBodyId: i.ownerBody?.id ?? '',
    });
  };
  const indicatorFormPage = async (req: FastifyRequest, s: StrategyView, editing: { title: string; deleteAction: string } | null, action: string, form: FormState, back?: { href: string; label: string }) => (
    <IndicatorFormPage ctx={req.pageContext()} strategy={s} editing={editing} action={action} form={form} bodies={await bodyChoices(req.ctx.db)} goals={s.goals} back={back} />
  );

  app.get('/strategies/:slug/indicators/new', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, querystring: pageQuery } }, async (req, reply) => {
    const s = await writable(req, req.params.slug);
    const goalId = (req.query as Record<string, unknown>).goalId;
    const form = emptyForm({ goalId: typeof goalId === 'string' ? goalId : '', periodicity: 'year', direction: 'increase' });
    return reply.html(await indicatorFormPage(req, s, null, `${strategyHref(s.slug)}/indicators`, form));
  });

  app.post('/strategies/:slug/indicators', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: slugParams, body: formBodySchema } }, async (req, reply) => {
    const s = await writable(req, req.params.slug);
    const goalIds = new Set(s.goals.map((g) => g.id));
    return handleFormSubmit(req, reply, {
      values: req.body,
      run: () => {
        const input = indicatorInput(req.body);
        if (!goalIds.has(input.goalId)) throw new Invalid({ goalId: ['strategy.goal.unknown'] });
        return createIndicator(ctxOf(req), input);
      },
      render: (form) => indicatorFormPage(req, s, null, `${strategyHref(s.slug)}/indicators`, form) as unknown as JSX.Element,
      redirect: (i) => indicatorHref(i.id),
      flash: () => req.t('strategy.indicator.created'),
    });
  });

  const indicatorPage = (req: FastifyRequest, s: IndicatorSeries, forms: { value?: FormState; import?: FormState; report?: ImportReportRow[] | null } = {}) => (
    <IndicatorPage
      ctx={req.pageContext()}
      s={s}
      progress={progressTowardsTarget(s)}
      may={{ write: can(req.actor, STRATEGY_WRITE, { bodyId: s.indicator.strategyOwnerBodyId }), values: mayRecordValues(req.actor, s.indicator) }}
      valueForm={forms.value ?? emptyForm()}
      importForm={forms.import ?? emptyForm()}
      report={forms.report ?? null}
    />
  );

  app.get(
    '/indicators/:id',
    { config: { permission: PUBLIC }, schema: { hide: true, params: idPageParams, querystring: z.object({ format: z.string().max(10).optional(), lang: z.string().max(5).optional() }).loose() } },
    async (req, reply) => {
      const s = await getIndicatorSeries(req.ctx.db, req.params.id);
      if (req.query.format === 'csv') {
        const { series, target } = indicatorChartData(s);
        return sendCsv(reply, chartCsvFilename(s.indicator.slug), chartCsv(series, { categoryLabel: 'period', target }));
      }
      return reply.html(indicatorPage(req, s));
    },
  );

  /** The indicator and its strategy, for a writer of the strategy. */
  const writableIndicator = async (req: FastifyRequest, id: string) => {
    const series = await getIndicatorSeries(req.ctx.db, id);
    const s = await writable(req, series.indicator.strategyId);
    return { series, s };
  };

  app.get('/indicators/:id/edit', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: idPageParams, querystring: pageQuery } }, async (req, reply) => {
    const { series, s } = await writableIndicator(req, req.params.id);
    const i = series.indicator;
    return reply.html(
      await indicatorFormPage(req, s, { title: i.name, deleteAction: `${indicatorHref(i.id)}/delete` }, `${indicatorHref(i.id)}/edit`, indicatorForm(series), {
        href: indicatorHref(i.id),
        label: req.t('strategy.indicator.back'),
      }),
    );
  });

  app.post('/indicators/:id/edit', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: idPageParams, body: formBodySchema } }, async (req, reply) => {
    const { series, s } = await writableIndicator(req, req.params.id);
    const i = series.indicator;
    return handleFormSubmit(req, reply, {
      values: req.body,
      run: () => updateIndicator(ctxOf(req), i.id, indicatorInput(req.body)),
      render: (form) =>
        indicatorFormPage(req, s, { title: i.name, deleteAction: `${indicatorHref(i.id)}/delete` }, `${indicatorHref(i.id)}/edit`, form, {
          href: indicatorHref(i.id),
          label: req.t('strategy.indicator.back'),
        }) as unknown as JSX.Element,
      redirect: () => indicatorHref(i.id),
      flash: () => req.t('strategy.indicator.saved'),
    });
  });

  app.post('/indicators/:id/delete', { config: { permission: STRATEGY_WRITE }, schema: { hide: true, params: idPageParams, body: formBodySchema } }, async (req, reply) => {
    const { series, s } = await writableIndicator(req, req.params.id);
    await removeIndicator(ctxOf(req), series.indicator.id);
    reply.setFlash(req.t('strategy.partRemoved', { title: series.indicator.name }));
    return reply.redirect(strategyHref(s.slug), 303);
  });

  const recorder = async (req: FastifyRequest, id: string) => {
    const s = await getIndicatorSeries(req.ctx.db, id);
    authorize(req.actor, STRATEGY_INDICATOR_VALUES, { bodyId: s.indicator.strategyOwnerBodyId, indicatorBodyId: s.indicator.ownerBody?.id ?? null });
    return s;
  };

  app.post('/indicators/:id/values', { config: { permission: STRATEGY_INDICATOR_VALUES }, schema: { hide: true, params: idPageParams, body: formBodySchema } }, async (req, reply) => {
    const s = await recorder(req, req.params.id);
    const v = req.body;
    return handleFormSubmit(req, reply, {
      values: v,
      run: () => {
        const raw = str(v.value)?.trim() ?? '';
        const value = parseDecimal(raw);
        if (value === null) throw new Invalid({ value: [raw === '' ? 'strategy.value.required' : 'strategy.form.notNumber'] });
        return recordIndicatorValue(ctxOf(req), s.indicator.id, str(v.period) ?? '', { value, note: optionalText(v.note) }, 'manual');
      },
      render: (form) => indicatorPage(req, s, { value: form }),
      redirect: () => indicatorHref(s.indicator.id),
      flash: (r) => req.t(r.created ? 'strategy.value.created' : 'strategy.value.replaced', { period: r.value.period }),
    });
  });

  app.post(
    '/indicators/:id/values/:period/delete',
    { config: { permission: STRATEGY_INDICATOR_VALUES }, schema: { hide: true, params: z.object({ id: z.string().max(200), period: z.string().max(100) }), body: formBodySchema } },
    async (req, reply) => {
      const s = await recorder(req, req.params.id);
      await removeIndicatorValue(ctxOf(req), s.indicator.id, req.params.period);
      reply.setFlash(req.t('strategy.value.removed', { period: req.params.period }));
      return reply.redirect(indicatorHref(s.indicator.id), 303);
    },
  );

  // The import form takes a file (multipart) or pasted text.
  const maxBytes = Math.min(deps.config.STADSNAV_MAX_UPLOAD_BYTES, 2_000_000);
  app.register(async (scope) => {
    acceptMultipart(scope, maxBytes + 64 * 1024);
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    typed.post(
      '/indicators/:id/values/import',
      {
        config: { permission: STRATEGY_INDICATOR_VALUES },
        bodyLimit: maxBytes + 64 * 1024,
        schema: { hide: true, params: idPageParams, body: z.record(z.string().max(200), z.unknown()) },
      },
      async (req, reply) => {
        const s = await recorder(req, req.params.id);
        const body = req.body as Record<string, unknown>;
        const file = body.file as UploadedFile | undefined;
        const pasted = typeof body.csv === 'string' ? body.csv : '';
        const csv = file && typeof file === 'object' && 'content' in file && file.content.length > 0 ? file.content.toString('utf8') : pasted;
        const values = { csv: pasted };
        try {
          if (csv.trim() === '') throw new Invalid({ csv: ['strategy.import.nothing'] });
          const result = await importIndicatorValues(ctxOf(req), s.indicator.id, { csv });
          reply.setFlash(req.t('strategy.import.done', { stored: result.stored, created: result.created, updated: result.updated }));
          return reply.redirect(indicatorHref(s.indicator.id), 303);
        } catch (e) {
          if (e instanceof ImportRejected) {
            const report = presentProblems(e.problems, req.locale);
            return reply.html(indicatorPage(req, s, { import: { values, errors: {} }, report }), 422);
          }
          if (!(e instanceof Invalid)) throw e;
          const errors = e.issues ? localisedFieldErrors(e.issues as never, req.locale) : translateFields(e.fields, req.locale);
          return reply.html(indicatorPage(req, s, { import: { values, errors } }), 422);
        }
      },
    );
  });

  // ── dashboard ────────────────────────────────────────────────────────────
  app.get(
    '/strategies/:slug/dashboard',
    {
      config: { permission: PUBLIC },
      schema: {
        hide: true,
        params: slugParams,
        querystring: z
          .object({
            body: z.string().max(200).optional(),
            goal: z.string().max(200).optional(),
            dimension: z.string().max(40).optional(),
            format: z.string().max(10).optional(),
            chart: z.string().max(200).optional(),
            lang: z.string().max(5).optional(),
          })
          .loose(),
      },
    },
    async (req, reply) => {
      const s = await getStrategy(req.ctx.db, req.params.slug);
      const q = req.query;
      const ownerBodies = new Map<string, { id: string; name: string; slug: string }>();
      for (const b of [...s.goals.map((g) => g.ownerBody), ...s.indicators.map((i) => i.ownerBody)]) if (b) ownerBodies.set(b.id, b);
      const bodies = [...ownerBodies.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      const body = q.body ? bodies.find((b) => b.slug === q.body || b.id === q.body) : undefined;
      const goal = q.goal && isUuid(q.goal) && s.goals.some((g) => g.id === q.goal) ? q.goal : undefined;
      const dimension = (DIMENSIONS as readonly string[]).includes(q.dimension ?? '') ? (q.dimension as Dimension) : undefined;
      const filter: DashboardFilter = { body: body?.slug, goal, dimension };
      const series = await listIndicatorSeries(req.ctx.db, { strategyId: s.id, goalId: goal, bodyId: body?.id, dimension });
      const progress = new Map(series.map((x) => [x.indicator.id, progressTowardsTarget(x)]));
      const ctx = req.pageContext();
      if (q.format === 'csv') {
        if (q.chart === 'progress') {
          return sendCsv(reply, chartCsvFilename(`${s.slug}-${req.t('strategy.dashboard.progressFile')}`), chartCsv(progressSeries(ctx, { series, progress }), { categoryLabel: 'indicator', target: { value: 100 } }));
        }
        const one = series.find((x) => x.indicator.slug === q.chart);
        if (!one) throw new NotFound('chart');
        const { series: data, target } = indicatorChartData(one);
        return sendCsv(reply, chartCsvFilename(one.indicator.slug), chartCsv(data, { categoryLabel: 'period', target }));
      }
      const goals = (await listGoals(req.ctx.db, s.id)).filter((g) => s.indicators.some((i) => i.goalId === g.id));
      return reply.html(<DashboardPage ctx={ctx} m={{ strategy: s, filter, bodies, goals, series, progress }} />);
    },
  );

  // ── annual follow-ups ────────────────────────────────────────────────────
  app.get('/strategies/:slug/followups/:year', { config: { permission: PUBLIC }, schema: { hide: true, params: yearParams, querystring: pageQuery } }, async (req, reply) => {
    const o = await followupOverview(req.ctx, req.params.slug, yearOf(req.params.year));
    const writableBodies = new Set(o.rows.filter((r) => can(req.actor, STRATEGY_FOLLOWUP_WRITE, { bodyId: r.body.id })).map((r) => r.body.id));
    return reply.html(<FollowupOverviewPage ctx={req.pageContext()} o={o} writable={writableBodies} />);
  });

  const followupContext = async (req: FastifyRequest, params: { slug: string; year: string; body: string }) => {
    const strategy = await findStrategy(req.ctx.db, params.slug);
    const year = yearOf(params.year);
    const body = await findBody(req.ctx.db, params.body);
    const goals = (await listGoals(req.ctx.db, strategy.id)).map((g) => ({ id: g.id, title: g.title }));
    const followup = await findFollowup(req.ctx, strategy.id, body.id, year);
    return { strategy, year, body, goals, followup };
  };

  app.get('/strategies/:slug/followups/:year/:body', { config: { permission: PUBLIC }, schema: { hide: true, params: bodyYearParams, querystring: pageQuery } }, async (req, reply) => {
    const { strategy, year, body, goals, followup } = await followupContext(req, req.params);
    if (!followup) {
      if (can(req.actor, STRATEGY_FOLLOWUP_WRITE, { bodyId: body.id })) return reply.redirect(`${followupHref(strategy.slug, year, body.slug)}/edit`, 303);
      throw new NotFound('followup');
    }
    return reply.html(<FollowupPage ctx={req.pageContext()} strategy={strategy} goals={goals} f={followup} submitForm={emptyForm()} />);
  });

  const followupFormValues = (f: FollowupView | null): Record<string, unknown> => {
    if (!f) return {};
    const v: Record<string, unknown> = { summary: f.summary, challenges: f.challenges, nextSteps: f.nextSteps };
    for (const a of f.goalAssessments) {
      v[`assessment.${a.goalId}`] = a.assessment;
      v[`comment.${a.goalId}`] = a.comment;
    }
    return v;
  };

  const editableFollowup = async (req: FastifyRequest, params: { slug: string; year: string; body: string }) => {
    const c = await followupContext(req, params);
    authorize(req.actor, STRATEGY_FOLLOWUP_WRITE, { bodyId: c.body.id });
    return c;
  };

  app.get(
    '/strategies/:slug/followups/:year/:body/edit',
    { config: { permission: STRATEGY_FOLLOWUP_WRITE }, schema: { hide: true, params: bodyYearParams, querystring: pageQuery } },
    async (req, reply) => {
      const { strategy, year, body, goals, followup } = await editableFollowup(req, req.params);
      if (followup?.status === 'submitted') return reply.redirect(followupHref(strategy.slug, year, body.slug), 303);
      return reply.html(<FollowupFormPage ctx={req.pageContext()} strategy={strategy} body={body} year={year} goals={goals} form={emptyForm(followupFormValues(followup))} />);
    },
  );

  app.post(
    '/strategies/:slug/followups/:year/:body/edit',
    { config: { permission: STRATEGY_FOLLOWUP_WRITE }, schema: { hide: true, params: bodyYearParams, body: formBodySchema } },
    async (req, reply) => {
      const { strategy, year, body, goals } = await editableFollowup(req, req.params);
      const v = req.body;
      const goalAssessments = goals.flatMap((g) => {
        const a = str(v[`assessment.${g.id}`]);
        if (!a || !(ASSESSMENTS as readonly string[]).includes(a)) return [];
        return [{ goalId: g.id, assessment: a as Assessment, comment: str(v[`comment.${g.id}`]) ?? '' }];
      });
      return handleFormSubmit(req, reply, {
        values: v,
        run: () =>
          saveFollowup(ctxOf(req), {
            strategyId: strategy.id,
            bodyId: body.id,
            year,
            summary: str(v.summary) ?? '',
            goalAssessments,
            challenges: str(v.challenges) ?? '',
            nextSteps: str(v.nextSteps) ?? '',
          }),
        render: (form) => <FollowupFormPage ctx={req.pageContext()} strategy={strategy} body={body} year={year} goals={goals} form={form} />,
        redirect: () => followupHref(strategy.slug, year, body.slug),
        flash: () => req.t('strategy.followup.saved'),
      });
    },
  );

  app.post(
    '/strategies/:slug/followups/:year/:body/submit',
    { config: { permission: STRATEGY_FOLLOWUP_WRITE }, schema: { hide: true, params: bodyYearParams, body: formBodySchema } },
    async (req, reply) => {
      const { strategy, year, body, goals, followup } = await editableFollowup(req, req.params);
      if (!followup) throw new NotFound('followup');
      return handleFormSubmit(req, reply, {
        values: req.body,
        run: () => submitFollowup(ctxOf(req), followup.id),
        render: (form) => <FollowupPage ctx={req.pageContext()} strategy={strategy} goals={goals} f={followup} submitForm={form} />,
        redirect: () => followupHref(strategy.slug, year, body.slug),
        flash: () => req.t('strategy.followup.submitted'),
      });
    },
  );
}
