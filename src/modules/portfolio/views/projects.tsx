import { CsrfField, ErrorSummary, Pager, SelectField, TextArea, TextField } from '../../../views/components.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { ImportReport } from '../commands/import-projects.js';
import { COLUMNS } from '../import/rows.js';
import { projectHref } from '../presenters.js';
import type { ProjectFormChoices, ProjectListResult, ProjectView } from '../queries.js';
import type { DecisionRef } from '../repository.js';
import { COST_BEARINGS, PROJECT_KINDS, PROJECT_STATUSES } from '../schema.js';
import { Back, CheckboxGroup, day, DecisionLink, decisionLabel, decimal, GoalDimensionFilters, kindLabel, money, Progress, statusLabel } from './parts.js';

type Choice = { value: string; label: string };
const statusOptions = (ctx: PageContext): Choice[] => PROJECT_STATUSES.map((s) => ({ value: s, label: statusLabel(ctx.t, s) }));
const kindOptions = (ctx: PageContext): Choice[] => PROJECT_KINDS.map((k) => ({ value: k, label: kindLabel(ctx.t, k) }));

// ── the list ────────────────────────────────────────────────────────────────
export function ProjectListPage(props: {
  ctx: PageContext;
  result: ProjectListResult;
  form: FormState;
  bodies: Array<{ id: string; name: string }>;
  goals: Array<{ id: string; title: string; strategyTitle: string }>;
  baseUrl: string;
  mayWrite: boolean;
}): JSX.Element {
  const { ctx, result, form } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('portfolio.projects.title')} description={t('portfolio.projects.lead')}>
      <h1 safe>{t('portfolio.projects.title')}</h1>
      <p class="lead" safe>
        {t('portfolio.projects.lead')}
      </p>
      <ul class="actions">
        {props.mayWrite ? (
          <>
            <li>
              <a class="button" href="/projects/new" safe>
                {t('portfolio.projects.new')}
              </a>
            </li>
            <li>
              <a href="/projects/import" safe>
                {t('portfolio.projects.import')}
              </a>
            </li>
          </>
        ) : (
          ''
        )}
        <li>
          <a href="/prioritisation" safe>
            {t('portfolio.projects.prioritisation')}
          </a>
        </li>
        <li>
          <a href="/dashboard" safe>
            {t('nav.dashboard')}
          </a>
        </li>
      </ul>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="get" action="/projects" role="search">
        <fieldset>
          <legend safe>{t('portfolio.filter.legend')}</legend>
          <SelectField name="bodyId" label={t('portfolio.col.owner')} form={form} t={t} emptyLabel={t('portfolio.filter.allBodies')} options={props.bodies.map((b) => ({ value: b.id, label: b.name }))} />
          <SelectField name="status" label={t('portfolio.col.status')} form={form} t={t} emptyLabel={t('portfolio.filter.allStatuses')} options={statusOptions(ctx)} />
          <SelectField name="kind" label={t('portfolio.col.kind')} form={form} t={t} emptyLabel={t('portfolio.filter.allKinds')} options={kindOptions(ctx)} />
          <GoalDimensionFilters ctx={ctx} form={form} goals={props.goals} goalLabel={t('portfolio.col.goals')} />
          <TextField name="q" type="search" label={t('portfolio.filter.q')} form={form} t={t} maxlength={200} />
          <div class="actions">
            <button type="submit" safe>
              {t('portfolio.filter.apply')}
            </button>
            <a href="/projects" safe>
              {t('portfolio.filter.clear')}
            </a>
          </div>
        </fieldset>
      </form>
      {result.items.length ? (
        <table>
          <caption safe>{t('portfolio.projects.caption', { count: result.total })}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('portfolio.col.title')}</th>
              <th scope="col" safe>{t('portfolio.col.owner')}</th>
              <th scope="col" safe>{t('portfolio.col.kind')}</th>
              <th scope="col" safe>{t('portfolio.col.status')}</th>
              <th scope="col" safe>{t('portfolio.col.cost')}</th>
              <th scope="col" safe>{t('portfolio.col.progress')}</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((i) => (
              <tr>
                <th scope="row">
                  <a href={projectHref(i.project.id)} safe>
                    {i.project.title}
                  </a>
                </th>
                <td safe>{i.project.ownerBodyName}</td>
                <td safe>{kindLabel(t, i.project.kind)}</td>
                <td safe>{statusLabel(t, i.project.status)}</td>
                <td safe>{money(ctx, i.project.estimatedCostPerYear)}</td>
                <td>
                  <Progress ctx={ctx} p={i.progress} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p safe>{t('portfolio.projects.empty')}</p>
      )}
      <Pager info={result} baseUrl={props.baseUrl} t={t} />
    </Layout>
  );
}

// ── one project ─────────────────────────────────────────────────────────────
function Text({ text }: { text: string }): JSX.Element {
  return (
    <>
      {text
        .split(/\n{2,}/)
        .filter((p) => p.trim())
        .map((p) => (
          <p safe>{p}</p>
        ))}
    </>
  );
}

export interface ProjectPageForms {
  status: FormState;
  report: FormState;
  link: FormState;
}

export function ProjectPage(props: { ctx: PageContext; v: ProjectView; forms: ProjectPageForms; decisionChoices: Array<Omit<DecisionRef, 'projectId'>> }): JSX.Element {
  const { ctx, v, forms } = props;
  const { t } = ctx;
  const p = v.project;
  return (
    <Layout ctx={ctx} title={p.title} description={p.description.slice(0, 200) || t('portfolio.projects.lead')}>
      <Back href="/projects" label={t('portfolio.backToList')} />
      <p class="kicker" safe>
        {kindLabel(t, p.kind)}
      </p>
      <h1 safe>{p.title}</h1>
      <dl class="meta">
        <dt safe>{t('portfolio.project.meta.status')}</dt>
        <dd safe>{statusLabel(t, p.status)}</dd>
        <dt safe>{t('portfolio.project.meta.owner')}</dt>
        <dd safe>{p.ownerBodyName}</dd>
        <dt safe>{t('portfolio.project.meta.cost')}</dt>
        <dd safe>{money(ctx, p.estimatedCostPerYear)}</dd>
        <dt safe>{t('portfolio.project.meta.costBearing')}</dt>
        <dd safe>{t(`portfolio.costBearing.${p.costBearing}`) + (p.costKey ? ` – ${p.costKey}` : '')}</dd>
        {p.startDate || p.endDate ? (
          <>
            <dt safe>{t('portfolio.project.meta.period')}</dt>
            <dd safe>{`${day(ctx, p.startDate)} – ${p.endDate ? day(ctx, p.endDate) : ''}`}</dd>
          </>
        ) : (
          ''
        )}
        {v.parent ? (
          <>
            <dt safe>{t('portfolio.project.meta.parent')}</dt>
            <dd>
              <a href={projectHref(v.parent.id)} safe>
                {v.parent.title}
              </a>{' '}
              <span safe>{`(${t('portfolio.project.meta.weight').toLowerCase()} ${decimal(ctx, p.weight)})`}</span>
            </dd>
          </>
        ) : (
          ''
        )}
        <dt safe>{t('portfolio.project.meta.progress')}</dt>
        <dd>
          <Progress ctx={ctx} p={v.progress} />
        </dd>
        <dt safe>{t('portfolio.project.meta.submittedBy')}</dt>
        <dd safe>{`${p.submittedBy}, ${day(ctx, p.createdAt)}`}</dd>
      </dl>
      {v.may.write ? (
        <ul class="actions">
          <li>
            <a class="button" href={`${projectHref(p.id)}/edit`} safe>
              {t('portfolio.project.edit')}
            </a>
          </li>
        </ul>
      ) : (
        ''
      )}
      {p.description ? (
        <section aria-labelledby="description">
          <h2 id="description" safe>
            {t('portfolio.project.description')}
          </h2>
          <Text text={p.description} />
        </section>
      ) : (
        ''
      )}
      {p.benefits ? (
        <section aria-labelledby="benefits">
          <h2 id="benefits" safe>
            {t('portfolio.project.benefits')}
          </h2>
          <Text text={p.benefits} />
        </section>
      ) : (
        ''
      )}
      {p.risks ? (
        <section aria-labelledby="risks">
          <h2 id="risks" safe>
            {t('portfolio.project.risks')}
          </h2>
          <Text text={p.risks} />
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="goals">
        <h2 id="goals" safe>
          {t('portfolio.project.goals')}
        </h2>
        {v.goals.length ? (
          <ul>
            {v.goals.map((g) => (
              <li safe>{`${g.title} (${g.strategyTitle})`}</li>
            ))}
          </ul>
        ) : (
          <p safe>{t('portfolio.project.noGoals')}</p>
        )}
      </section>
      <section aria-labelledby="dependencies">
        <h2 id="dependencies" safe>
          {t('portfolio.project.dependencies')}
        </h2>
        {v.dependsOn.length === 0 && v.dependents.length === 0 ? <p safe>{t('portfolio.project.noDependencies')}</p> : ''}
        {(
          [
            ['dependsOn', v.dependsOn],
            ['dependents', v.dependents],
          ] as const
        ).map(([key, list]) =>
          list.length ? (
            <>
              <h3 safe>{t(`portfolio.project.${key}`)}</h3>
              <ul>
                {list.map((d) => (
                  <li>
                    <a href={projectHref(d.id)} safe>
                      {d.title}
                    </a>{' '}
                    <span safe>{`(${d.ownerBodyName}, ${statusLabel(t, d.status).toLowerCase()})`}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          ),
        )}
      </section>
      {v.children.length ? (
        <section aria-labelledby="children">
          <h2 id="children" safe>
            {t('portfolio.project.children')}
          </h2>
          <table>
            <caption safe>{t('portfolio.project.childrenCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('portfolio.col.title')}</th>
                <th scope="col" safe>{t('portfolio.col.status')}</th>
                <th scope="col" safe>{t('portfolio.project.meta.weight')}</th>
                <th scope="col" safe>{t('portfolio.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {v.children.map((c) => (
                <tr>
                  <th scope="row">
                    <a href={projectHref(c.id)} safe>
                      {c.title}
                    </a>
                  </th>
                  <td safe>{statusLabel(t, c.status)}</td>
                  <td safe>{decimal(ctx, c.weight)}</td>
                  <td safe>{t('portfolio.percent', { value: decimal(ctx, c.progress) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        ''
      )}
      <section aria-labelledby="reports">
        <h2 id="reports" safe>
          {t('portfolio.project.reports')}
        </h2>
        {v.reports.length ? (
          <table>
            <caption safe>{t('portfolio.project.reportsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('portfolio.report.col.period')}</th>
                <th scope="col" safe>{t('portfolio.report.col.progress')}</th>
                <th scope="col" safe>{t('portfolio.report.col.spent')}</th>
                <th scope="col" safe>{t('portfolio.report.col.budget')}</th>
                <th scope="col" safe>{t('portfolio.report.col.milestones')}</th>
                <th scope="col" safe>{t('portfolio.report.col.narrative')}</th>
                <th scope="col" safe>{t('portfolio.report.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {v.reports.map((r) => (
                <tr>
                  <th scope="row" safe>
                    {r.period}
                  </th>
                  <td safe>{t('portfolio.percent', { value: r.progress })}</td>
                  <td safe>{money(ctx, r.spent)}</td>
                  <td safe>{money(ctx, r.budget)}</td>
                  <td>
                    {r.milestones.length ? (
                      <ul>
                        {r.milestones.map((m) => (
                          <li safe>{`${m.title}${m.due ? ` (${day(ctx, m.due)})` : ''}: ${t(m.done ? 'portfolio.report.milestoneDone' : 'portfolio.report.milestoneOpen')}`}</li>
                        ))}
                      </ul>
                    ) : (
                      <span safe>{t('common.none')}</span>
                    )}
                  </td>
                  <td safe>{r.narrative}</td>
                  <td safe>{`${r.reportedBy}, ${day(ctx, r.reportedAt)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p safe>{t('portfolio.project.noReports')}</p>
        )}
      </section>
      <section aria-labelledby="decisions">
        <h2 id="decisions" safe>
          {t('portfolio.project.decisions')}
        </h2>
        {v.decisions.length ? (
          <ul>
            {v.decisions.map((d) => (
              <li>
                <DecisionLink ctx={ctx} d={d} />
              </li>
            ))}
          </ul>
        ) : (
          <p safe>{t('portfolio.project.noDecisions')}</p>
        )}
      </section>
      {v.may.write ? <WriterForms ctx={ctx} v={v} forms={forms} decisionChoices={props.decisionChoices} /> : ''}
    </Layout>
  );
}

function WriterForms({ ctx, v, forms, decisionChoices }: { ctx: PageContext; v: ProjectView; forms: ProjectPageForms; decisionChoices: Array<Omit<DecisionRef, 'projectId'>> }): JSX.Element {
  const { t } = ctx;
  const base = projectHref(v.project.id);
  const linked = new Set(v.decisions.map((d) => d.itemId));
  const choices = decisionChoices.filter((d) => !linked.has(d.itemId));
  return (
    <>
      <section aria-labelledby="report-form">
        <h2 id="report-form" safe>
          {t('portfolio.report.title')}
        </h2>
        <p class="hint" safe>
          {t('portfolio.report.lead')}
        </p>
        <ErrorSummary errors={forms.report.errors} t={t} />
        <form method="post" action={`${base}/reports`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="period" label={t('portfolio.report.period')} hint={t('portfolio.report.periodHint')} form={forms.report} t={t} required maxlength={10} />
          <TextField name="progress" type="number" inputmode="numeric" label={t('portfolio.report.progress')} form={forms.report} t={t} required />
          <TextField name="spent" type="number" inputmode="numeric" label={t('portfolio.report.spent')} form={forms.report} t={t} />
          <TextField name="budget" type="number" inputmode="numeric" label={t('portfolio.report.budget')} form={forms.report} t={t} />
          <TextArea name="milestones" label={t('portfolio.report.milestones')} hint={t('portfolio.report.milestonesHint')} form={forms.report} t={t} rows={4} />
          <TextArea name="narrative" label={t('portfolio.report.narrative')} form={forms.report} t={t} rows={5} />
          <button type="submit" safe>
            {t('portfolio.report.submit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="status-form">
        <h2 id="status-form" safe>
          {t('portfolio.statusChange.title')}
        </h2>
        <ErrorSummary errors={forms.status.errors} t={t} />
        <form method="post" action={`${base}/status`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <SelectField name="status" label={t('portfolio.statusChange.status')} form={forms.status} t={t} options={statusOptions(ctx)} />
          <TextField name="note" label={t('portfolio.statusChange.note')} form={forms.status} t={t} maxlength={1000} />
          <button type="submit" safe>
            {t('portfolio.statusChange.submit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="link-form">
        <h2 id="link-form" safe>
          {t('portfolio.link.title')}
        </h2>
        {choices.length ? (
          <>
            <ErrorSummary errors={forms.link.errors} t={t} />
            <form method="post" action={`${base}/decisions`} novalidate>
              <CsrfField token={ctx.csrfToken} />
              <SelectField
                name="itemId"
                label={t('portfolio.link.item')}
                hint={t('portfolio.link.hint')}
                form={forms.link}
                t={t}
                options={choices.map((d) => ({ value: d.itemId, label: decisionLabel(ctx, d) }))}
              />
              <button type="submit" safe>
                {t('portfolio.link.submit')}
              </button>
            </form>
          </>
        ) : (
          <p safe>{t('portfolio.link.none')}</p>
        )}
      </section>
    </>
  );
}

// ── new / edit ──────────────────────────────────────────────────────────────
export function ProjectFormPage(props: { ctx: PageContext; form: FormState; choices: ProjectFormChoices; project: ProjectView | null }): JSX.Element {
  const { ctx, form, choices, project } = props;
  const { t } = ctx;
  const title = project ? t('portfolio.form.editTitle', { title: project.project.title }) : t('portfolio.form.newTitle');
  const selfId = project?.project.id;
  const others = choices.projects.filter((p) => p.id !== selfId);
  const bodies = [...choices.bodies];
  if (project && !bodies.some((b) => b.id === project.project.ownerBodyId)) bodies.unshift({ id: project.project.ownerBodyId, name: project.project.ownerBodyName });
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={project ? projectHref(project.project.id) : '/projects'} label={t(project ? 'portfolio.backToProject' : 'portfolio.backToList')} />
      <h1 safe>{title}</h1>
      <p class="hint" safe>
        {t('portfolio.form.lead')}
      </p>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action={project ? `${projectHref(project.project.id)}/edit` : '/projects'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField name="title" label={t('portfolio.form.title')} form={form} t={t} required maxlength={300} />
        <SelectField name="kind" label={t('portfolio.form.kind')} hint={t('portfolio.form.kindHint')} form={form} t={t} required options={kindOptions(ctx)} />
        <SelectField name="ownerBodyId" label={t('portfolio.form.owner')} form={form} t={t} required options={bodies.map((b) => ({ value: b.id, label: b.name }))} />
        {project ? '' : <SelectField name="status" label={t('portfolio.form.status')} hint={t('portfolio.form.statusHint')} form={form} t={t} options={statusOptions(ctx)} />}
        <TextArea name="description" label={t('portfolio.form.description')} form={form} t={t} rows={5} />
        <TextField name="estimatedCostPerYear" type="number" inputmode="numeric" label={t('portfolio.form.cost')} hint={t('portfolio.form.costHint')} form={form} t={t} />
        <SelectField
          name="costBearing"
          label={t('portfolio.form.costBearing')}
          hint={t('portfolio.form.costBearingHint')}
          form={form}
          t={t}
          options={COST_BEARINGS.map((c) => ({ value: c, label: t(`portfolio.costBearing.${c}`) }))}
        />
        <TextField name="costKey" label={t('portfolio.form.costKey')} hint={t('portfolio.form.costKeyHint')} form={form} t={t} maxlength={500} />
        <TextArea name="benefits" label={t('portfolio.form.benefits')} form={form} t={t} rows={4} />
        <TextArea name="risks" label={t('portfolio.form.risks')} form={form} t={t} rows={4} />
        <TextField name="startDate" type="date" label={t('portfolio.form.startDate')} hint={t('portfolio.form.dateHint')} form={form} t={t} />
        <TextField name="endDate" type="date" label={t('portfolio.form.endDate')} hint={t('portfolio.form.dateHint')} form={form} t={t} />
        <CheckboxGroup
          name="goalIds"
          legend={t('portfolio.form.goals')}
          form={form}
          empty={t('portfolio.form.noGoals')}
          options={choices.goals.map((g) => ({ value: g.id, label: `${g.title} (${g.strategyTitle})` }))}
        />
        <CheckboxGroup
          name="dependsOnIds"
          legend={t('portfolio.form.dependsOn')}
          hint={t('portfolio.form.dependsOnHint')}
          form={form}
          empty={t('portfolio.form.noProjects')}
          options={others.map((p) => ({ value: p.id, label: `${p.title} (${p.ownerBodyName}, ${statusLabel(t, p.status).toLowerCase()})` }))}
        />
        <SelectField
          name="parentId"
          label={t('portfolio.form.parent')}
          form={form}
          t={t}
          emptyLabel={t('portfolio.form.parentNone')}
          options={others.map((p) => ({ value: p.id, label: `${p.title} (${p.ownerBodyName})` }))}
        />
        <TextField name="weight" type="number" inputmode="decimal" label={t('portfolio.form.weight')} form={form} t={t} />
        <button type="submit" safe>
          {t(project ? 'portfolio.form.submitEdit' : 'portfolio.form.submitNew')}
        </button>
      </form>
    </Layout>
  );
}

// ── import ──────────────────────────────────────────────────────────────────
export function ImportPage(props: { ctx: PageContext; form: FormState; report: ImportReport | null }): JSX.Element {
  const { ctx, form, report } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('portfolio.import.title')}>
      <Back href="/projects" label={t('portfolio.backToList')} />
      <h1 safe>{t('portfolio.import.title')}</h1>
      <p class="lead" safe>
        {t('portfolio.import.lead')}
      </p>
      <p safe>{t('portfolio.import.policy')}</p>
      {report ? <ImportReportView ctx={ctx} report={report} /> : ''}
      <h2 safe>{t('portfolio.import.templates')}</h2>
      <ul>
        <li>
          <a href="/projects/import/template.csv" download="projektmall.csv" safe>
            {t('portfolio.import.templateCsv')}
          </a>
        </li>
        <li>
          <a href="/projects/import/template.xlsx" download="projektmall.xlsx" safe>
            {t('portfolio.import.templateXlsx')}
          </a>
        </li>
      </ul>
      <table>
        <caption safe>{t('portfolio.import.columnsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('portfolio.import.column')}</th>
            <th scope="col" safe>{t('portfolio.import.requiredCol')}</th>
          </tr>
        </thead>
        <tbody>
          {COLUMNS.map((c) => (
            <tr>
              <th scope="row" safe>
                {ctx.locale === 'sv' ? c.sv : `${c.en} (${c.sv})`}
              </th>
              <td safe>{t(c.required ? 'common.yes' : 'common.no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 safe>{t('portfolio.import.submit')}</h2>
      <ErrorSummary errors={form.errors} t={t} />
      <form method="post" action="/projects/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <div class={form.errors.file?.length ? 'field field-error' : 'field'}>
          <label for="f-file" safe>
            {t('portfolio.import.file')}
          </label>
          {(form.errors.file ?? []).map((e) => (
            <p class="error-message" id="f-file-error" safe>
              {e}
            </p>
          ))}
          <input id="f-file" type="file" name="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        </div>
        <div class="checkbox">
          <input type="checkbox" id="f-dryRun" name="dryRun" value="yes" checked={form.values.dryRun === 'yes'} />{' '}
          <label for="f-dryRun" safe>
            {t('portfolio.import.dryRun')}
          </label>
        </div>
        <button type="submit" safe>
          {t('portfolio.import.submit')}
        </button>
      </form>
    </Layout>
  );
}

function IssueTable({ ctx, caption, issues }: { ctx: PageContext; caption: string; issues: ImportReport['errors'] }): JSX.Element {
  const { t } = ctx;
  return (
    <table>
      <caption safe>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" safe>{t('portfolio.import.col.row')}</th>
          <th scope="col" safe>{t('portfolio.import.col.column')}</th>
          <th scope="col" safe>{t('portfolio.import.col.value')}</th>
          <th scope="col" safe>{t('portfolio.import.col.message')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i) => (
          <tr>
            <th scope="row" safe>
              {String(i.row)}
            </th>
            <td safe>{i.column}</td>
            <td safe>{i.value ?? ''}</td>
            <td safe>{t(i.message)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ImportReportView({ ctx, report }: { ctx: PageContext; report: ImportReport }): JSX.Element {
  const { t } = ctx;
  const summary = report.errors.length
    ? t('portfolio.import.summaryRejected', { count: report.errors.length })
    : report.stored
      ? t('portfolio.import.summaryStored', { created: report.created.length, rows: report.rows })
      : t('portfolio.import.summaryDryRun', { rows: report.rows });
  return (
    <section aria-labelledby="import-report" class={report.errors.length ? 'error-summary' : undefined} tabindex={report.errors.length ? '-1' : undefined}>
      <h2 id="import-report" safe>
        {t('portfolio.import.reportTitle')}
      </h2>
      <p role="status" safe>
        {summary}
      </p>
      {report.errors.length ? <IssueTable ctx={ctx} caption={t('portfolio.import.errorsCaption')} issues={report.errors} /> : ''}
      {report.warnings.length ? <IssueTable ctx={ctx} caption={t('portfolio.import.warningsCaption')} issues={report.warnings} /> : ''}
      {report.created.length ? (
        <table>
          <caption safe>{t('portfolio.import.createdCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" safe>{t('portfolio.import.col.row')}</th>
              <th scope="col" safe>{t('portfolio.col.title')}</th>
            </tr>
          </thead>
          <tbody>
            {report.created.map((c) => (
              <tr>
                <th scope="row" safe>
                  {String(c.row)}
                </th>
                <td>
                  <a href={projectHref(c.id)} safe>
                    {c.title}
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        ''
      )}
    </section>
  );
}
