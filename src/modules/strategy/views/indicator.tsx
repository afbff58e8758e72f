import { CsrfField, ErrorSummary, TextArea, TextField } from '../../../views/components.js';
import { LineChart } from '../../../views/charts.js';
import type { FormState, PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import { PERIOD_EXAMPLES, periodLabel } from '../periods.js';
import { indicatorChartData } from '../presenters.js';
import type { IndicatorSeries } from '../queries.js';
import { Back, BodyText, DateText, DeleteButton, dimensionsText, indicatorHref, indicatorTarget, strategyHref, valueText } from './parts.js';

export interface ImportReportRow {
  row: number;
  field: string;
  message: string;
}

/** Chart props of an indicator: its values over the periods against its target. */
export function indicatorChart(
  ctx: PageContext,
  s: IndicatorSeries,
  opts: { id: string; csvHref?: string; headingLevel?: 0 | 2 | 3 | 4; title?: string; collapseTable?: boolean },
) {
  const i = s.indicator;
  const data = indicatorChartData(s);
  return {
    id: opts.id,
    title: opts.title ?? ctx.t('strategy.indicator.chartTitle', { name: i.name }),
    series: data.series,
    target: data.target,
    unit: data.unit,
    locale: ctx.locale,
    t: ctx.t,
    categoryLabel: ctx.t('chart.period'),
    headingLevel: opts.headingLevel ?? 2,
    collapseTable: opts.collapseTable ?? false,
    ...(opts.csvHref && { csvHref: opts.csvHref }),
  };
}

export function IndicatorPage({
  ctx,
  s,
  progress,
  may,
  valueForm,
  importForm,
  report,
}: {
  ctx: PageContext;
  s: IndicatorSeries;
  progress: number | null;
  may: { write: boolean; values: boolean };
  valueForm: FormState;
  importForm: FormState;
  /** The problems of a rejected CSV import. */
  report: ImportReportRow[] | null;
}): JSX.Element {
  const { t } = ctx;
  const i = s.indicator;
  const href = indicatorHref(i.id);
  return (
    <Layout ctx={ctx} title={i.name} description={i.description.slice(0, 200) || undefined}>
      <Back href={strategyHref(i.strategySlug)} label={t('strategy.backToNamed', { title: i.strategyTitle })} />
      <p class="kicker" safe>
        {t('strategy.indicator.kind')}
      </p>
      <h1 safe>{i.name}</h1>
      {i.description ? (
        <p class="prewrap" safe>
          {i.description}
        </p>
      ) : (
        ''
      )}
      <dl class="meta">
        <dt safe>{t('strategy.indicator.goal')}</dt>
        <dd>
          <a href={`${strategyHref(i.strategySlug)}#goal-${i.goalId}`} safe>
            {i.goalTitle}
          </a>
        </dd>
        <dt safe>{t('strategy.goal.dimensions')}</dt>
        <dd safe>{dimensionsText(t, i.goalDimensions)}</dd>
        <dt safe>{t('strategy.indicator.unit')}</dt>
        <dd safe>{i.unit || t('common.none')}</dd>
        <dt safe>{t('strategy.indicator.baseline')}</dt>
        <dd safe>{valueText(ctx, i.baseline, i.unit, i.baselinePeriod)}</dd>
        <dt safe>{t('strategy.indicator.target')}</dt>
        <dd safe>{indicatorTarget(ctx, i)}</dd>
        <dt safe>{t('strategy.indicator.direction')}</dt>
        <dd safe>{t(`strategy.direction.${i.direction}`)}</dd>
        <dt safe>{t('strategy.indicator.periodicity')}</dt>
        <dd safe>{t(`strategy.periodicity.${i.periodicity}`)}</dd>
        <dt safe>{t('strategy.indicator.source')}</dt>
        <dd safe>{i.source ?? t('common.none')}</dd>
        <dt safe>{t('strategy.indicator.owner')}</dt>
        <dd>
          <BodyText t={t} body={i.ownerBody ?? i.goalOwnerBody} />
        </dd>
        <dt safe>{t('strategy.indicator.progress')}</dt>
        <dd safe>{progress === null ? t('common.none') : t('strategy.indicator.progressValue', { percent: progress })}</dd>
      </dl>
      {may.write ? (
        <ul class="actions">
          <li>
            <a href={`${href}/edit`} safe>
              {t('strategy.indicator.edit')}
            </a>
          </li>
        </ul>
      ) : (
        ''
      )}
      <LineChart {...indicatorChart(ctx, s, { id: 'trend', csvHref: `${href}?format=csv` })} />
      {may.values ? <ValueForms ctx={ctx} s={s} valueForm={valueForm} importForm={importForm} report={report} /> : ''}
    </Layout>
  );
}

function ValueForms({
  ctx,
  s,
  valueForm,
  importForm,
  report,
}: {
  ctx: PageContext;
  s: IndicatorSeries;
  valueForm: FormState;
  importForm: FormState;
  report: ImportReportRow[] | null;
}): JSX.Element {
  const { t } = ctx;
  const i = s.indicator;
  const href = indicatorHref(i.id);
  const example = PERIOD_EXAMPLES[i.periodicity];
  return (
    <>
      <section aria-labelledby="value-title">
        <h2 id="value-title" safe>
          {t('strategy.value.title')}
        </h2>
        <ErrorSummary errors={valueForm.errors} t={t} />
        <form method="post" action={`${href}/values`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextField name="period" label={t('strategy.value.period')} hint={t('strategy.value.periodHint', { example })} form={valueForm} t={t} required maxlength={20} />
          <TextField name="value" inputmode="decimal" label={t('strategy.value.value')} hint={t('strategy.value.valueHint', { unit: i.unit || t('common.none') })} form={valueForm} t={t} required maxlength={30} />
          <TextField name="note" label={t('strategy.value.note')} form={valueForm} t={t} maxlength={1000} />
          <button type="submit" safe>
            {t('strategy.value.submit')}
          </button>
        </form>
      </section>
      <section aria-labelledby="import-title">
        <h2 id="import-title" safe>
          {t('strategy.import.title')}
        </h2>
        <p class="hint" safe>
          {t('strategy.import.explain', { example })}
        </p>
        {report ? <ImportReport ctx={ctx} report={report} /> : <ErrorSummary errors={importForm.errors} t={t} />}
        <form method="post" action={`${href}/values/import`} enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div class="field">
            <label for="f-file" safe>
              {t('strategy.import.file')}
            </label>
            <input id="f-file" name="file" type="file" accept=".csv,text/csv,text/plain" />
          </div>
          <TextArea name="csv" label={t('strategy.import.paste')} hint={t('strategy.import.pasteHint')} form={importForm} t={t} rows={6} />
          <button type="submit" safe>
            {t('strategy.import.submit')}
          </button>
        </form>
      </section>
      {s.values.length ? (
        <section aria-labelledby="stored-title">
          <h2 id="stored-title" safe>
            {t('strategy.value.stored')}
          </h2>
          <table>
            <caption safe>{t('strategy.value.storedCaption', { name: i.name })}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('strategy.value.period')}</th>
                <th scope="col" safe>{t('strategy.value.value')}</th>
                <th scope="col" safe>{t('strategy.value.source')}</th>
                <th scope="col" safe>{t('strategy.value.recorded')}</th>
                <th scope="col" safe>{t('strategy.value.note')}</th>
                <th scope="col" safe>{t('strategy.value.remove')}</th>
              </tr>
            </thead>
            <tbody>
              {[...s.values].reverse().map((v) => (
                <tr>
                  <th scope="row" safe>
                    {periodLabel(v.period, ctx.locale)}
                  </th>
                  <td safe>{valueText(ctx, v.value, i.unit)}</td>
                  <td safe>{t(`strategy.valueSource.${v.source}`)}</td>
                  <td>
                    <span safe>{v.recordedBy}</span>, <DateText ctx={ctx} value={v.recordedAt} />
                  </td>
                  <td safe>{v.note ?? ''}</td>
                  <td>
                    <DeleteButton ctx={ctx} action={`${href}/values/${encodeURIComponent(v.period)}/delete`} label={t('strategy.value.removeSubmit', { period: v.period })} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        ''
      )}
    </>
  );
}

/** The validation report of a rejected import: nothing was stored. */
export function ImportReport({ ctx, report }: { ctx: PageContext; report: ImportReportRow[] }): JSX.Element {
  const { t } = ctx;
  return (
    <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="import-report-title">
      <h3 id="import-report-title" safe>
        {t('strategy.import.rejected', { count: report.length })}
      </h3>
      <table class="import-report">
        <caption safe>{t('strategy.import.reportCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" safe>{t('strategy.import.row')}</th>
            <th scope="col" safe>{t('strategy.import.field')}</th>
            <th scope="col" safe>{t('strategy.import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {report.map((p) => (
            <tr>
              <td safe>{p.row > 0 ? String(p.row) : t('strategy.import.wholeFile')}</td>
              <td safe>{t(`strategy.import.field.${p.field}`)}</td>
              <td safe>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
