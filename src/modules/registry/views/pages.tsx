import { CsrfField, ErrorSummary, Pager, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { CaseView, DocumentView, RegistryPage } from '../queries.js';
import {
  caseHref,
  ClassificationFields,
  classificationText,
  DateText,
  directionLabel,
  documentHref,
  directionOptions,
  EntryTable,
  FileField,
  kindLabel,
  kindOptions,
  Restricted,
  sizeLabel,
  statusOptions,
} from './parts.js';

// ── the public list ─────────────────────────────────────────────────────────
export function RegistryListPage({
  ctx,
  result,
  form,
  bodies,
  years,
  baseUrl,
  canRegister,
}: {
  ctx: PageContext;
  result: RegistryPage;
  form: FormState;
  bodies: Array<{ id: string; name: string }>;
  years: number[];
  baseUrl: string;
  canRegister: boolean;
}): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('registry.title')} description={t('registry.lead')}>
      <h1 safe>{t('registry.title')}</h1>
      <p class="lead" safe>{t('registry.lead')}</p>
      {canRegister ? (
        <p class="actions">
          <a class="button" href="/registry/cases/new" safe>
            {t('registry.case.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <ErrorSummary errors={form.errors} t={t} />
      <form method="get" action="/registry" role="search">
        <fieldset>
          <legend safe>{t('registry.list.filters')}</legend>
          <SelectField
            name="bodyId"
            label={t('registry.col.body')}
            form={form}
            t={t}
            emptyLabel={t('registry.list.allBodies')}
            options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          />
          <SelectField
            name="year"
            label={t('registry.list.year')}
            form={form}
            t={t}
            emptyLabel={t('registry.list.allYears')}
            options={years.map((y) => ({ value: String(y), label: String(y) }))}
          />
          <SelectField name="kind" label={t('registry.col.kind')} form={form} t={t} emptyLabel={t('registry.list.allKinds')} options={kindOptions(t)} />
          <TextField name="q" type="search" label={t('registry.list.q')} form={form} t={t} maxlength={200} />
          <div class="actions">
            <button type="submit" safe>{t('registry.list.apply')}</button>
            <a href="/registry" safe>{t('registry.list.clear')}</a>
          </div>
        </fieldset>
      </form>
      {result.items.length ? (
        <EntryTable ctx={ctx} entries={result.items} caption={t('registry.list.caption')} />
      ) : (
        <p safe>{t('registry.list.empty')}</p>
      )}
      <Pager info={result} baseUrl={baseUrl} t={t} />
    </Layout>
  );
}

// ── one case ────────────────────────────────────────────────────────────────
export function CasePage({
  ctx,
  view,
  documentForm,
  maxUploadBytes,
  canEdit = false,
  sections = [],
}: {
  ctx: PageContext;
  view: CaseView;
  /** HTML from other modules' case sections (registerCaseSection), already escaped. */
  sections?: string[];
  /** Present when the reader may register documents in this case. */
  documentForm: FormState | null;
  maxUploadBytes: number;
  /** The reader may edit this case (registry.edit for its body): link to the edit page. */
  canEdit?: boolean;
}): JSX.Element {
  const { t } = ctx;
  const heading = view.restricted ? t('registry.case.title', { number: view.registryNumber }) : (view.title ?? '');
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href="/registry" safe>{t('registry.backToList')}</a>
      </p>
      <h1 safe>{heading}</h1>
      {view.restricted ? (
        <p class="secret">
          <Restricted t={t} ground={null} />. <span safe>{t('registry.restricted.caseExplain')}</span>
        </p>
      ) : (
        ''
      )}
      <dl class="meta">
        <dt safe>{t('registry.col.number')}</dt>
        <dd safe>{view.registryNumber}</dd>
        <dt safe>{t('registry.col.body')}</dt>
        <dd safe>{view.bodyName}</dd>
        <dt safe>{t('registry.col.registered')}</dt>
        <dd>
          <DateText ctx={ctx} value={view.registeredAt} />
        </dd>
        <dt safe>{t('registry.case.status')}</dt>
        <dd safe>{t(`registry.case.status.${view.status}`)}</dd>
        {view.classCode ? (
          <>
            <dt safe>{t('registry.case.classCode')}</dt>
            <dd safe>{view.classCode}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('registry.classification')}</dt>
        <dd safe>{classificationText(t, view.classification)}</dd>
        {view.administrationName ? (
          <>
            <dt safe>{t('registry.document.administration')}</dt>
            <dd safe>{view.administrationName}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {view.description ? <p safe>{view.description}</p> : ''}
      {canEdit ? (
        <p>
          <a href={`${caseHref(view.id)}/edit`} safe>{t('registry.case.edit')}</a>
        </p>
      ) : (
        ''
      )}
      {sections.join('') as 'safe'}
      <h2 safe>{t('registry.case.documents')}</h2>
      {view.documents.length ? (
        <EntryTable ctx={ctx} entries={view.documents} caption={t('registry.case.documents')} showBody={false} />
      ) : (
        <p safe>{t('registry.case.noDocuments')}</p>
      )}
      {documentForm ? <DocumentForm ctx={ctx} caseId={view.id} form={documentForm} maxUploadBytes={maxUploadBytes} /> : ''}
    </Layout>
  );
}

function DocumentForm({ ctx, caseId, form, maxUploadBytes }: { ctx: PageContext; caseId: string; form: FormState; maxUploadBytes: number }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby="document-form-title">
      <h2 id="document-form-title" safe>{t('registry.document.new')}</h2>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${caseHref(caseId)}/documents`} enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField name="kind" label={t('registry.document.kind')} form={form} t={t} required options={kindOptions(t)} />
        <SelectField name="direction" label={t('registry.document.direction')} form={form} t={t} options={directionOptions(t)} />
        <TextField name="documentDate" type="date" label={t('registry.document.date')} hint={t('registry.document.dateHint')} form={form} t={t} required />
        <TextField name="title" label={t('registry.document.docTitle')} form={form} t={t} required maxlength={500} />
        <TextField name="authorName" label={t('registry.document.author')} form={form} t={t} maxlength={200} />
        <TextField name="counterpart" label={t('registry.document.counterpart')} form={form} t={t} maxlength={300} />
        <TextArea name="text" label={t('registry.document.text')} form={form} t={t} rows={8} />
        <ClassificationFields form={form} t={t} secrecyGround />
        <FileField
          name="attachments"
          label={t('registry.document.file')}
          hint={t('registry.document.fileHint', { max: sizeLabel(maxUploadBytes) })}
          form={form}
        />
        <button type="submit" safe>{t('registry.document.submit')}</button>
      </form>
    </section>
  );
}

// ── one document ────────────────────────────────────────────────────────────
export function DocumentPage({
  ctx,
  view,
  classifyForm,
  canEdit = false,
}: {
  ctx: PageContext;
  view: DocumentView;
  /** Present when the reader may change the classification. */
  classifyForm: FormState | null;
  /** The reader may edit this document (registry.edit for its body): link to the edit page. */
  canEdit?: boolean;
}): JSX.Element {
  const { t } = ctx;
  const numberText = `${view.registryNumber}:${view.number}`;
  const heading = view.restricted ? t('registry.document.title', { number: numberText }) : (view.title ?? '');
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={caseHref(view.caseId)} safe>{t('registry.backToCase')}</a>
      </p>
      <h1 safe>{heading}</h1>
      {view.restricted ? (
        <p class="secret">
          <Restricted t={t} ground={view.secrecyGround} />. <span safe>{t('registry.restricted.explain')}</span>
        </p>
      ) : (
        ''
      )}
      <dl class="meta">
        <dt safe>{t('registry.col.number')}</dt>
        <dd>
          <a href={caseHref(view.caseId)} safe>
            {view.registryNumber}
          </a>
        </dd>
        <dt safe>{t('registry.col.documentNumber')}</dt>
        <dd safe>{String(view.number)}</dd>
        {view.caseTitle ? (
          <>
            <dt safe>{t('registry.document.inCase')}</dt>
            <dd safe>{view.caseTitle}</dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('registry.col.kind')}</dt>
        <dd safe>{kindLabel(t, view.kind)}</dd>
        <dt safe>{t('registry.col.direction')}</dt>
        <dd safe>{directionLabel(t, view.direction)}</dd>
        <dt safe>{t('registry.col.date')}</dt>
        <dd>
          <DateText ctx={ctx} value={view.documentDate} />
        </dd>
        <dt safe>{t('registry.document.registeredAt')}</dt>
        <dd>
          <DateText ctx={ctx} value={view.registeredAt} />
        </dd>
        <dt safe>{t('registry.col.body')}</dt>
        <dd safe>{view.bodyName}</dd>
        <dt safe>{t('registry.classification')}</dt>
        <dd safe>{classificationText(t, view.classification)}</dd>
        {view.secrecyGround ? (
          <>
            <dt safe>{t('registry.document.secrecyGround')}</dt>
            <dd safe>{view.secrecyGround}</dd>
          </>
        ) : (
          ''
        )}
        {view.authorName ? (
          <>
            <dt safe>{t('registry.document.author')}</dt>
            <dd safe>{view.authorName}</dd>
          </>
        ) : (
          ''
        )}
        {view.administrationName ? (
          <>
            <dt safe>{t('registry.document.administration')}</dt>
            <dd safe>{view.administrationName}</dd>
          </>
        ) : (
          ''
        )}
        {view.counterpart ? (
          <>
            <dt safe>{t('registry.document.counterpart')}</dt>
            <dd safe>{view.counterpart}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {canEdit ? (
        <p>
          <a href={`${documentHref(view.id)}/edit`} safe>{t('registry.document.edit')}</a>
        </p>
      ) : (
        ''
      )}
      {view.restricted ? (
        ''
      ) : (
        <>
          <h2 safe>{t('registry.document.text')}</h2>
          {view.text ? (
            <div class="document-text">
              {view.text
                .split(/\n\s*\n/)
                .map((p) => p.trim())
                .filter(Boolean)
                .map((p) => (
                  <p safe>{p}</p>
                ))}
            </div>
          ) : (
            <p safe>{t('registry.document.noText')}</p>
          )}
          <h2 safe>{t('registry.document.attachments')}</h2>
          {view.attachments.length ? (
            <ul>
              {view.attachments.map((a) => (
                <li>
                  <a href={`/api/attachments/${a.id}`} safe>
                    {t('registry.attachment.download', { filename: a.filename, size: sizeLabel(a.size) })}
                  </a>{' '}
                  <small>
                    SHA-256 <code safe>{a.sha256}</code>
                  </small>
                </li>
              ))}
            </ul>
          ) : (
            <p safe>{t('registry.document.noAttachments')}</p>
          )}
        </>
      )}
      {classifyForm ? <ClassifyForm ctx={ctx} documentId={view.id} form={classifyForm} /> : ''}
    </Layout>
  );
}

function ClassifyForm({ ctx, documentId, form }: { ctx: PageContext; documentId: string; form: FormState }): JSX.Element {
  const { t } = ctx;
  return (
    <section aria-labelledby="classify-title">
      <h2 id="classify-title" safe>{t('registry.classify.title')}</h2>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`/registry/documents/${documentId}/classification`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <ClassificationFields form={form} t={t} prefix="" secrecyGround />
        <TextField name="reason" label={t('registry.classify.reason')} hint={t('registry.classify.reasonHint')} form={form} t={t} required maxlength={1000} />
        <button type="submit" safe>{t('registry.classify.submit')}</button>
      </form>
    </section>
  );
}

// ── new case ────────────────────────────────────────────────────────────────
export function NewCasePage({ ctx, form, bodies }: { ctx: PageContext; form: FormState; bodies: Array<{ id: string; name: string }> }): JSX.Element {
  const { t } = ctx;
  const values = bodies.length === 1 && !form.values.bodyId ? { ...form.values, bodyId: bodies[0]!.id } : form.values;
  const f: FormState = { values, errors: form.errors };
  return (
    <Layout ctx={ctx} title={t('registry.case.new')}>
      <p>
        <a href="/registry" safe>{t('registry.backToList')}</a>
      </p>
      <h1 safe>{t('registry.case.new')}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action="/registry/cases" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField
          name="bodyId"
          label={t('registry.case.body')}
          hint={t('registry.case.bodyHint')}
          form={f}
          t={t}
          required
          emptyLabel={bodies.length === 1 ? undefined : ''}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
        />
        <TextField name="title" label={t('registry.case.caseTitle')} form={f} t={t} required maxlength={500} />
        <TextField name="classCode" label={t('registry.case.classCode')} hint={t('registry.case.classCodeHint')} form={f} t={t} maxlength={40} />
        <TextArea name="description" label={t('registry.case.description')} form={f} t={t} rows={5} />
        <ClassificationFields form={f} t={t} />
        <button type="submit" safe>{t('registry.case.submit')}</button>
      </form>
    </Layout>
  );
}

// ── edit a case or a document ───────────────────────────────────────────────
export function EditCasePage({ ctx, view, form }: { ctx: PageContext; view: CaseView; form: FormState }): JSX.Element {
  const { t } = ctx;
  const heading = t('registry.case.editTitle', { number: view.registryNumber });
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={caseHref(view.id)} safe>{t('registry.backToCase')}</a>
      </p>
      <h1 safe>{heading}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${caseHref(view.id)}/edit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('registry.case.caseTitle')} form={form} t={t} required maxlength={500} />
        <TextArea name="description" label={t('registry.case.description')} form={form} t={t} rows={5} />
        <SelectField name="status" label={t('registry.case.status')} form={form} t={t} required options={statusOptions(t)} />
        <button type="submit" safe>{t('registry.case.save')}</button>
      </form>
    </Layout>
  );
}

export function EditDocumentPage({ ctx, view, form }: { ctx: PageContext; view: DocumentView; form: FormState }): JSX.Element {
  const { t } = ctx;
  const heading = t('registry.document.editTitle', { number: `${view.registryNumber}:${view.number}` });
  return (
    <Layout ctx={ctx} title={heading}>
      <p>
        <a href={documentHref(view.id)} safe>{t('registry.backToDocument')}</a>
      </p>
      <h1 safe>{heading}</h1>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={`${documentHref(view.id)}/edit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('registry.document.docTitle')} form={form} t={t} required maxlength={500} />
        <TextField name="documentDate" type="date" label={t('registry.document.date')} hint={t('registry.document.dateHint')} form={form} t={t} required />
        <TextField name="authorName" label={t('registry.document.author')} form={form} t={t} maxlength={200} />
        <TextField name="counterpart" label={t('registry.document.counterpart')} form={form} t={t} maxlength={300} />
        <TextArea name="text" label={t('registry.document.text')} form={form} t={t} rows={8} />
        <button type="submit" safe>{t('registry.document.save')}</button>
      </form>
    </Layout>
  );
}
