import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, can, PUBLIC } from '../../../access/permissions.js';
import { Invalid, NotFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { asArray, blankToUndefined, formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import type { App, AppDeps } from '../../../http/types.js';
import { localisedFieldErrors } from '../../../http/validation.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { answerReferral } from '../commands/answer-referral.js';
import { changeRecipientStatus } from '../commands/change-recipient-status.js';
import { createReferral } from '../commands/create-referral.js';
import { declineReferral } from '../commands/decline-referral.js';
import { rekey } from '../commands/inputs.js';
import { createRecipientGroup, deleteRecipientGroup, updateRecipientGroup } from '../commands/recipient-groups.js';
import { sendReferral } from '../commands/send-referral.js';
import { todayOf } from '../commands/shared.js';
import { updateReferral } from '../commands/update-referral.js';
import { REFERRAL_GROUPS_MANAGE, REFERRALS_MANAGE, REFERRALS_RESPOND } from '../policy.js';
import { presentEvent, presentGroup, presentPage, presentRecipientDetail, presentReferral } from '../presenters.js';
import {
  answerDocumentChoices,
  bodyChoices,
  getRecipient,
  getRecipientGroup,
  getReferral,
  listRecipientGroups,
  listReferrals,
  mayRespond,
  referralAbilities,
  senderChoices,
  type RecipientDetail,
  type ReferralView,
} from '../queries.js';
import { GroupEditPage, GroupsPage, RecipientPage, ReferralFormPage, ReferralListPage, ReferralPage, SendPage, type RecipientForms } from '../views/pages.js';
import { acceptMultipart, filesOf, multipartBodySchema, stringFields, type MultipartBody, type UploadedFile } from '../../../http/multipart.js';
import {
  answerBody,
  base64Length,
  createReferralBody,
  declineBody,
  errorSchema,
  eventSchema,
  groupBody,
  groupListSchema,
  groupSchema,
  idParams,
  listQuery,
  patchGroupBody,
  recipientDetailSchema,
  referralListSchema,
  referralSchema,
  sendReferralBody,
  trackingQuery,
  transitionBody,
  updateReferralBody,
  type ApiFile,
} from './schemas.js';

const TAGS = ['referrals'];
const errors = { 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema };

// ── helpers ─────────────────────────────────────────────────────────────────
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const decode = (f: ApiFile) => ({ ...(f.title && { title: f.title }), filename: f.filename, mediaType: f.mediaType, content: Buffer.from(f.content, 'base64') });
const upload = (f: UploadedFile) => ({ filename: f.filename, mediaType: f.mediaType, content: f.content });

/** Page ids that are not uuids are simply not found (the API answers 400 instead). */
function pageId(id: string): string {
  if (!isUuid(id)) throw new NotFound();
  return id;
}
const pageIdParams = z.object({ id: z.string().max(200) });
const recipientPageParams = z.object({ id: z.string().max(200), recipientId: z.string().max(200) });
const pageQuery = z.record(z.string(), z.union([z.string().max(1000), z.array(z.string().max(1000))]));

/** Command field paths → the page form's field names (checkbox groups and file inputs are one field each). */
const FORM_FIELDS: Record<string, string> = { recipients: 'recipientBodyIds', groupIds: 'groupIds', draft: 'draft', attachments: 'attachments', documentIds: 'documentIds', bodyIds: 'bodyIds', bodyKinds: 'bodyKinds' };
function toFormFields(e: unknown): unknown {
  if (!(e instanceof Invalid)) return e;
  return rekey(e, (path) => {
    const head = path.split('.')[0]!;
    if (path.startsWith('recipients.') && path.endsWith('.existingNumber')) return 'recipientBodyIds';
    return FORM_FIELDS[head] ?? path;
  });
}
async function formRun<R>(run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (e) {
    throw toFormFields(e);
  }
}

function referralFormInput(v: Record<string, string | string[] | undefined>, files: MultipartBody | null, opts: { draft: boolean; editing: boolean }) {
  const draftFile = files ? filesOf(files, 'draft')[0] : undefined;
  const attachments = files ? filesOf(files, 'attachments').map(upload) : [];
  if (!opts.draft) return { description: str(v.description) ?? null, deadline: str(v.deadline) };
  return {
    ...(opts.editing ? {} : { senderBodyId: str(v.senderBodyId) ?? '' }),
    subject: str(v.subject) ?? '',
    description: str(v.description) ?? null,
    letterDate: str(v.letterDate),
    deadline: str(v.deadline),
    recipients: asArray(v.recipientBodyIds).map((bodyId) => ({ bodyId })),
    groupIds: asArray(v.groupIds),
    ...(draftFile && { draft: upload(draftFile) }),
    ...(attachments.length && { attachments }),
  };
}

const referralValues = (r: ReferralView) => ({
  subject: r.subject,
  description: r.description ?? '',
  letterDate: r.letterDate,
  deadline: r.deadline,
  recipientBodyIds: r.recipients.map((x) => x.bodyId),
});

export function registerReferralsRoutes(app: App, deps: AppDeps): void {
  const maxBytes = deps.config.STADSNAV_MAX_UPLOAD_BYTES;
  const limits = { maxBytes };
  /** One request carries at most STADSNAV_MAX_UPLOAD_BYTES of files (plus the form). */
  const jsonLimit = base64Length(maxBytes) + 1024 * 1024;
  const multipartLimit = maxBytes + 1024 * 1024;

  // ── API: rounds ──────────────────────────────────────────────────────────
  app.get(
    '/api/referrals',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Referral rounds the reader may read, newest letter first, with counts per recipient status',
        description: 'Rounds whose sender case is classified are listed only for the sender’s and (once sent) the recipients’ staff.',
        querystring: listQuery,
        response: { 200: referralListSchema, 400: errorSchema },
      },
    },
    async (req) => {
      const { lang: _lang, ...q } = req.query;
      return presentPage(await listReferrals(req.ctx, q));
    },
  );

  app.post(
    '/api/referrals',
    {
      config: { permission: REFERRALS_MANAGE },
      bodyLimit: jsonLimit,
      schema: {
        tags: TAGS,
        summary: "Create a round as a draft: registers the sender's case and the draft documents",
        description: `Recipients are bodies (with an optional existing number and receipt day for archive rounds) and saved groups, expanded now. Files are base64; together at most STADSNAV_MAX_UPLOAD_BYTES (${maxBytes} bytes).`,
        body: createReferralBody(maxBytes),
        response: { 201: referralSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { draft, attachments, ...rest } = req.body;
      const created = await createReferral(req.ctx, { ...rest, ...(draft && { draft: decode(draft) }), attachments: (attachments ?? []).map(decode) }, limits);
      return reply.code(201).send(presentReferral(await getReferral(req.ctx, created.id)));
    },
  );

  app.get(
    '/api/referrals/:id',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'A round with its recipients: status, own Dnr, dates, derived late flag and data-quality warnings',
        description: 'The query filters the recipients like the tracking table: `status` (incl. `late`), `bodyKind`, `stance` (incl. `none`).',
        params: idParams,
        querystring: trackingQuery,
        response: { 200: referralSchema, ...errors },
      },
    },
    async (req) => {
      const { lang: _lang, ...filter } = req.query;
      return presentReferral(await getReferral(req.ctx, req.params.id, filter));
    },
  );

  app.patch(
    '/api/referrals/:id',
    {
      config: { permission: REFERRALS_MANAGE },
      bodyLimit: jsonLimit,
      schema: {
        tags: TAGS,
        summary: 'Change a round: everything while a draft (recipients replaced by the list given), only deadline and description once sent',
        params: idParams,
        body: updateReferralBody(maxBytes),
        response: { 200: referralSchema, ...errors },
      },
    },
    async (req) => {
      const { draft, attachments, ...rest } = req.body;
      await updateReferral(req.ctx, req.params.id, { ...rest, ...(draft && { draft: decode(draft) }), ...(attachments && { attachments: attachments.map(decode) }) }, limits);
      return presentReferral(await getReferral(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/referrals/:id/send',
    {
      config: { permission: REFERRALS_MANAGE },
      schema: {
        tags: TAGS,
        summary: "Send a draft: each recipient gets its own case and the letter in its registry, and its registrars a notification",
        description: 'All recipients in one transaction: if one fails (e.g. an existing number already taken), nothing is sent.',
        params: idParams,
        body: sendReferralBody.optional(),
        response: { 200: referralSchema, ...errors },
      },
    },
    async (req) => {
      await sendReferral(req.ctx, req.params.id, req.body ?? {});
      return presentReferral(await getReferral(req.ctx, req.params.id));
    },
  );

  // ── API: recipients ──────────────────────────────────────────────────────
  app.get(
    '/api/referral-recipients/:id',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'One recipient of a round, with its timeline', params: idParams, response: { 200: recipientDetailSchema, ...errors } },
    },
    async (req) => presentRecipientDetail(await getRecipient(req.ctx, req.params.id)),
  );

  app.get(
    '/api/referral-recipients/:id/timeline',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: "A recipient's timeline: every status change, when, by whom", params: idParams, response: { 200: z.object({ items: z.array(eventSchema) }), ...errors } },
    },
    async (req) => ({ items: (await getRecipient(req.ctx, req.params.id)).events.map(presentEvent) }),
  );

  app.post(
    '/api/referral-recipients/:id/transition',
    {
      config: { permission: REFERRALS_RESPOND },
      schema: {
        tags: TAGS,
        summary: "Move a recipient's status by hand (the recipient body's staff)",
        description: 'Steps follow the status table; refused steps answer 422 naming the allowed next steps. Answering and declining have their own routes.',
        params: idParams,
        body: transitionBody,
        response: { 200: recipientDetailSchema, ...errors },
      },
    },
    async (req) => {
      await changeRecipientStatus(req.ctx, req.params.id, req.body);
      return presentRecipientDetail(await getRecipient(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/referral-recipients/:id/decline',
    {
      config: { permission: REFERRALS_RESPOND },
      schema: { tags: TAGS, summary: 'Decline to answer (from received or drafting), with a reason', params: idParams, body: declineBody, response: { 200: recipientDetailSchema, ...errors } },
    },
    async (req) => {
      await declineReferral(req.ctx, req.params.id, req.body);
      return presentRecipientDetail(await getRecipient(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/referral-recipients/:id/answer',
    {
      config: { permission: REFERRALS_RESPOND },
      schema: {
        tags: TAGS,
        summary: 'Register the answer: stance, date and the documents that are the answer',
        description: "Without `documentIds` the answer is the case's protocol extract of the final decision (or its newest) and its newest statement.",
        params: idParams,
        body: answerBody,
        response: { 200: recipientDetailSchema, ...errors },
      },
    },
    async (req) => {
      await answerReferral(req.ctx, req.params.id, req.body);
      return presentRecipientDetail(await getRecipient(req.ctx, req.params.id));
    },
  );

  // ── API: saved groups ────────────────────────────────────────────────────
  app.get(
    '/api/recipient-groups',
    { config: { permission: PUBLIC }, schema: { tags: TAGS, summary: 'Saved recipient groups with their members today', response: { 200: groupListSchema } } },
    async (req) => ({ items: (await listRecipientGroups(req.ctx.db)).map(presentGroup) }),
  );

  app.post(
    '/api/recipient-groups',
    {
      config: { permission: REFERRAL_GROUPS_MANAGE },
      schema: { tags: TAGS, summary: 'Save a recipient group: body kinds ("all district boards") and/or named bodies', body: groupBody, response: { 201: groupSchema, ...errors } },
    },
    async (req, reply) => {
      const group = await createRecipientGroup(req.ctx, req.body);
      return reply.code(201).send(presentGroup(await getRecipientGroup(req.ctx.db, group.id)));
    },
  );

  app.get(
    '/api/recipient-groups/:id',
    { config: { permission: PUBLIC }, schema: { tags: TAGS, summary: 'A saved recipient group', params: idParams, response: { 200: groupSchema, ...errors } } },
    async (req) => presentGroup(await getRecipientGroup(req.ctx.db, req.params.id)),
  );

  app.patch(
    '/api/recipient-groups/:id',
    {
      config: { permission: REFERRAL_GROUPS_MANAGE },
      schema: { tags: TAGS, summary: 'Change a saved recipient group', params: idParams, body: patchGroupBody, response: { 200: groupSchema, ...errors } },
    },
    async (req) => {
      await updateRecipientGroup(req.ctx, req.params.id, req.body);
      return presentGroup(await getRecipientGroup(req.ctx.db, req.params.id));
    },
  );

  app.delete(
    '/api/recipient-groups/:id',
    {
      config: { permission: REFERRAL_GROUPS_MANAGE },
      schema: { tags: TAGS, summary: 'Delete a saved recipient group (rounds keep their recipients)', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (req, reply) => {
      await deleteRecipientGroup(req.ctx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ── pages: rounds ────────────────────────────────────────────────────────
  const listFilter = listQuery.omit({ lang: true });
  app.get('/referrals', { config: { permission: PUBLIC }, schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const values = blankToUndefined(req.query);
    const parsed = listFilter.safeParse(values, { reportInput: true });
    const form: FormState = { values, errors: parsed.success ? {} : localisedFieldErrors(parsed.error.issues, req.locale) };
    const result = parsed.success ? await listReferrals(req.ctx, parsed.data) : { items: [], page: 1, pageSize: 20, total: 0 };
    return reply.html(
      <ReferralListPage
        ctx={req.pageContext()}
        result={result}
        form={form}
        baseUrl={req.url}
        canCreate={can(req.actor, REFERRALS_MANAGE)}
        canGroups={can(req.actor, REFERRAL_GROUPS_MANAGE)}
        loggedIn={req.actor.kind === 'user'}
      />,
      parsed.success ? 200 : 400,
    );
  });

  const renderForm = async (req: FastifyRequest, form: FormState, referral?: ReferralView) => (
    <ReferralFormPage
      ctx={req.pageContext()}
      form={form}
      senders={await senderChoices(req.ctx)}
      bodies={await bodyChoices(req.ctx.db)}
      groups={await listRecipientGroups(req.ctx.db)}
      maxUploadBytes={maxBytes}
      {...(referral && { referral })}
    />
  );

  app.get('/referrals/new', { config: { permission: REFERRALS_MANAGE }, schema: { hide: true } }, async (req, reply) => {
    const senders = await senderChoices(req.ctx);
    const executive = senders.find((b) => b.kind === 'executiveBoard') ?? senders[0];
    return reply.html(await renderForm(req, emptyForm({ senderBodyId: executive?.id, letterDate: todayOf(req.ctx) })));
  });

  /** The referral's edit page, only for the sender's registrars. */
  const loadForManage = async (req: FastifyRequest, id: string) => {
    const view = await getReferral(req.ctx, pageId(id));
    authorize(req.actor, REFERRALS_MANAGE, { bodyId: view.senderBodyId });
    return view;
  };

  app.get('/referrals/:id', { config: { permission: PUBLIC }, schema: { hide: true, params: pageIdParams, querystring: pageQuery } }, async (req, reply) => {
    const values = blankToUndefined(req.query);
    const parsed = trackingQuery.omit({ lang: true }).safeParse(values, { reportInput: true });
    const view = await getReferral(req.ctx, pageId(req.params.id), parsed.success ? parsed.data : {});
    const filter: FormState = { values, errors: parsed.success ? {} : localisedFieldErrors(parsed.error.issues, req.locale) };
    return reply.html(<ReferralPage ctx={req.pageContext()} view={view} filter={filter} canManage={referralAbilities(req.actor, view).manage} />, parsed.success ? 200 : 400);
  });

  app.get('/referrals/:id/edit', { config: { permission: REFERRALS_MANAGE }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const view = await loadForManage(req, req.params.id);
    return reply.html(await renderForm(req, emptyForm(referralValues(view)), view));
  });

  app.get('/referrals/:id/send', { config: { permission: REFERRALS_MANAGE }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const view = await loadForManage(req, req.params.id);
    if (view.status !== 'draft') return reply.redirect(`/referrals/${view.id}`, 303);
    return reply.html(<SendPage ctx={req.pageContext()} view={view} form={emptyForm()} />);
  });

  app.post('/referrals/:id/send', { config: { permission: REFERRALS_MANAGE }, schema: { hide: true, params: pageIdParams, body: formBodySchema } }, async (req, reply) => {
    const view = await loadForManage(req, req.params.id);
    const values = blankToUndefined(req.body);
    return handleFormSubmit(req, reply, {
      values,
      run: () => sendReferral(req.ctx, view.id, { ...(str(values.receivedOn) && { receivedOn: str(values.receivedOn) }) }),
      render: (form) => <SendPage ctx={req.pageContext()} view={view} form={form} />,
      redirect: (r) => `/referrals/${r.id}#tracking`,
      flash: () => req.t('referrals.send.done', { n: view.recipientCount }),
    });
  });

  // Creating and editing take files: multipart is parsed here only, before the CSRF check.
  app.register(async (scope) => {
    acceptMultipart(scope, multipartLimit);
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    typed.post('/referrals', { config: { permission: REFERRALS_MANAGE }, bodyLimit: multipartLimit, schema: { hide: true, body: multipartBodySchema } }, async (req, reply) => {
      const raw = req.body as MultipartBody;
      const values = blankToUndefined(stringFields(raw));
      return handleFormSubmit(req, reply, {
        values,
        run: () => formRun(() => createReferral(req.ctx, referralFormInput(values, raw, { draft: true, editing: false }) as never, limits)),
        render: (form) => renderForm(req, form),
        redirect: (r) => `/referrals/${r.id}`,
        flash: () => req.t('referrals.created'),
      });
    });

    typed.post(
      '/referrals/:id/edit',
      { config: { permission: REFERRALS_MANAGE }, bodyLimit: multipartLimit, schema: { hide: true, params: pageIdParams, body: multipartBodySchema } },
      async (req, reply) => {
        const view = await loadForManage(req, req.params.id);
        const raw = req.body as MultipartBody;
        const values = blankToUndefined(stringFields(raw));
        const draft = view.status === 'draft';
        return handleFormSubmit(req, reply, {
          values,
          run: () => formRun(() => updateReferral(req.ctx, view.id, referralFormInput(values, raw, { draft, editing: true }) as never, limits)),
          render: (form) => renderForm(req, form, view),
          redirect: (r) => `/referrals/${r.id}`,
          flash: () => req.t('referrals.updated'),
        });
      },
    );
  });

  // ── pages: one recipient ─────────────────────────────────────────────────
  const loadRecipient = async (req: FastifyRequest, params: { id: string; recipientId: string }) => {
    const detail = await getRecipient(req.ctx, pageId(params.recipientId));
    if (detail.referral.id !== pageId(params.id)) throw new NotFound();
    return detail;
  };
  const recipientForms = async (req: FastifyRequest, detail: RecipientDetail, failed: Partial<Omit<RecipientForms, 'documents'>> = {}): Promise<RecipientForms | null> => {
    const choices = await answerDocumentChoices(req.ctx, detail.recipient);
    if (!mayRespond(req.actor, detail.recipient)) return null;
    return {
      status: failed.status ?? emptyForm(),
      decline: failed.decline ?? emptyForm(),
      answer: failed.answer ?? emptyForm({ documentIds: choices.defaults }),
      documents: choices.documents,
    };
  };
  const renderRecipient = async (req: FastifyRequest, detail: RecipientDetail, failed: Partial<Omit<RecipientForms, 'documents'>> = {}) => {
    const forms = await recipientForms(req, detail, failed);
    const documents = forms?.documents ?? (await answerDocumentChoices(req.ctx, detail.recipient)).documents;
    return <RecipientPage ctx={req.pageContext()} detail={detail} forms={forms} documents={documents} />;
  };

  app.get(
    '/referrals/:id/recipients/:recipientId',
    { config: { permission: PUBLIC }, schema: { hide: true, params: recipientPageParams } },
    async (req, reply) => reply.html(await renderRecipient(req, await loadRecipient(req, req.params))),
  );

  const recipientPost = (path: string, form: keyof Omit<RecipientForms, 'documents'>, run: (req: FastifyRequest, id: string, v: Record<string, string | string[] | undefined>) => Promise<unknown>, flash: string) =>
    app.post(
      `/referrals/:id/recipients/:recipientId/${path}`,
      { config: { permission: REFERRALS_RESPOND }, schema: { hide: true, params: recipientPageParams, body: formBodySchema } },
      async (req, reply) => {
        const detail = await loadRecipient(req, req.params);
        authorize(req.actor, REFERRALS_RESPOND, { bodyId: detail.recipient.bodyId });
        const values = blankToUndefined(req.body);
        return handleFormSubmit(req, reply, {
          values,
          run: () => formRun(() => run(req, detail.recipient.id, values)),
          render: (state) => renderRecipient(req, detail, { [form]: state }),
          redirect: () => `/referrals/${detail.referral.id}/recipients/${detail.recipient.id}`,
          flash: () => req.t(flash),
        });
      },
    );

  recipientPost(
    'status',
    'status',
    (req, id, v) => changeRecipientStatus(req.ctx, id, { to: str(v.to) as never, ...(str(v.date) && { date: str(v.date) }), ...(str(v.note) && { note: str(v.note) }) }),
    'referrals.statusForm.done',
  );
  recipientPost(
    'decline',
    'decline',
    (req, id, v) => declineReferral(req.ctx, id, { reason: str(v.reason) ?? '', ...(str(v.date) && { date: str(v.date) }) }),
    'referrals.declineForm.done',
  );
  recipientPost(
    'answer',
    'answer',
    (req, id, v) =>
      answerReferral(req.ctx, id, {
        stance: str(v.stance) as never,
        answeredOn: str(v.answeredOn) as never,
        documentIds: asArray(v.documentIds),
        ...(str(v.note) && { note: str(v.note) }),
      }),
    'referrals.answerForm.done',
  );

  // ── pages: saved groups ──────────────────────────────────────────────────
  const groupFormInput = (v: Record<string, string | string[] | undefined>) => ({
    name: str(v.name) ?? '',
    description: str(v.description) ?? null,
    bodyKinds: asArray(v.bodyKinds) as never[],
    bodyIds: asArray(v.bodyIds),
  });

  app.get('/referral-groups', { config: { permission: REFERRAL_GROUPS_MANAGE }, schema: { hide: true } }, async (req, reply) =>
    reply.html(<GroupsPage ctx={req.pageContext()} groups={await listRecipientGroups(req.ctx.db)} form={emptyForm()} bodies={await bodyChoices(req.ctx.db)} />),
  );

  app.post('/referral-groups', { config: { permission: REFERRAL_GROUPS_MANAGE }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const values = blankToUndefined(req.body);
    const groups = await listRecipientGroups(req.ctx.db);
    const bodies = await bodyChoices(req.ctx.db);
    return handleFormSubmit(req, reply, {
      values,
      run: () => formRun(() => createRecipientGroup(req.ctx, groupFormInput(values))),
      render: (form) => <GroupsPage ctx={req.pageContext()} groups={groups} form={form} bodies={bodies} />,
      redirect: () => '/referral-groups',
      flash: (g) => req.t('referrals.groups.created', { name: g.name }),
    });
  });

  const groupValues = (g: Awaited<ReturnType<typeof getRecipientGroup>>) =>
    emptyForm({ name: g.name, description: g.description ?? '', bodyKinds: g.bodyKinds, bodyIds: g.bodies.map((b) => b.id) });

  app.get('/referral-groups/:id', { config: { permission: REFERRAL_GROUPS_MANAGE }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const group = await getRecipientGroup(req.ctx.db, pageId(req.params.id));
    return reply.html(<GroupEditPage ctx={req.pageContext()} group={group} form={groupValues(group)} bodies={await bodyChoices(req.ctx.db)} />);
  });

  app.post('/referral-groups/:id', { config: { permission: REFERRAL_GROUPS_MANAGE }, schema: { hide: true, params: pageIdParams, body: formBodySchema } }, async (req, reply) => {
    const group = await getRecipientGroup(req.ctx.db, pageId(req.params.id));
    const values = blankToUndefined(req.body);
    const bodies = await bodyChoices(req.ctx.db);
    return handleFormSubmit(req, reply, {
      values,
      run: () => formRun(() => updateRecipientGroup(req.ctx, group.id, groupFormInput(values))),
      render: (form) => <GroupEditPage ctx={req.pageContext()} group={group} form={form} bodies={bodies} />,
      redirect: () => '/referral-groups',
      flash: (g) => req.t('referrals.groups.updated', { name: g.name }),
    });
  });

  app.post('/referral-groups/:id/delete', { config: { permission: REFERRAL_GROUPS_MANAGE }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const group = await getRecipientGroup(req.ctx.db, pageId(req.params.id));
    await deleteRecipientGroup(req.ctx, group.id);
    reply.setFlash(req.t('referrals.groups.deleted', { name: group.name }));
    return reply.redirect('/referral-groups', 303);
  });
}
