import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Invalid } from '../../../core/errors.js';
import { blankToUndefined } from '../../../http/forms.js';
import { acceptMultipart, type UploadedFile } from '../../../http/multipart.js';
import { localisedFieldErrors, translateFields } from '../../../http/validation.js';
import type { App, AppDeps } from '../../../http/types.js';
import { emptyForm, type FormState } from '../../../views/context.js';
import { importReviewed, importUploads, readUpload } from '../commands/import-upload.js';
import { dryRunResultSchema, type DryRunResult } from '../parser/index.js';
import { ARCHIVE_IMPORT } from '../policy.js';
import { getImportRun, listImportRuns } from '../queries.js';
import { ImportPage, ReviewPage, RunReportPage } from '../views/pages.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'archiveImport.field.dateFormat');
/** The corrections a registrar may make on the review form (API: the same, as JSON). */
const correctionsSchema = z.strictObject({
  kind: z.enum(['protocolExtract', 'statement', 'memo', 'unknown']).optional(),
  title: z.string().trim().min(1).max(500).nullable().optional(),
  body: z.string().trim().min(1).max(200).nullable().optional(),
  administration: z.string().trim().max(200).nullable().optional(),
  registryNumbers: z.array(z.string().trim().min(1).max(100)).max(10).optional(),
  paragraph: z.number().int().min(0).max(99_999).nullable().optional(),
  meetingDate: isoDate.nullable().optional(),
  documentDate: isoDate.nullable().optional(),
  decision: z.array(z.string().trim().min(1).max(20_000)).max(100).optional(),
  proposedDecision: z.array(z.string().trim().min(1).max(20_000)).max(100).optional(),
});

/** A file in JSON: base64 of at most the upload limit (4 characters per 3 bytes). */
const fileJsonFor = (maxBytes: number) =>
  z.strictObject({
    filename: z.string().trim().min(1).max(300),
    contentBase64: z.string().min(1).max(Math.ceil(maxBytes / 3) * 4),
    corrections: correctionsSchema.optional(),
  });
const runJson = z.object({
  id: z.uuid(),
  source: z.enum(['cli', 'web']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  fileCount: z.number(),
  stored: z.number(),
  skipped: z.number(),
  failed: z.number(),
  failures: z.array(z.object({ file: z.string(), reason: z.string() })),
  files: z.array(z.object({ id: z.uuid(), filename: z.string(), kind: z.string(), caseId: z.string().nullable(), documentId: z.string().nullable(), warnings: z.array(z.string()) })),
});

const lines = (v: unknown) =>
  typeof v === 'string'
    ? v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [];

function formToCorrections(values: Record<string, unknown>): Record<string, unknown> {
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : undefined);
  const paragraph = str('paragraph');
  return {
    kind: str('kind'),
    title: str('title') ?? null,
    body: str('body') ?? null,
    administration: str('administration') ?? null,
    registryNumbers: str('registryNumber') ? [str('registryNumber')!] : [],
    paragraph: paragraph === undefined ? null : /^\d+$/.test(paragraph.trim()) ? Number(paragraph) : Number.NaN,
    meetingDate: str('meetingDate') ?? null,
    documentDate: str('documentDate') ?? null,
    decision: lines(values.decision),
    proposedDecision: lines(values.proposedDecision),
  };
}

function resultToForm(r: DryRunResult): FormState {
  return emptyForm({
    kind: r.kind,
    title: r.title ?? '',
    body: r.body ?? '',
    administration: r.administration ?? '',
    registryNumber: r.registryNumbers[0] ?? '',
    paragraph: r.paragraph ?? '',
    meetingDate: r.meetingDate ?? '',
    documentDate: r.documentDate ?? '',
    decision: r.decision.join('\n'),
    proposedDecision: r.proposedDecision.join('\n'),
  });
}

function parseCorrections(raw: unknown): Partial<DryRunResult> {
  const parsed = correctionsSchema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === 'registryNumbers' ? 'registryNumber' : String(issue.path[0] ?? 'form');
      (fields[key] ??= []).push(issue.message.startsWith('archiveImport.') ? issue.message : 'archiveImport.field.invalid');
    }
    throw new Invalid(fields);
  }
  return parsed.data as Partial<DryRunResult>;
}

export function registerArchiveImportRoutes(app: App, deps: AppDeps): void {
  const maxBytes = deps.config.STADSNAV_MAX_UPLOAD_BYTES;
  // Up to 20 files per upload, and base64 (4/3) for the reviewed file's hidden copy.
  const bodyLimit = Math.ceil(maxBytes * 1.4) + 1024 * 1024;
  const fileJson = fileJsonFor(maxBytes);

  app.get('/import', { config: { permission: ARCHIVE_IMPORT }, schema: { hide: true } }, async (req, reply) => {
    const runs = await listImportRuns(req.ctx.db, 1);
    return reply.html(<ImportPage ctx={req.pageContext()} form={emptyForm()} runs={runs.rows} maxBytes={maxBytes} />);
  });

  app.get('/import/runs/:id', { config: { permission: ARCHIVE_IMPORT }, schema: { hide: true, params: z.object({ id: z.string().max(100) }) } }, async (req, reply) => {
    const report = await getImportRun(req.ctx.db, req.params.id);
    return reply.html(<RunReportPage ctx={req.pageContext()} report={report} />);
  });

  app.register(async (scope) => {
    acceptMultipart(scope, bodyLimit);
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    const multipart = z.record(z.string().max(200), z.unknown());

    typed.post('/import/upload', { config: { permission: ARCHIVE_IMPORT }, bodyLimit, schema: { hide: true, body: multipart } }, async (req, reply) => {
      const files = Object.entries(req.body as Record<string, unknown>)
        .filter(([k]) => k === 'files')
        .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
        .filter((v): v is UploadedFile => typeof v === 'object' && v !== null && 'content' in v);
      const renderError = async (errors: Record<string, string[]>) => {
        const runs = await listImportRuns(req.ctx.db, 1);
        return reply.html(<ImportPage ctx={req.pageContext()} form={{ values: {}, errors: translateFields(errors, req.locale) }} runs={runs.rows} maxBytes={maxBytes} />, 422);
      };
      if (files.length === 0) return renderError({ files: ['archiveImport.noFiles'] });
      if (files.length === 1) {
        const file = files[0]!;
        try {
          const read = await readUpload(file, maxBytes);
          return reply.html(
            <ReviewPage
              ctx={req.pageContext()}
              form={resultToForm(read.result)}
              filename={file.filename}
              contentBase64={file.content.toString('base64')}
              result={read.result}
              originalText={read.parsed.originalText}
              repairedText={read.parsed.text}
            />,
          );
        } catch (e) {
          if (e instanceof Invalid) return renderError(e.fields);
          throw e;
        }
      }
      const run = await importUploads(req.ctx, files.slice(0, 20), maxBytes);
      return reply.redirect(`/import/runs/${run.id}`, 303);
    });

    typed.post('/import/save', { config: { permission: ARCHIVE_IMPORT }, bodyLimit, schema: { hide: true, body: multipart } }, async (req, reply) => {
      const raw = req.body as Record<string, unknown>;
      const filename = typeof raw.filename === 'string' ? raw.filename.slice(0, 300) : '';
      const content = typeof raw.content === 'string' ? Buffer.from(raw.content, 'base64') : Buffer.alloc(0);
      if (!filename || content.length === 0) throw new Invalid({ files: ['archiveImport.noFiles'] });
      const values = blankToUndefined(Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string')));
      const file = { filename, content };
      try {
        const corrections = parseCorrections(formToCorrections(values));
        const { run } = await importReviewed(req.ctx, file, corrections, maxBytes);
        reply.setFlash(req.t(run.stored ? 'archiveImport.saved' : 'archiveImport.alreadyImported'));
        return reply.redirect(`/import/runs/${run.id}`, 303);
      } catch (e) {
        if (!(e instanceof Invalid)) throw e;
        const read = await readUpload(file, maxBytes);
        const errors = e.issues ? localisedFieldErrors(e.issues as never, req.locale) : translateFields(e.fields, req.locale);
        return reply.html(
          <ReviewPage
            ctx={req.pageContext()}
            form={{ values, errors }}
            filename={filename}
            contentBase64={content.toString('base64')}
            result={read.result}
            originalText={read.parsed.originalText}
            repairedText={read.parsed.text}
          />,
          422,
        );
      }
    });
  });

  // ── JSON API ──────────────────────────────────────────────────────────────
  app.register(async (scope) => {
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, scope.getDefaultJsonParser('error', 'error'));
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    typed.post(
      '/api/import/parse',
      {
        config: { permission: ARCHIVE_IMPORT },
        bodyLimit,
        schema: { tags: ['import'], summary: 'Parse one file without storing it (the dry-run contract)', body: fileJson.omit({ corrections: true }), response: { 200: dryRunResultSchema } },
      },
      async (req) => {
        const read = await readUpload({ filename: req.body.filename, content: Buffer.from(req.body.contentBase64, 'base64') }, maxBytes);
        return read.result;
      },
    );
    typed.post(
      '/api/import',
      {
        config: { permission: ARCHIVE_IMPORT },
        bodyLimit,
        schema: {
          tags: ['import'],
          summary: 'Store files as registry records, each all-or-nothing; returns the run report',
          body: z.strictObject({ files: z.array(fileJson).min(1).max(20) }),
          response: { 201: runJson },
        },
      },
      async (req, reply) => {
        const run = await importUploads(
          req.ctx,
          req.body.files.map((f) => ({ filename: f.filename, content: Buffer.from(f.contentBase64, 'base64'), ...(f.corrections && { corrections: f.corrections as Partial<DryRunResult> }) })),
          maxBytes,
        );
        return reply.status(201).send(presentRun(await getImportRun(req.ctx.db, run.id)));
      },
    );
  });

  app.get(
    '/api/import/runs/:id',
    { config: { permission: ARCHIVE_IMPORT }, schema: { tags: ['import'], summary: 'One import run with its report', params: z.object({ id: z.uuid() }), response: { 200: runJson } } },
    async (req) => presentRun(await getImportRun(req.ctx.db, req.params.id)),
  );
}

function presentRun({ run, files }: Awaited<ReturnType<typeof getImportRun>>): z.infer<typeof runJson> {
  return {
    id: run.id,
    source: run.source,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
    fileCount: run.fileCount,
    stored: run.stored,
    skipped: run.skipped,
    failed: run.failed,
    failures: run.failures,
    files: files.map((f) => ({ id: f.id, filename: f.filename, kind: f.kind, caseId: f.caseId, documentId: f.documentId, warnings: f.warnings })),
  };
}

