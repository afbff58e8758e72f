import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { StatementDiff, StatementView, VersionSummary, VersionView } from '../queries.js';
import { caseHref, DateText, DiffView, StatementMeta, StatementText, statementHref, statusText } from './parts.js';

function Back({ href, label }: { href: string; label: string }): JSX.Element {
  return (
    <p>
      <a href={href} safe>
        {label}
      </a>
    </p>
  );
}

/** Links between the statement's pages, for those who may use them. */
function StatementActions({ ctx, s }: { ctx: PageContext; s: StatementView }): JSX.Element {
  const { t } = ctx;
  const links: Array<[string, string]> = [];
  if (s.may.write) links.push([`${statementHref(s.id)}/edit`, t('statements.action.edit')]);
  if (s.may.readVersions) {
    links.push([`${statementHref(s.id)}/versions`, t('statements.action.versions')]);
    if (s.currentVersion > 1) links.push([`${statementHref(s.id)}/diff?from=${s.currentVersion - 1}&to=${s.currentVersion}`, t('statements.action.diff')]);
  }
  if (links.length === 0) return '';
  return (
    <ul class="actions">
      {links.map(([href, label]) => (
        <li>
          <a href={href} safe>
            {label}
          </a>
        </li>
      ))}
    </ul>
  );
}

// ── the statement ───────────────────────────────────────────────────────────
export function StatementPage({ ctx, s, finaliseForm }: { ctx: PageContext; s: StatementView; finaliseForm: FormState | null }): JSX.Element {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={s.title}>
      <Back href={caseHref(s.caseId)} label={t('statements.backToCase')} />
      <p class="kicker" safe>
        {t('statements.kind')}
      </p>
      <h1 safe>{s.title}</h1>
      <StatementMeta ctx={ctx} s={s} version={s.version} />
      {s.status === 'draft' ? (
        <p class="hint" safe>
          {t('statements.draftNotice')}
        </p>
      ) : (
        ''
      )}
      <StatementActions ctx={ctx} s={s} />
      <StatementText ctx={ctx} version={s.version} />
      {finaliseForm && s.may.finalise ? (
        <section aria-labelledby="finalise-title">
          <h2 id="finalise-title" safe>
            {t('statements.finalise.title')}
          </h2>
          <ErrorSummary errors={finaliseForm.errors} t={t} />
          <p safe>{t('statements.finalise.explain', { version: s.currentVersion })}</p>
          <form method="post" action={`${statementHref(s.id)}/finalise`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(s.currentVersion)} />
            <button type="submit" safe>
              {t('statements.finalise.submit')}
            </button>
          </form>
        </section>
      ) : (
        ''
      )}
    </Layout>
  );
}

// ── new statement / new version ─────────────────────────────────────────────
export interface CaseHeader {
  caseId: string;
  registryNumber: string;
  caseTitle: string;
  bodyName: string;
}

export function StatementFormPage({
  ctx,
  header,
  statement,
  form,
}: {
  ctx: PageContext;
  header: CaseHeader;
  /** Present when saving a new version of an existing statement. */
  statement: StatementView | null;
  form: FormState;
}): JSX.Element {
  const { t } = ctx;
  const title = statement ? t('statements.edit.title', { version: statement.currentVersion + 1 }) : t('statements.new.title');
  const action = statement ? `${statementHref(statement.id)}/edit` : '/statements';
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={statement ? statementHref(statement.id) : caseHref(header.caseId)} label={t(statement ? 'statements.backToStatement' : 'statements.backToCase')} />
      <h1 safe>{title}</h1>
      <dl class="meta">
        <dt safe>{t('statements.meta.registryNumber')}</dt>
        <dd safe>{header.registryNumber}</dd>
        <dt safe>{t('statements.meta.case')}</dt>
        <dd safe>{header.caseTitle}</dd>
        <dt safe>{t('statements.meta.body')}</dt>
        <dd safe>{header.bodyName}</dd>
        {statement ? (
          <>
            <dt safe>{t('statements.meta.status')}</dt>
            <dd safe>{statusText(t, statement)}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      <p class="hint" safe>
        {t('statements.form.lead')}
      </p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {statement ? <input type="hidden" name="baseVersion" value={String(statement.currentVersion)} /> : <input type="hidden" name="caseId" value={header.caseId} />}
        <TextField name="title" label={t('statements.field.title')} hint={t('statements.field.titleHint')} form={form} t={t} required maxlength={500} />
        <TextField name="documentDate" type="date" label={t('statements.field.documentDate')} hint={t('statements.field.dateHint')} form={form} t={t} required />
        <TextArea name="proposedDecision" label={t('statements.section.proposedDecision')} hint={t('statements.field.pointsHint')} form={form} t={t} rows={4} />
        <TextArea name="summary" label={t('statements.section.summary')} form={form} t={t} rows={8} />
        <TextArea name="preparation" label={t('statements.section.preparation')} form={form} t={t} rows={4} />
        <TextArea name="background" label={t('statements.section.background')} form={form} t={t} rows={8} />
        <TextArea name="views" label={t('statements.section.views')} form={form} t={t} rows={12} />
        <TextArea name="attachmentNames" label={t('statements.section.attachmentNames')} hint={t('statements.field.attachmentsHint')} form={form} t={t} rows={4} />
        <TextArea name="signatories" label={t('statements.section.signatories')} hint={t('statements.field.signatoriesHint')} form={form} t={t} rows={3} />
        <TextField name="note" label={t('statements.field.note')} hint={t('statements.field.noteHint')} form={form} t={t} maxlength={1000} />
        <button type="submit" safe>
          {t(statement ? 'statements.edit.submit' : 'statements.new.submit')}
        </button>
      </form>
    </Layout>
  );
}

// ── versions ────────────────────────────────────────────────────────────────
export function VersionsPage({ ctx, s, versions }: { ctx: PageContext; s: StatementView; versions: VersionSummary[] }): JSX.Element {
  const { t } = ctx;
  const title = t('statements.versions.title', { title: s.title });
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={statementHref(s.id)} label={t('statements.backToStatement')} />
      <h1 safe>{title}</h1>
      <p safe>{statusText(t, s)}</p>
      <table>
        <caption safe>{t('statements.versions.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('statements.versions.version')}</th>
            <th scope="col" safe>{t('statements.versions.savedAt')}</th>
            <th scope="col" safe>{t('statements.versions.savedBy')}</th>
            <th scope="col" safe>{t('statements.meta.date')}</th>
            <th scope="col" safe>{t('statements.versions.note')}</th>
            <th scope="col" safe>{t('statements.versions.compare')}</th>
          </tr>
        </thead>
        <tbody>
          {[...versions].reverse().map((v) => (
            <tr>
              <th scope="row">
                <a href={`${statementHref(s.id)}/versions/${v.version}`} safe>
                  {t('statements.versions.label', { version: v.version })}
                </a>
              </th>
              <td>
                <DateText ctx={ctx} value={v.createdAt} />
              </td>
              <td safe>{v.createdBy}</td>
              <td>
                <DateText ctx={ctx} value={v.documentDate} />
              </td>
              <td safe>{v.note ?? ''}</td>
              <td>
                {v.version > 1 ? (
                  <a href={`${statementHref(s.id)}/diff?from=${v.version - 1}&to=${v.version}`} safe>
                    {t('statements.versions.compareWithPrevious', { version: v.version - 1 })}
                  </a>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.length > 1 ? <CompareForm ctx={ctx} s={s} versions={versions.map((v) => v.version)} from={versions.length - 1} to={versions.length} /> : ''}
    </Layout>
  );
}

function CompareForm({ ctx, s, versions, from, to }: { ctx: PageContext; s: StatementView; versions: number[]; from: number; to: number }): JSX.Element {
  const { t } = ctx;
  const options = versions.map((v) => ({ value: String(v), label: t('statements.versions.label', { version: v }) }));
  const form: FormState = { values: { from: String(from), to: String(to) }, errors: {} };
  return (
    <form method="get" action={`${statementHref(s.id)}/diff`}>
      <fieldset>
        <legend safe>{t('statements.diff.choose')}</legend>
        <SelectField name="from" label={t('statements.diff.from')} form={form} t={t} options={options} />
        <SelectField name="to" label={t('statements.diff.to')} form={form} t={t} options={options} />
        <button type="submit" safe>
          {t('statements.diff.show')}
        </button>
      </fieldset>
    </form>
  );
}

export function VersionPage({ ctx, s, version }: { ctx: PageContext; s: StatementView; version: VersionView }): JSX.Element {
  const { t } = ctx;
  const title = t('statements.version.title', { title: s.title, version: version.version });
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={`${statementHref(s.id)}/versions`} label={t('statements.backToVersions')} />
      <h1 safe>{title}</h1>
      <dl class="meta">
        <dt safe>{t('statements.meta.registryNumber')}</dt>
        <dd safe>{s.registryNumber}</dd>
        <dt safe>{t('statements.meta.date')}</dt>
        <dd>
          <DateText ctx={ctx} value={version.documentDate} />
        </dd>
        <dt safe>{t('statements.versions.savedAt')}</dt>
        <dd>
          <DateText ctx={ctx} value={version.createdAt} />
        </dd>
        <dt safe>{t('statements.versions.savedBy')}</dt>
        <dd safe>{version.createdBy}</dd>
        {version.note ? (
          <>
            <dt safe>{t('statements.versions.note')}</dt>
            <dd safe>{version.note}</dd>
          </>
        ) : (
          ''
        )}
      </dl>
      {version.version === s.currentVersion ? (
        <p safe>{t('statements.version.isCurrent')}</p>
      ) : (
        <p>
          <a href={`${statementHref(s.id)}/diff?from=${version.version}&to=${s.currentVersion}`} safe>
            {t('statements.version.compareWithCurrent', { version: s.currentVersion })}
          </a>
        </p>
      )}
      <StatementText ctx={ctx} version={version} />
    </Layout>
  );
}

export function DiffPage({ ctx, s, diff, versions }: { ctx: PageContext; s: StatementView; diff: StatementDiff; versions: number[] }): JSX.Element {
  const { t } = ctx;
  const title = t('statements.diff.title', { from: diff.from, to: diff.to });
  const changed = diff.sections.filter((x) => x.changed).length;
  return (
    <Layout ctx={ctx} title={`${title} – ${s.title}`}>
      <Back href={`${statementHref(s.id)}/versions`} label={t('statements.backToVersions')} />
      <h1 safe>{title}</h1>
      <p safe>{s.title}</p>
      <p class="hint" safe>
        {t('statements.diff.legend')}
      </p>
      <p role="status" safe>
        {t('statements.diff.summary', { count: changed })}
      </p>
      <CompareForm ctx={ctx} s={s} versions={versions} from={diff.from} to={diff.to} />
      <DiffView ctx={ctx} sections={diff.sections} />
    </Layout>
  );
}
