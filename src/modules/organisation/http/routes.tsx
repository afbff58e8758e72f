import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { can, PUBLIC } from '../../../access/permissions.js';
import { NotFound } from '../../../core/errors.js';
import { blankToUndefined, formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import type { App, AppDeps } from '../../../http/types.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { addMembership, addMembershipInput } from '../commands/add-membership.js';
import { archiveBody } from '../commands/archive-body.js';
import { createAdministration, createAdministrationInput } from '../commands/create-administration.js';
import { createBody, createBodyInput } from '../commands/create-body.js';
import { createParty, createPartyInput } from '../commands/create-party.js';
import { createPerson, createPersonInput } from '../commands/create-person.js';
import { deleteAdministration } from '../commands/delete-administration.js';
import { deleteMembership } from '../commands/delete-membership.js';
import { endMembership } from '../commands/end-membership.js';
import { stockholmDate } from '../commands/shared.js';
import { updateAdministration, updateAdministrationInput } from '../commands/update-administration.js';
import { updateBody, updateBodyInput } from '../commands/update-body.js';
import { updateMembership, updateMembershipInput } from '../commands/update-membership.js';
import { updateParty, updatePartyInput } from '../commands/update-party.js';
import { updatePerson, updatePersonInput } from '../commands/update-person.js';
import { ORGANISATION_MANAGE } from '../policy.js';
import { presentAdministration, presentBody, presentMembership, presentParty, presentPerson } from '../presenters.js';
import {
  administrationChoices,
  administrationView,
  bodiesByKind,
  bodyChoices,
  bodyDetail,
  findAdministrationById,
  findAdministrationBySlug,
  findBodyById,
  findBodyBySlug,
  findMembershipById,
  findPartyById,
  findPersonById,
  listAdministrations,
  listBodies,
  listMemberships,
  listParties,
  listPeople,
  partyChoices,
  personChoices,
} from '../queries.js';
import type { BodyRow } from '../repository.js';
import { BODY_KINDS } from '../schema.js';
import { BodyPage } from '../views/body.js';
import { AdministrationFormPage, BodyFormPage, PartyFormPage, PersonFormPage } from '../views/forms.js';
import { OverviewPage } from '../views/overview.js';
import { PeoplePage } from '../views/people.js';
import {
  administrationPageSchema,
  administrationSchema,
  bodyDetailQuery,
  bodyDetailSchema,
  bodyPageSchema,
  bodySchema,
  errorResponses,
  idParams,
  listAdministrationsQuery,
  listBodiesQuery,
  listMembershipsQuery,
  listPartiesQuery,
  listPeopleQuery,
  membershipPageSchema,
  membershipSchema,
  partyPageSchema,
  partySchema,
  personPageSchema,
  personSchema,
} from './schemas.js';

const tags = ['organisation'];
const publicRoute = { permission: PUBLIC };
const manageRoute = { permission: ORGANISATION_MANAGE };

/** Page queries never fail: a bad page number or filter falls back to the default. */
const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1);
const PAGE_SIZE = 25;
const slugParams = z.object({ slug: z.string().max(200) });
const pageIdParams = z.object({ id: z.string().max(100) });

type FormValues = Record<string, string | string[] | undefined>;
/** A required text field left blank is '' (so the "required" message shows), an optional one is omitted. */
const required = (v: FormValues, k: string) => v[k] ?? '';
/** On an edit form a blanked optional field clears the value. */
const orNull = (v: FormValues, k: string) => v[k] ?? null;

export function registerOrganisationRoutes(app: App, deps: AppDeps): void {
  const today = () => stockholmDate(deps.clock.now());
  const canManage = (req: FastifyRequest) => can(req.actor, ORGANISATION_MANAGE);

  // ── API: bodies ───────────────────────────────────────────────────────────

  app.get(
    '/api/bodies',
    {
      config: publicRoute,
      schema: { tags, summary: 'List bodies (boards, councils), optionally of one kind', querystring: listBodiesQuery, response: { 200: bodyPageSchema, 400: errorResponses[400] } },
    },
    async (req) => {
      const q = req.query;
      const page = await listBodies(req.ctx.db, { page: q.page, pageSize: q.pageSize, kind: q.kind, q: q.q, includeArchived: q.includeArchived === 'true' });
      return { ...page, items: page.items.map(presentBody) };
    },
  );

  app.post(
    '/api/bodies',
    {
      config: manageRoute,
      schema: { tags, summary: 'Create a body', body: createBodyInput, response: { 201: bodySchema, ...errorResponses } },
    },
    async (req, reply) => reply.code(201).send(presentBody(await createBody(req.ctx, req.body))),
  );

  app.get(
    '/api/bodies/:id',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'A body with its administrations and its members on a day (today unless ?on=YYYY-MM-DD), grouped by role',
        params: idParams,
        querystring: bodyDetailQuery,
        response: { 200: bodyDetailSchema, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (req) => {
      const body = await findBodyById(req.ctx.db, req.params.id);
      if (!body) throw new NotFound('body');
      const detail = await bodyDetail(req.ctx.db, body, req.query.on ?? today());
      return {
        ...presentBody(body),
        administrations: detail.administrations.map(presentAdministration),
        membersOn: detail.on,
        members: detail.members.map((g) => ({ role: g.role, memberships: g.memberships.map(presentMembership) })),
      };
    },
  );

  app.patch(
    '/api/bodies/:id',
    {
      config: manageRoute,
      schema: { tags, summary: 'Change a body (a new name gives a new slug)', params: idParams, body: updateBodyInput, response: { 200: bodySchema, ...errorResponses } },
    },
    async (req) => presentBody(await updateBody(req.ctx, req.params.id, req.body)),
  );

  app.post(
    '/api/bodies/:id/archive',
    {
      config: manageRoute,
      schema: { tags, summary: 'Archive a body that no longer exists', params: idParams, response: { 200: bodySchema, ...errorResponses } },
    },
    async (req) => presentBody(await archiveBody(req.ctx, req.params.id)),
  );

  // ── API: administrations ──────────────────────────────────────────────────

  app.get(
    '/api/administrations',
    {
      config: publicRoute,
      schema: { tags, summary: 'List administrations, optionally of one body', querystring: listAdministrationsQuery, response: { 200: administrationPageSchema, 400: errorResponses[400] } },
    },
    async (req) => {
      const q = req.query;
      const page = await listAdministrations(req.ctx.db, { page: q.page, pageSize: q.pageSize, bodyId: q.bodyId });
      return { ...page, items: page.items.map(presentAdministration) };
    },
  );

  const presentAdministrationById = async (req: FastifyRequest, id: string) => {
    const view = await administrationView(req.ctx.db, id);
    if (!view) throw new NotFound('administration');
    return presentAdministration(view);
  };

  app.post(
    '/api/administrations',
    {
      config: manageRoute,
      schema: { tags, summary: 'Create an administration', body: createAdministrationInput, response: { 201: administrationSchema, ...errorResponses } },
    },
    async (req, reply) => {
      const row = await createAdministration(req.ctx, req.body);
      return reply.code(201).send(await presentAdministrationById(req, row.id));
    },
  );

  app.patch(
    '/api/administrations/:id',
    {
      config: manageRoute,
      schema: { tags, summary: 'Change an administration', params: idParams, body: updateAdministrationInput, response: { 200: administrationSchema, ...errorResponses } },
    },
    async (req) => {
      const row = await updateAdministration(req.ctx, req.params.id, req.body);
      return presentAdministrationById(req, row.id);
    },
  );

  app.delete(
    '/api/administrations/:id',
    {
      config: manageRoute,
      schema: { tags, summary: 'Delete an administration (its people stay, without it)', params: idParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await deleteAdministration(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ── API: parties ──────────────────────────────────────────────────────────

  app.get(
    '/api/parties',
    { config: publicRoute, schema: { tags, summary: 'List parties', querystring: listPartiesQuery, response: { 200: partyPageSchema, 400: errorResponses[400] } } },
    async (req) => {
      const page = await listParties(req.ctx.db, req.query);
      return { ...page, items: page.items.map(presentParty) };
    },
  );

  app.post(
    '/api/parties',
    { config: manageRoute, schema: { tags, summary: 'Create a party', body: createPartyInput, response: { 201: partySchema, ...errorResponses } } },
    async (req, reply) => reply.code(201).send(presentParty(await createParty(req.ctx, req.body))),
  );

  app.patch(
    '/api/parties/:id',
    {
      config: manageRoute,
      schema: { tags, summary: 'Change a party', params: idParams, body: updatePartyInput, response: { 200: partySchema, ...errorResponses } },
    },
    async (req) => presentParty(await updateParty(req.ctx, req.params.id, req.body)),
  );

  // ── API: people ───────────────────────────────────────────────────────────

  const presentPersonById = async (req: FastifyRequest, id: string) => {
    const view = await findPersonById(req.ctx.db, id);
    if (!view) throw new NotFound('person');
    return presentPerson(view);
  };

  app.get(
    '/api/people',
    {
      config: publicRoute,
      schema: { tags, summary: 'List or search people (politicians and officials)', querystring: listPeopleQuery, response: { 200: personPageSchema, 400: errorResponses[400] } },
    },
    async (req) => {
      const q = req.query;
      const page = await listPeople(req.ctx.db, { page: q.page, pageSize: q.pageSize, q: q.q, partyId: q.partyId, administrationId: q.administrationId });
      return { ...page, items: page.items.map(presentPerson) };
    },
  );

  app.post(
    '/api/people',
    { config: manageRoute, schema: { tags, summary: 'Add a person', body: createPersonInput, response: { 201: personSchema, ...errorResponses } } },
    async (req, reply) => {
      const row = await createPerson(req.ctx, req.body);
      return reply.code(201).send(await presentPersonById(req, row.id));
    },
  );

  app.get(
    '/api/people/:id',
    {
      config: publicRoute,
      schema: { tags, summary: 'A person', params: idParams, response: { 200: personSchema, 400: errorResponses[400], 404: errorResponses[404] } },
    },
    async (req) => presentPersonById(req, req.params.id),
  );

  app.patch(
    '/api/people/:id',
    {
      config: manageRoute,
      schema: { tags, summary: 'Change a person', params: idParams, body: updatePersonInput, response: { 200: personSchema, ...errorResponses } },
    },
    async (req) => {
      const row = await updatePerson(req.ctx, req.params.id, req.body);
      return presentPersonById(req, row.id);
    },
  );

  // ── API: memberships ──────────────────────────────────────────────────────

  const presentMembershipById = async (req: FastifyRequest, id: string) => {
    const view = await findMembershipById(req.ctx.db, id);
    if (!view) throw new NotFound('membership');
    return presentMembership(view);
  };

  app.get(
    '/api/bodies/:id/memberships',
    {
      config: publicRoute,
      schema: {
        tags,
        summary: 'Memberships of a body, newest first; ?on=YYYY-MM-DD for those in force that day',
        params: idParams,
        querystring: listMembershipsQuery,
        response: { 200: membershipPageSchema, 400: errorResponses[400], 404: errorResponses[404] },
      },
    },
    async (req) => {
      const body = await findBodyById(req.ctx.db, req.params.id);
      if (!body) throw new NotFound('body');
      const q = req.query;
      const page = await listMemberships(req.ctx.db, body.id, { page: q.page, pageSize: q.pageSize, on: q.on, role: q.role });
      return { ...page, items: page.items.map(presentMembership) };
    },
  );

  app.post(
    '/api/bodies/:id/memberships',
    {
      config: manageRoute,
      schema: {
        tags,
        summary: 'Give a person a role on the body from a date (member, substitute, serving substitute, chair)',
        params: idParams,
        body: addMembershipInput,
        response: { 201: membershipSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      const row = await addMembership(req.ctx, req.params.id, req.body);
      return reply.code(201).send(await presentMembershipById(req, row.id));
    },
  );

  app.patch(
    '/api/memberships/:id',
    {
      config: manageRoute,
      schema: {
        tags,
        summary: 'Change or end a membership (set toDate to end it)',
        params: idParams,
        body: updateMembershipInput,
        response: { 200: membershipSchema, ...errorResponses },
      },
    },
    async (req) => {
      const body = req.body;
      // A body with only toDate is an ending, and is audited as one.
      const onlyEnd = Object.keys(body).length === 1 && typeof body.toDate === 'string';
      const row = onlyEnd ? await endMembership(req.ctx, req.params.id, { toDate: body.toDate! }) : await updateMembership(req.ctx, req.params.id, body);
      return presentMembershipById(req, row.id);
    },
  );

  app.delete(
    '/api/memberships/:id',
    {
      config: manageRoute,
      schema: { tags, summary: 'Delete a membership recorded by mistake', params: idParams, response: { 204: z.null(), ...errorResponses } },
    },
    async (req, reply) => {
      await deleteMembership(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ── Pages: overview ───────────────────────────────────────────────────────

  app.get(
    '/organisation',
    {
      config: publicRoute,
      schema: { hide: true, querystring: z.object({ kind: z.enum(BODY_KINDS).optional().catch(undefined), page: pageNumber }) },
    },
    async (req, reply) => {
      const db = req.ctx.db;
      const { kind, page } = req.query;
      let groups;
      let kindPage;
      if (kind) {
        const result = await listBodies(db, { kind, page, pageSize: PAGE_SIZE });
        groups = [{ kind, bodies: result.items, total: result.total }];
        kindPage = { kind, info: { page: result.page, pageSize: result.pageSize, total: result.total } };
      } else {
        groups = await bodiesByKind(db);
      }
      const administrations = kind ? { items: [], total: 0 } : await listAdministrations(db, { page: 1, pageSize: 100 });
      const parties = kind ? [] : await partyChoices(db);
      return reply.html(
        <OverviewPage
          ctx={req.pageContext()}
          canManage={canManage(req)}
          year={Number(today().slice(0, 4))}
          groups={groups}
          kindPage={kindPage}
          administrations={administrations.items}
          administrationsTotal={administrations.total}
          parties={parties}
        />,
      );
    },
  );

  // ── Pages: bodies ─────────────────────────────────────────────────────────

  const bodyBySlug = async (req: FastifyRequest, slug: string): Promise<BodyRow> => {
    const body = await findBodyBySlug(req.ctx.db, slug);
    if (!body) throw new NotFound('body');
    return body;
  };
  const bodyPath = (b: BodyRow) => `/organisation/bodies/${encodeURIComponent(b.slug)}`;

  /** The body page, also re-shown (422) with a failed membership form. */
  const renderBodyPage = async (
    req: FastifyRequest,
    body: BodyRow,
    opts: { on?: string | undefined; page?: number; addForm?: FormState; endForm?: { membershipId: string; form: FormState } },
  ): Promise<string> => {
    const db = req.ctx.db;
    const now = today();
    const on = opts.on ?? now;
    const detail = await bodyDetail(db, body, on);
    const history = await listMemberships(db, body.id, { page: opts.page ?? 1, pageSize: PAGE_SIZE });
    const manage = canManage(req);
    return (
      <BodyPage
        ctx={req.pageContext()}
        canManage={manage}
        body={body}
        administrations={detail.administrations}
        on={on}
        isToday={on === now}
        members={detail.members}
        history={history.items}
        historyInfo={{ page: history.page, pageSize: history.pageSize, total: history.total }}
        people={manage ? await personChoices(db) : []}
        parties={manage ? await partyChoices(db) : []}
        addForm={opts.addForm}
        endForm={opts.endForm}
      />
    );
  };

  app.get('/organisation/bodies/new', { config: manageRoute, schema: { hide: true } }, async (req, reply) =>
    reply.html(<BodyFormPage ctx={req.pageContext()} form={emptyForm({ registryPattern: '{seq}-{year}' })} />),
  );

  app.post('/organisation/bodies', { config: manageRoute, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const v = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values: v,
      run: () =>
        createBody(req.ctx, {
          name: required(v, 'name'),
          shortName: v.shortName,
          kind: v.kind,
          description: v.description,
          registryPattern: v.registryPattern,
          defaultClassCode: v.defaultClassCode,
        } as never),
      render: (form) => <BodyFormPage ctx={req.pageContext()} form={form} />,
      redirect: (body) => bodyPath(body),
      flash: (body) => req.t('organisation.body.created', { name: body.name }),
    });
  });

  app.get(
    '/organisation/bodies/:slug',
    {
      config: publicRoute,
      schema: { hide: true, params: slugParams, querystring: z.object({ on: z.iso.date().optional().catch(undefined), page: pageNumber }) },
    },
    async (req, reply) => {
      const body = await bodyBySlug(req, req.params.slug);
      return reply.html(await renderBodyPage(req, body, { on: req.query.on, page: req.query.page }));
    },
  );

  const bodyFormValues = (b: BodyRow) => ({
    name: b.name,
    shortName: b.shortName,
    kind: b.kind,
    description: b.description,
    registryPattern: b.registryPattern,
    defaultClassCode: b.defaultClassCode,
  });

  app.get('/organisation/bodies/:slug/edit', { config: manageRoute, schema: { hide: true, params: slugParams } }, async (req, reply) => {
    const body = await bodyBySlug(req, req.params.slug);
    return reply.html(<BodyFormPage ctx={req.pageContext()} form={emptyForm(bodyFormValues(body))} body={body} />);
  });

  app.post('/organisation/bodies/:slug/edit', { config: manageRoute, schema: { hide: true, params: slugParams, body: formBodySchema } }, async (req, reply) => {
    const body = await bodyBySlug(req, req.params.slug);
    const v = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values: v,
      run: () =>
        updateBody(req.ctx, body.id, {
          name: required(v, 'name'),
          shortName: orNull(v, 'shortName'),
          kind: required(v, 'kind'),
          description: orNull(v, 'description'),
          registryPattern: required(v, 'registryPattern'),
          defaultClassCode: orNull(v, 'defaultClassCode'),
        } as never),
      render: (form) => <BodyFormPage ctx={req.pageContext()} form={form} body={body} />,
      redirect: (updated) => bodyPath(updated),
      flash: () => req.t('organisation.saved'),
    });
  });

  app.post('/organisation/bodies/:slug/archive', { config: manageRoute, schema: { hide: true, params: slugParams, body: formBodySchema.optional() } }, async (req, reply) => {
    const body = await bodyBySlug(req, req.params.slug);
    return handleFormSubmit(req, reply, {
      values: {},
      run: () => archiveBody(req.ctx, body.id),
      render: (form) => <BodyFormPage ctx={req.pageContext()} form={form} body={body} />,
      redirect: (archived) => bodyPath(archived),
      flash: (archived) => req.t('organisation.body.archivedFlash', { name: archived.name }),
    });
  });

  // ── Pages: memberships (forms on the body page) ───────────────────────────

  app.post(
    '/organisation/bodies/:slug/memberships',
    { config: manageRoute, schema: { hide: true, params: slugParams, body: formBodySchema } },
    async (req, reply) => {
      const body = await bodyBySlug(req, req.params.slug);
      const v = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values: v,
        run: () =>
          addMembership(req.ctx, body.id, {
            personId: required(v, 'personId'),
            role: required(v, 'role'),
            partyId: v.partyId,
            fromDate: required(v, 'fromDate'),
            toDate: v.toDate,
          } as never),
        render: (form) => renderBodyPage(req, body, { addForm: form }),
        redirect: () => `${bodyPath(body)}#history-heading`,
        flash: () => req.t('organisation.membership.added'),
      });
    },
  );

  const membershipBody = async (req: FastifyRequest, id: string) => {
    const membership = await findMembershipById(req.ctx.db, id);
    if (!membership) throw new NotFound('membership');
    const body = await findBodyById(req.ctx.db, membership.bodyId);
    if (!body) throw new NotFound('body');
    return { membership, body };
  };

  app.post(
    '/organisation/memberships/:id/end',
    { config: manageRoute, schema: { hide: true, params: pageIdParams, body: formBodySchema } },
    async (req, reply) => {
      const { membership, body } = await membershipBody(req, req.params.id);
      const v = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values: v,
        run: () => endMembership(req.ctx, membership.id, { toDate: required(v, 'toDate') } as never),
        render: (form) =>
          renderBodyPage(req, body, {
            // The row's own date field carries the message; the summary links to it.
            endForm: { membershipId: membership.id, form: { values: form.values, errors: renameFields(form.errors, `end-${membership.id}`) } },
          }),
        redirect: () => `${bodyPath(body)}#history-heading`,
        flash: () => req.t('organisation.membership.ended', { name: membership.personName }),
      });
    },
  );

  app.post(
    '/organisation/memberships/:id/delete',
    { config: manageRoute, schema: { hide: true, params: pageIdParams, body: formBodySchema.optional() } },
    async (req, reply) => {
      const { membership, body } = await membershipBody(req, req.params.id);
      return handleFormSubmit(req, reply, {
        values: {},
        run: () => deleteMembership(req.ctx, membership.id),
        render: () => renderBodyPage(req, body, {}),
        redirect: () => `${bodyPath(body)}#history-heading`,
        flash: () => req.t('organisation.membership.deleted', { name: membership.personName }),
      });
    },
  );

  // ── Pages: administrations ────────────────────────────────────────────────

  const administrationBySlug = async (req: FastifyRequest, slug: string) => {
    const row = await findAdministrationBySlug(req.ctx.db, slug);
    if (!row) throw new NotFound('administration');
    return row;
  };

  app.get('/organisation/administrations/new', { config: manageRoute, schema: { hide: true } }, async (req, reply) =>
    reply.html(<AdministrationFormPage ctx={req.pageContext()} form={emptyForm()} bodies={await bodyChoices(req.ctx.db)} />),
  );

  app.post('/organisation/administrations', { config: manageRoute, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const v = blankToUndefined(req.body);
    const bodies = await bodyChoices(req.ctx.db);
    return handleFormSubmit(req, reply, {
      values: v,
      run: () => createAdministration(req.ctx, { name: required(v, 'name'), bodyId: v.bodyId ?? null } as never),
      render: (form) => <AdministrationFormPage ctx={req.pageContext()} form={form} bodies={bodies} />,
      redirect: () => '/organisation#administrations-heading',
      flash: (row) => req.t('organisation.administration.created', { name: row.name }),
    });
  });

  app.get('/organisation/administrations/:slug/edit', { config: manageRoute, schema: { hide: true, params: slugParams } }, async (req, reply) => {
    const row = await administrationBySlug(req, req.params.slug);
    return reply.html(
      <AdministrationFormPage
        ctx={req.pageContext()}
        form={emptyForm({ name: row.name, bodyId: row.bodyId })}
        administration={row}
        bodies={await bodyChoices(req.ctx.db)}
      />,
    );
  });

  app.post(
    '/organisation/administrations/:slug/edit',
    { config: manageRoute, schema: { hide: true, params: slugParams, body: formBodySchema } },
    async (req, reply) => {
      const row = await administrationBySlug(req, req.params.slug);
      const v = blankToUndefined(req.body);
      const bodies = await bodyChoices(req.ctx.db);
      return handleFormSubmit(req, reply, {
        values: v,
        run: () => updateAdministration(req.ctx, row.id, { name: required(v, 'name'), bodyId: orNull(v, 'bodyId') } as never),
        render: (form) => <AdministrationFormPage ctx={req.pageContext()} form={form} administration={row} bodies={bodies} />,
        redirect: () => '/organisation#administrations-heading',
        flash: () => req.t('organisation.saved'),
      });
    },
  );

  app.post(
    '/organisation/administrations/:slug/delete',
    { config: manageRoute, schema: { hide: true, params: slugParams, body: formBodySchema.optional() } },
    async (req, reply) => {
      const row = await administrationBySlug(req, req.params.slug);
      const bodies = await bodyChoices(req.ctx.db);
      return handleFormSubmit(req, reply, {
        values: {},
        run: () => deleteAdministration(req.ctx, row.id),
        render: (form) => <AdministrationFormPage ctx={req.pageContext()} form={form} administration={row} bodies={bodies} />,
        redirect: () => '/organisation#administrations-heading',
        flash: () => req.t('organisation.administration.deleted', { name: row.name }),
      });
    },
  );

  // ── Pages: parties ────────────────────────────────────────────────────────

  const partyById = async (req: FastifyRequest, id: string) => {
    const row = await findPartyById(req.ctx.db, id);
    if (!row) throw new NotFound('party');
    return row;
  };

  app.get('/organisation/parties/new', { config: manageRoute, schema: { hide: true } }, async (req, reply) =>
    reply.html(<PartyFormPage ctx={req.pageContext()} form={emptyForm()} />),
  );

  app.post('/organisation/parties', { config: manageRoute, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const v = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values: v,
      run: () => createParty(req.ctx, { abbreviation: required(v, 'abbreviation'), name: required(v, 'name') } as never),
      render: (form) => <PartyFormPage ctx={req.pageContext()} form={form} />,
      redirect: () => '/organisation#parties-heading',
      flash: (row) => req.t('organisation.party.created', { name: row.name }),
    });
  });

  app.get('/organisation/parties/:id/edit', { config: manageRoute, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const row = await partyById(req, req.params.id);
    return reply.html(<PartyFormPage ctx={req.pageContext()} form={emptyForm({ abbreviation: row.abbreviation, name: row.name })} party={row} />);
  });

  app.post('/organisation/parties/:id/edit', { config: manageRoute, schema: { hide: true, params: pageIdParams, body: formBodySchema } }, async (req, reply) => {
    const row = await partyById(req, req.params.id);
    const v = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values: v,
      run: () => updateParty(req.ctx, row.id, { abbreviation: required(v, 'abbreviation'), name: required(v, 'name') } as never),
      render: (form) => <PartyFormPage ctx={req.pageContext()} form={form} party={row} />,
      redirect: () => '/organisation#parties-heading',
      flash: () => req.t('organisation.saved'),
    });
  });

  // ── Pages: people ─────────────────────────────────────────────────────────

  app.get(
    '/organisation/people',
    {
      config: publicRoute,
      schema: {
        hide: true,
        querystring: z.object({
          q: z.string().max(200).optional().catch(undefined),
          partyId: z.uuid().optional().catch(undefined),
          administrationId: z.uuid().optional().catch(undefined),
          page: pageNumber,
        }),
      },
    },
    async (req, reply) => {
      const db = req.ctx.db;
      const { q, partyId, administrationId, page } = req.query;
      const result = await listPeople(db, { q, partyId, administrationId, page, pageSize: PAGE_SIZE });
      const party = partyId ? await findPartyById(db, partyId) : undefined;
      const administration = administrationId ? await findAdministrationById(db, administrationId) : undefined;
      return reply.html(
        <PeoplePage
          ctx={req.pageContext()}
          canManage={canManage(req)}
          people={result.items}
          info={{ page: result.page, pageSize: result.pageSize, total: result.total }}
          q={q?.trim() ?? ''}
          filters={{ partyId, administrationId }}
          filterLabel={party?.name ?? administration?.name}
        />,
      );
    },
  );

  const personFormChoices = async (req: FastifyRequest) => ({
    parties: await partyChoices(req.ctx.db),
    administrations: await administrationChoices(req.ctx.db),
  });

  app.get('/organisation/people/new', { config: manageRoute, schema: { hide: true } }, async (req, reply) =>
    reply.html(<PersonFormPage ctx={req.pageContext()} form={emptyForm()} {...await personFormChoices(req)} />),
  );

  app.post('/organisation/people', { config: manageRoute, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const v = blankToUndefined(req.body);
    const choices = await personFormChoices(req);
    return handleFormSubmit(req, reply, {
      values: v,
      run: () =>
        createPerson(req.ctx, { name: required(v, 'name'), partyId: v.partyId ?? null, title: v.title, administrationId: v.administrationId ?? null } as never),
      render: (form) => <PersonFormPage ctx={req.pageContext()} form={form} {...choices} />,
      redirect: () => '/organisation/people',
      flash: (row) => req.t('organisation.person.created', { name: row.name }),
    });
  });

  const personById = async (req: FastifyRequest, id: string) => {
    const row = await findPersonById(req.ctx.db, id);
    if (!row) throw new NotFound('person');
    return row;
  };

  app.get('/organisation/people/:id/edit', { config: manageRoute, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const row = await personById(req, req.params.id);
    return reply.html(
      <PersonFormPage
        ctx={req.pageContext()}
        form={emptyForm({ name: row.name, partyId: row.partyId, title: row.title, administrationId: row.administrationId })}
        person={row}
        {...await personFormChoices(req)}
      />,
    );
  });

  app.post('/organisation/people/:id/edit', { config: manageRoute, schema: { hide: true, params: pageIdParams, body: formBodySchema } }, async (req, reply) => {
    const row = await personById(req, req.params.id);
    const v = blankToUndefined(req.body);
    const choices = await personFormChoices(req);
    return handleFormSubmit(req, reply, {
      values: v,
      run: () =>
        updatePerson(req.ctx, row.id, {
          name: required(v, 'name'),
          partyId: orNull(v, 'partyId'),
          title: orNull(v, 'title'),
          administrationId: orNull(v, 'administrationId'),
        } as never),
      render: (form) => <PersonFormPage ctx={req.pageContext()} form={form} person={row} {...choices} />,
      redirect: () => '/organisation/people',
      flash: () => req.t('organisation.saved'),
    });
  });
}

/** All field errors under one name (the failed row's end-date field on the body page). */
function renameFields(errors: Record<string, string[]>, name: string): Record<string, string[]> {
  const all = Object.values(errors).flat();
  return all.length ? { [name]: all } : {};
}

