import { formatDate } from '../../../core/i18n.js';
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { DryRunResult } from '../parser/index.js';
import type { ImportRunRow } from '../repository.js';
import type { RunReport } from '../queries.js';

const KINDS = ['protocolExtract', 'statement', 'memo', 'unknown'] as const;

export function ImportPage({ ctx, form, runs, maxBytes }: { ctx: PageContext; form: FormState; runs: ImportRunRow[]; maxBytes: number }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('archiveImport.title')}>
      <h1 safe>{t('archiveImport.title')}</h1>
      <p safe>{t('archiveImport.intro')}</p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action="/import/upload" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div class={form.errors.files ? 'field field-error' : 'field'}>
          <label for="f-files" safe>{t('archiveImport.files')}</label>
          <p class="hint" id="f-files-hint" safe>{t('archiveImport.filesHint', { max: Math.round(maxBytes / 1024 / 1024) })}</p>
          {form.errors.files ? (
            <p class="error-message" id="f-files-error" safe>{form.errors.files.join(' ')}</p>
          ) : (
            ''
          )}
          <input id="f-files" name="files" type="file" multiple accept=".txt,.md,.pdf,text/plain,text/markdown,application/pdf" aria-describedby="f-files-hint" />
        </div>
        <button type="submit" safe>{t('archiveImport.review')}</button>
      </form>
      <h2 safe>{t('archiveImport.runs')}</h2>
      {runs.length ? (
        <table>
          <caption safe>{t('archiveImport.runs')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('archiveImport.col.started')}</th>
              <th scope="col" safe>{t('archiveImport.col.by')}</th>
              <th scope="col" safe>{t('archiveImport.col.source')}</th>
              <th scope="col" safe>{t('archiveImport.col.result')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr>
                <td>
                  <a href={`/import/runs/${r.id}`} safe>{formatDate(ctx.locale, r.startedAt)}</a>
                </td>
                <td safe>{r.actorLabel}</td>
                <td safe>{t(`archiveImport.source.${r.source}`)}</td>
                <td safe>{t('archiveImport.counts', { stored: r.stored, skipped: r.skipped, failed: r.failed, total: r.fileCount })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('archiveImport.noRuns')}</p>
      )}
    </Layout>
  );
}

/** The parsed result beside the source text, with the fields a registrar can correct before saving. */
export function ReviewPage({
  ctx,
  form,
  filename,
  contentBase64,
  result,
  originalText,
  repairedText,
}: {
  ctx: PageContext;
  form: FormState;
  filename: string;
  contentBase64: string;
  result: DryRunResult;
  originalText: string;
  repairedText: string;
}): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('archiveImport.reviewTitle', { file: filename })}>
      <p>
        <a href="/import" safe>{t('archiveImport.back')}</a>
      </p>
      <h1 safe>{t('archiveImport.reviewTitle', { file: filename })}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      {result.warnings.length ? (
        <section aria-labelledby="warnings-title" class="notice">
          <h2 id="warnings-title" safe>{t('archiveImport.warnings')}</h2>
          <ul>
            {result.warnings.map((w) => (
              <li safe>{w}</li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <div class="side-by-side">
        <section aria-labelledby="source-title">
          <h2 id="source-title" safe>{t('archiveImport.source')}</h2>
          <pre class="source-text" tabindex="0" safe>{repairedText}</pre>
          {originalText !== repairedText ? (
            <details>
              <summary safe>{t('archiveImport.original')}</summary>
              <pre class="source-text" tabindex="0" safe>{originalText}</pre>
            </details>
          ) : (
            ''
          )}
        </section>
        <section aria-labelledby="fields-title">
          <h2 id="fields-title" safe>{t('archiveImport.fields')}</h2>
          <form method="post" action="/import/save" enctype="multipart/form-data" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="filename" value={filename} />
            <input type="hidden" name="content" value={contentBase64} />
            <SelectField name="kind" label={t('archiveImport.field.kind')} form={form} t={t} required options={KINDS.map((k) => ({ value: k, label: t(`archiveImport.kind.${k}`) }))} />
            <TextField name="title" label={t('archiveImport.field.title')} form={form} t={t} maxlength={500} />
            <TextField name="body" label={t('archiveImport.field.body')} hint={t('archiveImport.field.bodyHint')} form={form} t={t} required maxlength={200} />
            <TextField name="administration" label={t('archiveImport.field.administration')} form={form} t={t} maxlength={200} />
            <TextField name="registryNumber" label={t('archiveImport.field.registryNumber')} form={form} t={t} maxlength={100} />
            <TextField name="paragraph" label={t('archiveImport.field.paragraph')} form={form} t={t} inputmode="numeric" maxlength={5} />
            <TextField name="meetingDate" type="date" label={t('archiveImport.field.meetingDate')} form={form} t={t} />
            <TextField name="documentDate" type="date" label={t('archiveImport.field.documentDate')} form={form} t={t} />
            <TextArea name="decision" label={t('archiveImport.field.decision')} hint={t('archiveImport.field.pointsHint')} form={form} t={t} rows={4} />
            <TextArea name="proposedDecision" label={t('archiveImport.field.proposedDecision')} hint={t('archiveImport.field.pointsHint')} form={form} t={t} rows={4} />
            <details>
              <summary safe>{t('archiveImport.more')}</summary>
              <pre class="source-text" safe>{JSON.stringify({ referral: result.referral, proposals: result.proposals, procedure: result.procedure, reservations: result.reservations, signatories: result.signatories, attachments: result.attachments }, null, 2)}</pre>
            </details>
            <button type="submit" safe>{t('archiveImport.save')}</button>
          </form>
        </section>
      </div>
    </Layout>
  );
}

export function RunReportPage({ ctx, report }: { ctx: PageContext; report: RunReport }): JSX.Element {
  const { t } = ctx;
  const { run, files } = report;
  return (
    <Layout ctx={ctx} title={t('archiveImport.reportTitle')}>
      <p>
        <a href="/import" safe>{t('archiveImport.back')}</a>
      </p>
      <h1 safe>{t('archiveImport.reportTitle')}</h1>
      <p safe>{t('archiveImport.counts', { stored: run.stored, skipped: run.skipped, failed: run.failed, total: run.fileCount })}</p>
      {run.failures.length ? (
        <section aria-labelledby="failures-title">
          <h2 id="failures-title" safe>{t('archiveImport.failures')}</h2>
          <ul>
            {run.failures.map((f) => (
              <li>
                <strong safe>{f.file}</strong>: <span safe>{f.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        ''
      )}
      <h2 safe>{t('archiveImport.stored')}</h2>
      {files.length ? (
        <table>
          <caption safe>{t('archiveImport.stored')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('archiveImport.col.file')}</th>
              <th scope="col" safe>{t('archiveImport.field.kind')}</th>
              <th scope="col" safe>{t('archiveImport.col.document')}</th>
              <th scope="col" safe>{t('archiveImport.warnings')}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr>
                <td safe>{f.filename}</td>
                <td safe>{t(`archiveImport.kind.${f.kind}`)}</td>
                <td>{f.documentId ? <a href={`/registry/documents/${f.documentId}`} safe>{f.parsed.title ?? f.filename}</a> : ''}</td>
                <td>
                  {f.warnings.length ? (
                    <ul>
                      {f.warnings.map((w) => (
                        <li safe>{w}</li>
                      ))}
                    </ul>
                  ) : (
                    '–'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('archiveImport.noneStored')}</p>
      )}
    </Layout>
  );
}
