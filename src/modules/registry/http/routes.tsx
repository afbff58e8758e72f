import { renderCaseSections } from '../case-sections.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authorize, can, PUBLIC } from '../../../access/permissions.js';
import { Forbidden, Invalid, NotFound } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { blankToUndefined, formBodySchema, handleFormSubmit } from '../../../http/forms.js';
import type { App, AppDeps } from '../../../http/types.js';
import { localisedFieldErrors } from '../../../http/validation.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { addAttachment } from '../commands/add-attachment.js';
import { classifyDocument } from '../commands/classify-document.js';
import { registerCase } from '../commands/register-case.js';
import { registerDocument } from '../commands/register-document.js';
import { updateCase } from '../commands/update-case.js';
import { updateDocument } from '../commands/update-document.js';
import { stockholmDate } from '../numbering.js';
import { REGISTRY_CLASSIFY, REGISTRY_EDIT, REGISTRY_REGISTER } from '../policy.js';
import { presentAttachment, presentCase, presentDocument, presentPage } from '../presenters.js';
import {
  getAttachmentFile,
  getCase,
  getDocument,
  listRegistry,
  registrableBodies,
  registryFilterOptions,
  type AttachmentFile,
  type CaseView,
  type DocumentView,
} from '../queries.js';
import { CasePage, DocumentPage, EditCasePage, EditDocumentPage, NewCasePage, RegistryListPage } from '../views/pages.js';
import { acceptMultipart, multipartBodySchema, type MultipartBody, type UploadedFile } from '../../../http/multipart.js';
import {
  attachmentBody,
  attachmentSchema,
  base64Length,
  caseSchema,
  classifyBody,
  createCaseBody,
  createDocumentBody,
  documentSchema,
  idParams,
  listQuery,
  patchCaseBody,
  patchDocumentBody,
  registryErrorSchema,
  registryPageSchema,
} from './schemas.js';

const TAGS = ['registry'];
const errors = { 400: registryErrorSchema, 401: registryErrorSchema, 403: registryErrorSchema, 404: registryErrorSchema, 422: registryErrorSchema };

// ── file responses ──────────────────────────────────────────────────────────
/** Types a browser may show in place; everything else is downloaded. */
const INLINE_TYPES = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);
/** Types that can run script in our origin are never served as themselves. */
const ACTIVE_TYPES = /^(text\/html|application\/xhtml\+xml|image\/svg\+xml|text\/xml|application\/xml|text\/javascript|application\/javascript|application\/ecmascript|text\/ecmascript)\b/;

function servedType(mediaType: string): string {
  if (ACTIVE_TYPES.test(mediaType)) return 'application/octet-stream';
  if (mediaType.startsWith('text/plain')) return 'text/plain; charset=utf-8';
  return mediaType;
}

/** RFC 6266 / 8187: an ASCII fallback plus the exact UTF-8 name. */
export function contentDisposition(filename: string, inline: boolean): string {
  const ascii =
    filename
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function sendFile(reply: FastifyReply, file: AttachmentFile): FastifyReply {
  const base64 = Buffer.from(file.sha256, 'hex').toString('base64');
  const type = servedType(file.mediaType);
  const inline = INLINE_TYPES.has(type.split(';')[0]!.trim());
  return reply
    .header('content-type', type)
    .header('content-disposition', contentDisposition(file.filename, inline))
    .header('x-content-type-options', 'nosniff')
    // Nothing in a stored file may run as our origin; PDFs keep the browser's viewer (blocked by sandbox).
    .header('content-security-policy', type === 'application/pdf' ? "default-src 'none'; object-src 'self'" : "default-src 'none'; sandbox")
    .header('repr-digest', `sha-256=:${base64}:`)
    .header('digest', `sha-256=${base64}`)
    .header('etag', `"sha256-${file.sha256}"`)
    .header('content-length', String(file.size))
    .send(file.content);
}

// ── form helpers ────────────────────────────────────────────────────────────
const num = (v: unknown) => (v === undefined ? undefined : Number(v));
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function caseFormInput(v: Record<string, unknown>) {
  return {
    bodyId: str(v.bodyId) ?? '',
    title: str(v.title) ?? '',
    classCode: str(v.classCode),
    description: str(v.description),
    classification: {
      confidentiality: num(v['classification.confidentiality']),
      integrity: num(v['classification.integrity']),
      availability: num(v['classification.availability']),
    },
  };
}

function documentFormInput(v: Record<string, unknown>, file: UploadedFile | undefined) {
  return {
    kind: str(v.kind) ?? '',
    direction: str(v.direction),
    title: str(v.title) ?? '',
    documentDate: str(v.documentDate) ?? '',
    authorName: str(v.authorName),
    counterpart: str(v.counterpart),
    text: str(v.text),
    classification: {
      confidentiality: num(v['classification.confidentiality']),
      integrity: num(v['classification.integrity']),
      availability: num(v['classification.availability']),
    },
    secrecyGround: str(v.secrecyGround),
    ...(file && { attachments: [file] }),
  } as Parameters<typeof registerDocument>[2];
}

/** Errors about the uploaded file (attachments.0.filename …) belong to the one file field. */
function toFileField(e: Invalid): Invalid {
  const fields: Record<string, string[]> = {};
  for (const [k, msgs] of Object.entries(e.fields)) (fields[k.startsWith('attachments.') ? 'attachments' : k] ??= []).push(...msgs);
  const issues = e.issues?.map((i) => {
    const issue = i as { path: PropertyKey[] };
    return issue.path[0] === 'attachments' ? { ...issue, path: ['attachments'] } : issue;
  });
  return new Invalid(fields, e.message, issues);
}

/** Page ids that are not uuids are simply not found (the API answers 400 instead). */
function pageId(id: string): string {
  if (!isUuid(id)) throw new NotFound();
  return id;
}

const pageIdParams = z.object({ id: z.string().max(200) });
const pageQuery = z.record(z.string(), z.union([z.string().max(1000), z.array(z.string().max(1000))]));
const listFilter = z.object({ ...listQuery.shape });

export function registerRegistryRoutes(app: App, deps: AppDeps): void {
  const maxBytes = deps.config.STADSNAV_MAX_UPLOAD_BYTES;
  const limits = { maxBytes };
  const jsonUploadLimit = base64Length(maxBytes) + 64 * 1024;
  const multipartLimit = maxBytes + 1024 * 1024;

  // ── API ──────────────────────────────────────────────────────────────────
  app.get(
    '/api/registry',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'The public registry: cases and documents, newest registration first',
        description:
          'Entries the reader may not read (confidentiality above 0, not their body) keep date, number, kind and body but have `title: null` and `restricted: true`.',
        querystring: listQuery,
        response: { 200: registryPageSchema, 400: registryErrorSchema },
      },
    },
    async (req) => {
      const { lang: _lang, ...filter } = req.query;
      return presentPage(await listRegistry(req.ctx, filter));
    },
  );

  app.post(
    '/api/cases',
    {
      config: { permission: REGISTRY_REGISTER },
      schema: {
        tags: TAGS,
        summary: "Register a case; it gets the next number of its body's series",
        description:
          'Registrars may back-register archive material with `year`, or keep an existing number with `existingNumber` (checked for uniqueness).',
        body: createCaseBody,
        response: { 201: caseSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await registerCase(req.ctx, req.body);
      return reply.code(201).send(presentCase(await getCase(req.ctx, created.id)));
    },
  );

  app.get(
    '/api/cases/:id',
    {
      config: { permission: PUBLIC },
      schema: { tags: TAGS, summary: 'A case and its documents (restricted when secret)', params: idParams, response: { 200: caseSchema, ...errors } },
    },
    async (req) => presentCase(await getCase(req.ctx, req.params.id)),
  );

  app.patch(
    '/api/cases/:id',
    {
      config: { permission: REGISTRY_EDIT },
      schema: {
        tags: TAGS,
        summary: 'Change title, description, status or classification (with a reason) of a case',
        params: idParams,
        body: patchCaseBody,
        response: { 200: caseSchema, ...errors },
      },
    },
    async (req) => {
      await updateCase(req.ctx, req.params.id, req.body);
      return presentCase(await getCase(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/cases/:id/documents',
    {
      config: { permission: REGISTRY_REGISTER },
      schema: {
        tags: TAGS,
        summary: 'Register a document in a case (numbered per case)',
        params: idParams,
        body: createDocumentBody,
        response: { 201: documentSchema, ...errors },
      },
    },
    async (req, reply) => {
      const created = await registerDocument(req.ctx, req.params.id, req.body, limits);
      return reply.code(201).send(presentDocument(await getDocument(req.ctx, created.id)));
    },
  );

  app.get(
    '/api/documents/:id',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'A document; restricted documents show their registry entry only',
        params: idParams,
        response: { 200: documentSchema, ...errors },
      },
    },
    async (req) => presentDocument(await getDocument(req.ctx, req.params.id)),
  );

  app.patch(
    '/api/documents/:id',
    {
      config: { permission: REGISTRY_EDIT },
      schema: { tags: TAGS, summary: 'Change a document (not its classification)', params: idParams, body: patchDocumentBody, response: { 200: documentSchema, ...errors } },
    },
    async (req) => {
      await updateDocument(req.ctx, req.params.id, req.body);
      return presentDocument(await getDocument(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/documents/:id/classification',
    {
      config: { permission: REGISTRY_CLASSIFY },
      schema: {
        tags: TAGS,
        summary: 'Set K/R/T and the ground for secrecy of a document; the reason is logged',
        params: idParams,
        body: classifyBody,
        response: { 200: documentSchema, ...errors },
      },
    },
    async (req) => {
      await classifyDocument(req.ctx, req.params.id, req.body);
      return presentDocument(await getDocument(req.ctx, req.params.id));
    },
  );

  app.post(
    '/api/documents/:id/attachments',
    {
      config: { permission: REGISTRY_EDIT },
      bodyLimit: jsonUploadLimit,
      schema: {
        tags: TAGS,
        summary: 'Add a file (base64 in JSON); its SHA-256 is stored and checked when served',
        description: `At most STADSNAV_MAX_UPLOAD_BYTES (${maxBytes} bytes) decoded: larger files are refused with 422, far larger bodies with 413.`,
        params: idParams,
        body: attachmentBody(maxBytes),
        response: { 201: attachmentSchema, 413: registryErrorSchema, ...errors },
      },
    },
    async (req, reply) => {
      const content = Buffer.from(req.body.content, 'base64');
      const stored = await addAttachment(req.ctx, req.params.id, { filename: req.body.filename, mediaType: req.body.mediaType, content }, limits);
      return reply.code(201).send(presentAttachment(stored));
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      config: { permission: PUBLIC },
      schema: {
        tags: TAGS,
        summary: 'Download a file; its checksum is verified first and sent in repr-digest',
        description: 'Files of documents the reader may not read answer 404, like missing ones. A file whose bytes no longer match its checksum is refused (500, attachment_corrupt).',
        params: idParams,
        response: { 200: z.string().meta({ format: 'binary', description: 'The file' }), 404: registryErrorSchema, 500: registryErrorSchema },
      },
    },
    async (req, reply) => sendFile(reply, await getAttachmentFile(req.ctx, req.params.id)),
  );

  // ── pages ────────────────────────────────────────────────────────────────
  app.get('/registry', { config: { permission: PUBLIC }, schema: { hide: true, querystring: pageQuery } }, async (req, reply) => {
    const ctx = req.pageContext();
    const values = blankToUndefined(req.query);
    const parsed = listFilter.safeParse(values, { reportInput: true });
    const options = await registryFilterOptions(req.ctx);
    const form: FormState = { values, errors: parsed.success ? {} : localisedFieldErrors(parsed.error.issues, req.locale) };
    const filter = parsed.success ? parsed.data : { page: 1, pageSize: 20 };
    const { lang: _lang, ...rest } = filter as z.output<typeof listFilter>;
    const result = parsed.success ? await listRegistry(req.ctx, rest) : { items: [], page: 1, pageSize: 20, total: 0 };
    return reply.html(
      <RegistryListPage
        ctx={ctx}
        result={result}
        form={form}
        bodies={options.bodies}
        years={options.years}
        baseUrl={req.url}
        canRegister={can(req.actor, REGISTRY_REGISTER)}
      />,
      parsed.success ? 200 : 400,
    );
  });

  const renderNewCase = async (req: FastifyRequest, form: FormState) =>
    <NewCasePage ctx={req.pageContext()} form={form} bodies={await registrableBodies(req.ctx)} />;

  app.get('/registry/cases/new', { config: { permission: REGISTRY_REGISTER }, schema: { hide: true } }, async (req, reply) =>
    reply.html(await renderNewCase(req, emptyForm())),
  );

  app.post('/registry/cases', { config: { permission: REGISTRY_REGISTER }, schema: { hide: true, body: formBodySchema } }, async (req, reply) => {
    const values = blankToUndefined(req.body);
    const bodies = await registrableBodies(req.ctx);
    return handleFormSubmit(req, reply, {
      values,
      run: () => registerCase(req.ctx, caseFormInput(values) as Parameters<typeof registerCase>[1]),
      render: (form) => <NewCasePage ctx={req.pageContext()} form={form} bodies={bodies} />,
      redirect: (c) => `/registry/cases/${c.id}`,
      flash: (c) => req.t('registry.case.registered', { number: c.registryNumber }),
    });
  });

  /** Edit links and pages: registry.edit for the body, and the content must be readable to the actor. */
  const mayEdit = (req: FastifyRequest, view: CaseView | DocumentView) => !view.restricted && can(req.actor, REGISTRY_EDIT, { bodyId: view.bodyId });
  const authorizeEdit = (req: FastifyRequest, view: CaseView | DocumentView) => {
    // 401 for anonymous visitors (login), 403 for staff of other bodies.
    authorize(req.actor, REGISTRY_EDIT, { bodyId: view.bodyId });
    if (view.restricted) throw new Forbidden(REGISTRY_EDIT);
  };

  const documentFormFor = (req: FastifyRequest, bodyId: string, form: FormState = emptyForm()) =>
    can(req.actor, REGISTRY_REGISTER, { bodyId }) ? form : null;

  app.get('/registry/cases/:id', { config: { permission: PUBLIC }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const view = await getCase(req.ctx, pageId(req.params.id));
    const today = stockholmDate(deps.clock.now());
    return reply.html(
      <CasePage
        ctx={req.pageContext()}
        view={view}
        documentForm={documentFormFor(req, view.bodyId, emptyForm({ documentDate: today, direction: 'incoming' }))}
        maxUploadBytes={maxBytes}
        canEdit={mayEdit(req, view)}
        sections={await renderCaseSections(req.ctx, req.pageContext(), view)}
      />,
    );
  });

  // Document registration takes an optional file: multipart is parsed here only, before the CSRF check.
  app.register(async (scope) => {
    acceptMultipart(scope, multipartLimit);
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/registry/cases/:id/documents',
      { config: { permission: REGISTRY_REGISTER }, bodyLimit: multipartLimit, schema: { hide: true, params: pageIdParams, body: multipartBodySchema } },
      async (req, reply) => {
        const view = await getCase(req.ctx, pageId(req.params.id));
        const raw = req.body as MultipartBody;
        const file = typeof raw.attachments === 'object' && !Array.isArray(raw.attachments) ? raw.attachments : undefined;
        const values = blankToUndefined(
          Object.fromEntries(Object.entries(raw).filter((entry): entry is [string, string | string[]] => typeof entry[1] === 'string' || Array.isArray(entry[1]))),
        );
        return handleFormSubmit(req, reply, {
          values,
          run: async () => {
            try {
              return await registerDocument(req.ctx, view.id, documentFormInput(values, file), limits);
            } catch (e) {
              throw e instanceof Invalid ? toFileField(e) : e;
            }
          },
          render: (form) => <CasePage ctx={req.pageContext()} view={view} documentForm={form} maxUploadBytes={maxBytes} canEdit={mayEdit(req, view)} />,
          redirect: (d) => `/registry/documents/${d.id}`,
          flash: (d) => req.t('registry.document.registered', { number: d.number }),
        });
      },
    );
  });

  const classifyFormFor = (req: FastifyRequest, bodyId: string, form: FormState) => (can(req.actor, REGISTRY_CLASSIFY, { bodyId }) ? form : null);

  app.get('/registry/documents/:id', { config: { permission: PUBLIC }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const view = await getDocument(req.ctx, pageId(req.params.id));
    const current = { ...view.classification, secrecyGround: view.secrecyGround ?? undefined };
    return reply.html(
      <DocumentPage ctx={req.pageContext()} view={view} classifyForm={classifyFormFor(req, view.bodyId, emptyForm(current))} canEdit={mayEdit(req, view)} />,
    );
  });

  app.post(
    '/registry/documents/:id/classification',
    { config: { permission: REGISTRY_CLASSIFY }, schema: { hide: true, params: pageIdParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await getDocument(req.ctx, pageId(req.params.id));
      const values = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values,
        run: () =>
          classifyDocument(req.ctx, view.id, {
            confidentiality: num(values.confidentiality) as number,
            integrity: num(values.integrity) as number,
            availability: num(values.availability) as number,
            secrecyGround: str(values.secrecyGround) ?? null,
            reason: str(values.reason) ?? '',
          }),
        render: (form) => <DocumentPage ctx={req.pageContext()} view={view} classifyForm={form} canEdit={mayEdit(req, view)} />,
        redirect: (d) => `/registry/documents/${d.id}`,
        flash: () => req.t('registry.document.classified'),
      });
    },
  );
  // ── edit a case or a document (PATCH /api/cases/:id and /api/documents/:id as forms) ──
  const caseEditForm = (view: CaseView) => emptyForm({ title: view.title ?? '', description: view.description ?? '', status: view.status });

  app.get('/registry/cases/:id/edit', { config: { permission: REGISTRY_EDIT }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const view = await getCase(req.ctx, pageId(req.params.id));
    authorizeEdit(req, view);
    return reply.html(<EditCasePage ctx={req.pageContext()} view={view} form={caseEditForm(view)} />);
  });

  app.post(
    '/registry/cases/:id/edit',
    { config: { permission: REGISTRY_EDIT }, schema: { hide: true, params: pageIdParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await getCase(req.ctx, pageId(req.params.id));
      authorizeEdit(req, view);
      const values = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values,
        run: () =>
          updateCase(req.ctx, view.id, {
            title: str(values.title) ?? '',
            description: str(values.description) ?? null,
            status: str(values.status) as 'open' | 'closed' | undefined,
          }),
        render: (form) => <EditCasePage ctx={req.pageContext()} view={view} form={form} />,
        redirect: (c) => `/registry/cases/${c.id}`,
        flash: () => req.t('registry.case.updated'),
      });
    },
  );

  const documentEditForm = (view: DocumentView) =>
    emptyForm({
      title: view.title ?? '',
      documentDate: view.documentDate,
      authorName: view.authorName ?? '',
      counterpart: view.counterpart ?? '',
      text: view.text ?? '',
    });

  app.get('/registry/documents/:id/edit', { config: { permission: REGISTRY_EDIT }, schema: { hide: true, params: pageIdParams } }, async (req, reply) => {
    const view = await getDocument(req.ctx, pageId(req.params.id));
    authorizeEdit(req, view);
    return reply.html(<EditDocumentPage ctx={req.pageContext()} view={view} form={documentEditForm(view)} />);
  });

  app.post(
    '/registry/documents/:id/edit',
    { config: { permission: REGISTRY_EDIT }, schema: { hide: true, params: pageIdParams, body: formBodySchema } },
    async (req, reply) => {
      const view = await getDocument(req.ctx, pageId(req.params.id));
      authorizeEdit(req, view);
      const values = blankToUndefined(req.body);
      return handleFormSubmit(req, reply, {
        values,
        run: () =>
          updateDocument(req.ctx, view.id, {
            title: str(values.title) ?? '',
            documentDate: str(values.documentDate) ?? '',
            authorName: str(values.authorName) ?? null,
            counterpart: str(values.counterpart) ?? null,
            text: str(values.text) ?? null,
          }),
        render: (form) => <EditDocumentPage ctx={req.pageContext()} view={view} form={form} />,
        redirect: (d) => `/registry/documents/${d.id}`,
        flash: () => req.t('registry.document.updated'),
      });
    },
  );
}
