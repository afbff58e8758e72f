import { SelectField } from '../../../views/components.js';
import { BarChart, LineChart, type ChartSeries } from '../../../views/charts.js';
import type { PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { BodyName, GoalSummary, IndicatorSeries } from '../queries.js';
import { DIMENSIONS, type Dimension } from '../schema.js';
import { indicatorChart } from './indicator.js';
import { Back, indicatorHref, strategyHref } from './parts.js';

export interface DashboardFilter {
  body?: string | undefined;
  goal?: string | undefined;
  dimension?: Dimension | undefined;
}

export interface DashboardModel {
  strategy: { slug: string; title: string };
  filter: DashboardFilter;
  bodies: BodyName[];
  goals: GoalSummary[];
  series: IndicatorSeries[];
  /** Per indicator: percent of the way from baseline to target (null when unknown). */
  progress: Map<string, number | null>;
}

/** The "how far towards the target" chart's series: one bar per indicator with a known progress. */
export function progressSeries(ctx: PageContext, m: Pick<DashboardModel, 'series' | 'progress'>): ChartSeries[] {
  return [
    {
      name: ctx.t('strategy.dashboard.progressSeries'),
      points: m.series.filter((s) => m.progress.get(s.indicator.id) != null).map((s) => ({ label: s.indicator.name, value: m.progress.get(s.indicator.id)! })),
    },
  ];
}

/** The page's URL with the filter and extra parameters (for the CSV links). */
export function dashboardHref(slug: string, filter: DashboardFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.body) params.set('body', filter.body);
  if (filter.goal) params.set('goal', filter.goal);
  if (filter.dimension) params.set('dimension', filter.dimension);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const q = params.toString();
  return `${strategyHref(slug)}/dashboard${q ? `?${q}` : ''}`;
}

export function DashboardPage({ ctx, m }: { ctx: PageContext; m: DashboardModel }): JSX.Element {
  const { t } = ctx;
  const title = t('strategy.dashboard.title', { title: m.strategy.title });
  const form = { values: { body: m.filter.body ?? '', goal: m.filter.goal ?? '', dimension: m.filter.dimension ?? '' }, errors: {} };
  const progress = progressSeries(ctx, m);
  return (
    <Layout ctx={ctx} title={title}>
      <Back href={strategyHref(m.strategy.slug)} label={t('strategy.backToStrategy')} />
      <h1 safe>{title}</h1>
      <p safe>{t('strategy.dashboard.lead')}</p>
      <form method="get" action={`${strategyHref(m.strategy.slug)}/dashboard`} class="filter">
        <fieldset>
          <legend safe>{t('strategy.dashboard.filter')}</legend>
          <SelectField name="body" label={t('strategy.dashboard.body')} form={form} t={t} options={m.bodies.map((b) => ({ value: b.slug, label: b.name }))} emptyLabel={t('strategy.dashboard.all')} />
          <SelectField name="goal" label={t('strategy.dashboard.goal')} form={form} t={t} options={m.goals.map((g) => ({ value: g.id, label: g.title }))} emptyLabel={t('strategy.dashboard.all')} />
          <SelectField
            name="dimension"
            label={t('strategy.dashboard.dimension')}
            form={form}
            t={t}
            options={DIMENSIONS.map((d) => ({ value: d, label: t(`strategy.dimension.${d}`) }))}
            emptyLabel={t('strategy.dashboard.all')}
          />
          <button type="submit" safe>
            {t('common.filter')}
          </button>
        </fieldset>
      </form>
      <p role="status" safe>
        {t('strategy.dashboard.count', { count: m.series.length })}
      </p>
      {m.series.length === 0 ? (
        <p safe>{t('strategy.dashboard.none')}</p>
      ) : (
        <>
          <section aria-labelledby="progress-heading">
            <h2 id="progress-heading" safe>
              {t('strategy.dashboard.progressTitle')}
            </h2>
            <p class="hint" safe>
              {t('strategy.dashboard.progressExplain')}
            </p>
            <BarChart
              id="progress"
              title={t('strategy.dashboard.progressTitle')}
              headingLevel={0}
              series={progress}
              unit="%"
              target={{ value: 100, label: t('strategy.dashboard.targetReached') }}
              locale={ctx.locale}
              t={t}
              categoryLabel={t('strategy.indicator.name')}
              csvHref={dashboardHref(m.strategy.slug, m.filter, { format: 'csv', chart: 'progress' })}
            />
          </section>
          <section aria-labelledby="trends-heading">
            <h2 id="trends-heading" safe>
              {t('strategy.dashboard.trends')}
            </h2>
            <div class="dashboard-charts">
              {m.series.map((s) => (
                <div class="dashboard-chart">
                  <LineChart
                    {...indicatorChart(ctx, s, {
                      id: `chart-${s.indicator.slug}`,
                      headingLevel: 3,
                      title: s.indicator.name,
                      collapseTable: true,
                      csvHref: dashboardHref(m.strategy.slug, m.filter, { format: 'csv', chart: s.indicator.slug }),
                    })}
                  />
                  <p>
                    <a href={indicatorHref(s.indicator.id)} safe>
                      {t('strategy.dashboard.toIndicator', { name: s.indicator.name })}
                    </a>
                  </p>
                </div>
              ))}
            </div>
          </section>
        </>
      )}
    </Layout>
  );
}
