import { z } from 'zod';
import { PUBLIC } from '../../../access/permissions.js';
import type { Ctx } from '../../../core/context.js';
import type { App, AppDeps } from '../../../http/types.js';
import { saveFollowup, submitFollowup } from '../commands/followups.js';
import {
  createIndicator,
  ImportRejected,
  importIndicatorValues,
  recordIndicatorValue,
  removeIndicator,
  removeIndicatorValue,
  updateIndicator,
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
import { countFindings } from '../followability.js';
import { STRATEGY_FOLLOWUP_WRITE, STRATEGY_INDICATOR_VALUES, STRATEGY_WRITE } from '../policy.js';
import {
  presentFinding,
  presentFollowup,
  presentProblems,
  presentSeries,
  presentStrategy,
  presentSummary,
  presentValue,
  presentVersion,
  presentVersionSummary,
} from '../presenters.js';
import {
  findPart,
  findStrategy,
  getFollowup,
  getIndicatorSeries,
  getStrategy,
  getVersion,
  listFollowups,
  listGoals,
  listIndicatorSeries,
  listStrategies,
  listVersions,
  strategyFollowability,
  type PartKind,
} from '../queries.js';
import {
  actionBody,
  actionPatch,
  adoptBody,
  createBody,
  elementBody,
  elementPatch,
  errorSchema,
  focusAreaBody,
  focusAreaPatch,
  followabilitySchema,
  followupBody,
  followupListSchema,
  followupQuery,
  followupSchema,
  goalBody,
  goalListSchema,
  goalPatch,
  importBody,
  importErrorSchema,
  importResultSchema,
  indicatorBody,
  indicatorPatch,
  indicatorQuery,
  langQuery,
  partParams,
  partRowSchema,
  seriesListSchema,
  seriesSchema,
  strategyParams,
  strategySchema,
  summaryListSchema,
  updateBody,
  uuidParams,
  valueBody,
  valueParams,
  valueSchema,
  versionBody,
  versionListSchema,
  versionParams,
  versionSchema,
  versionSummarySchema,
} from './schemas.js';

const TAGS = ['strategy'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const readErrors = { 400: errorSchema, 404: errorSchema };

/** Present a part row: dates and nothing else need converting. */
const partJson = (row: object) => JSON.parse(JSON.stringify(row)) as z.infer<typeof partRowSchema>;

export function registerStrategyApi(app: App, _deps: AppDeps): void {
  // ── strategies ───────────────────────────────────────────────────────────
  app.get(
    '/api/strategies',
    { config: { permission: PUBLIC }, schema: { tags: TAGS, summary: 'All strategies (public documents)', querystring: langQuery, response: { 200: summaryListSchema } } },
    async (req) => ({ items: (await listStrategies(req.ctx.db)).map(presentSummary) }),
  );

  app.post(
    '/api/strategies',
    {
      config: { permission: STRATEGY_WRITE },
      schema: {
        tags: TAGS,
        summary: 'Create a strategy (draft)',
        description: 'Administrators, and registrars and case officers of the owner body (usually Kommunstyrelsen). The slug comes from the title.',
        body: createBody,
        response: { 201: strategySchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createStrategy(req.ctx, req.body);
      return reply.code(201).send(presentStrategy(await getStrategy(req.ctx.db, created.id)));
    },
  );

  app.get(
    '/api/strategies/:id',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'A strategy with its whole structure (by id or slug)',
        description: 'Vision, goal picture, principles, enablers, cost-distribution principles, focus areas, goals, actions, indicators with their latest value, and links to the referral round and the adopting decision.',
        params: strategyParams,
        querystring: langQuery,
        response: { 200: strategySchema, ...readErrors },
      },
    },
    async (req) => presentStrategy(await getStrategy(req.ctx.db, req.params.id)),
  );

  app.patch(
    '/api/strategies/:id',
    {
      config: { permission: STRATEGY_WRITE },
      schema: { tags: TAGS, summary: 'Change the strategy’s own fields', params: strategyParams, body: updateBody, response: { 200: strategySchema, ...errors } },
    },
    async (req) => {
      const s = await findStrategy(req.ctx.db, req.params.id);
      await updateStrategy(req.ctx, s.id, req.body);
      return presentStrategy(await getStrategy(req.ctx.db, s.id));
    },
  );

  app.get(
    '/api/strategies/:id/versions',
    { config: { permission: PUBLIC }, schema: { tags: TAGS, summary: 'The saved versions', params: strategyParams, querystring: langQuery, response: { 200: versionListSchema, ...readErrors } } },
    async (req) => ({ items: (await listVersions(req.ctx.db, req.params.id)).versions.map(presentVersionSummary) }),
  );

  app.post(
    '/api/strategies/:id/versions',
    {
      config: { permission: STRATEGY_WRITE },
      schema: {
        tags: TAGS,
        summary: 'Save the current structure as an immutable version',
        params: strategyParams,
        body: versionBody,
        response: { 201: versionSummarySchema, ...errors },
      },
    },
    async (req, reply) => {
      const s = await findStrategy(req.ctx.db, req.params.id);
      return reply.code(201).send(presentVersionSummary(await saveStrategyVersion(req.ctx, s.id, req.body)));
    },
  );

  app.get(
    '/api/strategies/:id/versions/:version',
    { config: { permission: PUBLIC }, schema: { tags: TAGS, summary: 'One saved version', params: versionParams, querystring: langQuery, response: { 200: versionSchema, ...readErrors } } },
    async (req) => presentVersion((await getVersion(req.ctx.db, req.params.id, req.params.version)).version),
  );

  app.post(
    '/api/strategies/:id/adopt',
    {
      config: { permission: STRATEGY_WRITE },
      schema: {
        tags: TAGS,
        summary: 'Record the adoption (status adopted) with its decision and referral round',
        description: '`adoptionItemId` is the agenda item (§) of the adopting decision, `referralId` the referral round; both must exist (422). The adopted structure is saved as a new version. Only a draft can be adopted (409).',
        params: strategyParams,
        body: adoptBody,
        response: { 200: strategySchema, ...errors },
      },
    },
    async (req) => {
      const s = await findStrategy(req.ctx.db, req.params.id);
      await adoptStrategy(req.ctx, s.id, req.body);
      return presentStrategy(await getStrategy(req.ctx.db, s.id));
    },
  );

  app.get(
    '/api/strategies/:id/followability',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'The followability check',
        description:
          'Every goal without an indicator, without an owner body, with an indicator lacking a target value, or without an action; every focus area without goals or whose goals are vague (no measurable verb such as öka/minska/halvera/uppnå, no bound such as minst/senast, no number or percentage). Each finding has a reason code and its text in Swedish and English.',
        params: strategyParams,
        querystring: langQuery,
        response: { 200: followabilitySchema, ...readErrors },
      },
    },
    async (req) => {
      const { strategy, findings } = await strategyFollowability(req.ctx.db, req.params.id);
      return {
        strategyId: strategy.id,
        followable: findings.length === 0,
        counts: countFindings(findings),
        findings: findings.map((f) => presentFinding(f, req.locale)),
      };
    },
  );

  app.get(
    '/api/strategies/:id/goals',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'The goals of a strategy', params: strategyParams, querystring: langQuery, response: { 200: goalListSchema, ...readErrors } },
    },
    async (req) => {
      const s = await findStrategy(req.ctx.db, req.params.id);
      return { items: await listGoals(req.ctx.db, s.id) };
    },
  );

  // ── parts: elements, focus areas, goals, actions ─────────────────────────
  const parts: Array<{
    path: string;
    kind: PartKind;
    name: string;
    body: z.ZodType;
    patch: z.ZodType;
    add: (ctx: Ctx, strategyId: string, input: never) => Promise<object>;
    update: (ctx: Ctx, id: string, input: never) => Promise<object>;
    remove: (ctx: Ctx, id: string) => Promise<void>;
  }> = [
    { path: 'elements', kind: 'element', name: 'a principle, enabler or cost-distribution principle', body: elementBody, patch: elementPatch, add: addElement, update: updateElement, remove: removeElement },
    { path: 'focus-areas', kind: 'focusArea', name: 'a focus area (insatsområde)', body: focusAreaBody, patch: focusAreaPatch, add: addFocusArea, update: updateFocusArea, remove: removeFocusArea },
    { path: 'goals', kind: 'goal', name: 'a goal (dimensions, owner body, focus area)', body: goalBody, patch: goalPatch, add: addGoal, update: updateGoal, remove: removeGoal },
    { path: 'actions', kind: 'action', name: 'an action (insats)', body: actionBody, patch: actionPatch, add: addAction, update: updateAction, remove: removeAction },
  ];
  for (const p of parts) {
    app.post(
      `/api/strategies/:id/${p.path}`,
      {
        config: { permission: STRATEGY_WRITE },
        schema: { tags: TAGS, summary: `Add ${p.name}`, params: strategyParams, body: p.body, response: { 201: partRowSchema, ...errors } },
      },
      async (req, reply) => {
        const s = await findStrategy(req.ctx.db, req.params.id);
        return reply.code(201).send(partJson(await p.add(req.ctx, s.id, req.body as never)));
      },
    );
    app.patch(
      `/api/strategies/:id/${p.path}/:partId`,
      {
        config: { permission: STRATEGY_WRITE },
        schema: { tags: TAGS, summary: `Change ${p.name}`, params: partParams, body: p.patch, response: { 200: partRowSchema, ...errors } },
      },
      async (req) => {
        const { part } = await findPart(req.ctx.db, p.kind, req.params.id, req.params.partId);
        return partJson(await p.update(req.ctx, part.id, req.body as never));
      },
    );
    app.delete(
      `/api/strategies/:id/${p.path}/:partId`,
      {
        config: { permission: STRATEGY_WRITE },
        schema: {
          tags: TAGS,
          summary: `Remove ${p.name}`,
          ...(p.kind === 'goal' && { description: 'Refused (409) while the goal has indicators.' }),
          params: partParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        const { part } = await findPart(req.ctx.db, p.kind, req.params.id, req.params.partId);
        await p.remove(req.ctx, part.id);
        return reply.code(204).send(null);
      },
    );
  }

  // ── indicators ───────────────────────────────────────────────────────────
  app.get(
    '/api/indicators',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Indicators with their values, filtered by strategy, goal, body and dimension',
        description: '`bodyId` matches the indicator’s owner body or its goal’s.',
        querystring: indicatorQuery,
        response: { 200: seriesListSchema, ...readErrors },
      },
    },
    async (req) => {
      const { lang: _l, ...filter } = req.query;
      return { items: (await listIndicatorSeries(req.ctx.db, filter)).map(presentSeries) };
    },
  );

  app.post(
    '/api/indicators',
    {
      config: { permission: STRATEGY_WRITE },
      schema: {
        tags: TAGS,
        summary: 'Add an indicator to a goal',
        description:
          'A baseline or target needs a unit; baseline and target periods must have the shape of the periodicity (year 2024, tertial 2024-T1, quarter 2024-Q1, month 2024-03); the target must lie in the indicator’s direction from the baseline (422).',
        body: indicatorBody,
        response: { 201: seriesSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await createIndicator(req.ctx, req.body);
      return reply.code(201).send(presentSeries(await getIndicatorSeries(req.ctx.db, created.id)));
    },
  );

  app.get(
    '/api/indicators/:id',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'An indicator (by id or slug) with all its values', params: strategyParams, querystring: langQuery, response: { 200: seriesSchema, ...readErrors } },
    },
    async (req) => presentSeries(await getIndicatorSeries(req.ctx.db, req.params.id)),
  );

  app.patch(
    '/api/indicators/:id',
    {
      config: { permission: STRATEGY_WRITE },
      schema: { tags: TAGS, summary: 'Change an indicator', params: uuidParams, body: indicatorPatch, response: { 200: seriesSchema, ...errors } },
    },
    async (req) => {
      await updateIndicator(req.ctx, req.params.id, req.body);
      return presentSeries(await getIndicatorSeries(req.ctx.db, req.params.id));
    },
  );

  app.delete(
    '/api/indicators/:id',
    {
      config: { permission: STRATEGY_WRITE },
      schema: { tags: TAGS, summary: 'Remove an indicator with its values', params: uuidParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await removeIndicator(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/indicators/:id/values',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'The values of an indicator, in period order', params: strategyParams, querystring: langQuery, response: { 200: z.object({ items: z.array(valueSchema) }), ...readErrors } },
    },
    async (req) => ({ items: (await getIndicatorSeries(req.ctx.db, req.params.id)).values.map(presentValue) }),
  );

  app.put(
    '/api/indicators/:id/values/:period',
    {
      config: { permission: STRATEGY_INDICATOR_VALUES },
      schema: {
        tags: TAGS,
        summary: 'Set the value of one period (feeds from other systems)',
        description:
          'The period must have the shape of the indicator’s periodicity: 2024, 2024-T1, 2024-Q1 or 2024-03 (422 otherwise). 201 when the period had no value, 200 when it is replaced. The strategy’s writers and the staff of the body owning the indicator.',
        params: valueParams,
        body: valueBody,
        response: { 200: valueSchema, 201: valueSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { value, created } = await recordIndicatorValue(req.ctx, req.params.id, req.params.period, req.body, 'api');
      return reply.code(created ? 201 : 200).send(presentValue(value));
    },
  );

  app.delete(
    '/api/indicators/:id/values/:period',
    {
      config: { permission: STRATEGY_INDICATOR_VALUES },
      schema: { tags: TAGS, summary: 'Remove the value of one period', params: valueParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await removeIndicatorValue(req.ctx, req.params.id, req.params.period);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/indicators/:id/values/import',
    {
      config: { permission: STRATEGY_INDICATOR_VALUES },
      schema: {
        tags: TAGS,
        summary: 'Import values from CSV, all or nothing',
        description:
          'Columns `period` and `value` (or `värde`), optionally `note` (`kommentar`); comma or semicolon; decimal comma accepted; header optional. When any row has a problem nothing is stored and the answer is 422 with `problems` (row, field, message). Otherwise every row is stored; a period that had a value gets the new one.',
        params: uuidParams,
        body: importBody,
        response: { 200: importResultSchema, ...errors, 422: importErrorSchema },
      },
    },
    async (req, reply) => {
      try {
        const { stored, created, updated } = await importIndicatorValues(req.ctx, req.params.id, req.body);
        return { stored, created, updated };
      } catch (e) {
        if (!(e instanceof ImportRejected)) throw e;
        const problems = presentProblems(e.problems, req.locale);
        const fields: Record<string, string[]> = {};
        for (const p of problems) (fields[p.row > 0 ? `rows.${p.row}.${p.field}` : p.field] ??= []).push(p.message);
        return reply.code(422).send({ error: 'invalid', message: req.t('strategy.import.rejected', { count: problems.length }), fields, problems });
      }
    },
  );

  // ── annual follow-ups ────────────────────────────────────────────────────
  app.get(
    '/api/followups',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Annual follow-ups by strategy, year and body',
        description: 'Submitted follow-ups are public; drafts are listed only for their board’s registrars, case officers and board secretaries.',
        querystring: followupQuery,
        response: { 200: followupListSchema, ...readErrors },
      },
    },
    async (req) => {
      const { lang: _l, ...filter } = req.query;
      return { items: (await listFollowups(req.ctx, filter)).map(presentFollowup) };
    },
  );

  app.post(
    '/api/followups',
    {
      config: { permission: STRATEGY_FOLLOWUP_WRITE },
      schema: {
        tags: TAGS,
        summary: 'Write a board’s follow-up for a year (creates or replaces the draft)',
        description: 'Registrars, case officers and board secretaries of that board. Refused (409) once submitted.',
        body: followupBody,
        response: { 200: followupSchema, ...errors },
      },
    },
    async (req) => {
      const row = await saveFollowup(req.ctx, req.body);
      return presentFollowup(await getFollowup(req.ctx, row.id));
    },
  );

  app.get(
    '/api/followups/:id',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'One follow-up (a draft only for its board’s staff)', params: uuidParams, querystring: langQuery, response: { 200: followupSchema, ...errors } },
    },
    async (req) => presentFollowup(await getFollowup(req.ctx, req.params.id)),
  );

  app.post(
    '/api/followups/:id/submit',
    {
      config: { permission: STRATEGY_FOLLOWUP_WRITE },
      schema: { tags: TAGS, summary: 'Submit the follow-up: public and final', params: uuidParams, response: { 200: followupSchema, ...errors } },
    },
    async (req) => {
      await submitFollowup(req.ctx, req.params.id);
      return presentFollowup(await getFollowup(req.ctx, req.params.id));
    },
  );
}
