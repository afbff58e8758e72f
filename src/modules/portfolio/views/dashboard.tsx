import { BarChart, LineChart, type ChartSeries, type ChartTarget } from '../../../views/charts.js';
import { SelectField } from '../../../views/components.js';
import type { PageContext } from '../../../views/context.js';
import { Layout } from '../../../views/layout.js';
import type { GoalSummary, IndicatorSeries } from '../../strategy/index.js';
import { projectHref } from '../presenters.js';
import type { PortfolioFilter, PortfolioOverview } from '../queries.js';
import { decimal, GoalDimensionFilters, kindLabel, money, statusLabel } from './parts.js';

/** One strategy's annual follow-ups by the boards (from the strategy module). */
export interface FollowupRow {
  strategyTitle: string;
  strategySlug: string;
  year: number;
  submitted: number;
  drafts: number;
  missing: number;
  /** With a body filter: that body's follow-up status. */
  bodyStatus?: 'submitted' | 'draft' | 'missing';
}

export interface DashboardModel {
  filter: PortfolioFilter;
  overview: PortfolioOverview;
  indicators: IndicatorSeries[];
  followups: FollowupRow[];
  bodies: Array<{ id: string; name: string }>;
  goals: GoalSummary[];
}

/** The dashboard's URL with its filter and extra parameters (the CSV links keep the filter). */
export function dashboardHref(filter: PortfolioFilter, path = '/dashboard'): string {
  const params = new URLSearchParams();
  if (filter.bodyId) params.set('bodyId', filter.bodyId);
  if (filter.goalId) params.set('goalId', filter.goalId);
  if (filter.dimension) params.set('dimension', filter.dimension);
  const q = params.toString();
  return `${path}${q ? `?${q}` : ''}`;
}

export const PORTFOLIO_CHARTS = ['status', 'kinds', 'costs', 'progress'] as const;
export type PortfolioChart = (typeof PORTFOLIO_CHARTS)[number];

export interface ChartSpec {
  key: PortfolioChart;
  title: string;
  series: ChartSeries[];
  unit?: string;
  categoryLabel: string;
}

/** The portfolio charts' data: the same series feed the SVG, its table and the CSV download. */
export function portfolioCharts(ctx: Pick<PageContext, 't'>, o: PortfolioOverview): ChartSpec[] {
  const { t } = ctx;
  const running = o.projects.filter((p) => p.project.status === 'ongoing' || p.project.status === 'completed');
  return [
    {
      key: 'status',
      title: t('portfolio.dashboard.byStatus'),
      categoryLabel: t('portfolio.col.status'),
      series: [{ name: t('portfolio.dashboard.col.count'), points: o.byStatus.map((s) => ({ label: statusLabel(t, s.status), value: s.count })) }],
    },
    {
      key: 'kinds',
      title: t('portfolio.dashboard.byKind'),
      categoryLabel: t('portfolio.col.kind'),
      series: [{ name: t('portfolio.dashboard.col.count'), points: o.byKind.map((k) => ({ label: kindLabel(t, k.kind), value: k.count })) }],
    },
    {
      key: 'costs',
      title: t('portfolio.dashboard.costVsBudget'),
      categoryLabel: t('portfolio.col.body'),
      unit: 'kr',
      series: [
        { name: t('portfolio.dashboard.col.estimated'), points: o.byBody.map((b) => ({ label: b.bodyName, value: b.estimatedCost })) },
        { name: t('portfolio.dashboard.col.budget'), points: o.byBody.map((b) => ({ label: b.bodyName, value: b.budget })) },
        { name: t('portfolio.dashboard.col.spent'), points: o.byBody.map((b) => ({ label: b.bodyName, value: b.spent })) },
      ],
    },
    {
      key: 'progress',
      title: t('portfolio.dashboard.progressCaption'),
      categoryLabel: t('portfolio.col.title'),
      unit: '%',
      series: [{ name: t('portfolio.col.progress'), points: running.map((p) => ({ label: p.project.title, value: Math.round(p.progress.progress * 10) / 10 })) }],
    },
  ];
}

/** One indicator's chart data: its values per period and the target. */
export function indicatorChart(s: IndicatorSeries): { title: string; series: ChartSeries[]; target: ChartTarget | null; unit: string } {
  return {
    title: s.indicator.name,
    unit: s.indicator.unit,
    series: [{ name: s.indicator.name, points: s.values.map((v) => ({ label: v.period, value: v.value })) }],
    target: s.indicator.target === null ? null : { value: s.indicator.target, ...(s.indicator.targetPeriod ? { label: s.indicator.targetPeriod } : {}) },
  };
}

export function DashboardPage({ ctx, m }: { ctx: PageContext; m: DashboardModel }): JSX.Element {
  const { t } = ctx;
  const o = m.overview;
  const form = { values: { bodyId: m.filter.bodyId ?? '', goalId: m.filter.goalId ?? '', dimension: m.filter.dimension ?? '' }, errors: {} };
  const csv = (key: string) => dashboardHref(m.filter, `/dashboard/${key}.csv`);
  const charts = portfolioCharts(ctx, o);
  return (
    <Layout ctx={ctx} title={t('portfolio.dashboard.title')} description={t('portfolio.dashboard.lead')}>
      <h1 safe>{t('portfolio.dashboard.title')}</h1>
      <p class="lead" safe>
        {t('portfolio.dashboard.lead')}
      </p>
      <form method="get" action="/dashboard" class="filter" role="search">
        <fieldset>
          <legend safe>{t('portfolio.dashboard.filters')}</legend>
          <SelectField name="bodyId" label={t('portfolio.col.body')} form={form} t={t} emptyLabel={t('portfolio.filter.allBodies')} options={m.bodies.map((b) => ({ value: b.id, label: b.name }))} />
          <GoalDimensionFilters ctx={ctx} form={form} goals={m.goals} goalLabel={t('portfolio.dashboard.col.goal')} />
          <button type="submit" safe>
            {t('portfolio.filter.apply')}
          </button>
        </fieldset>
      </form>

      <section aria-labelledby="projects">
        <h2 id="projects" safe>
          {t('portfolio.dashboard.projects')}
        </h2>
        <p safe>{t('portfolio.dashboard.total', { count: o.total })}</p>
        <div class="dashboard-charts">
          {charts.map((c) => (
            <div class="dashboard-chart">
              <BarChart id={`chart-${c.key}`} title={c.title} series={c.series} locale={ctx.locale} t={t} unit={c.unit} categoryLabel={c.categoryLabel} csvHref={csv(c.key)} collapseTable />
            </div>
          ))}
        </div>
        <h3 safe>{t('portfolio.dashboard.byBody')}</h3>
        <div class="table-scroll">
          <table>
            <caption safe>{t('portfolio.dashboard.byBodyCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('portfolio.col.body')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.projects')}</th>
                <th scope="col" safe>{t('portfolio.status.proposed')}</th>
                <th scope="col" safe>{t('portfolio.status.ongoing')}</th>
                <th scope="col" safe>{t('portfolio.status.completed')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.estimated')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.budget')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.spent')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {o.byBody.map((b) => (
                <tr>
                  <th scope="row">
                    <a href={`/projects?bodyId=${b.bodyId}`} safe>
                      {b.bodyName}
                    </a>
                  </th>
                  <td class="num" safe>{String(b.projects)}</td>
                  <td class="num" safe>{String(b.byStatus.proposed)}</td>
                  <td class="num" safe>{String(b.byStatus.ongoing)}</td>
                  <td class="num" safe>{String(b.byStatus.completed)}</td>
                  <td class="num" safe>{money(ctx, b.estimatedCost)}</td>
                  <td class="num" safe>{money(ctx, b.budget)}</td>
                  <td class="num" safe>{money(ctx, b.spent)}</td>
                  <td class="num" safe>{b.progress === null ? t('common.none') : t('portfolio.percent', { value: decimal(ctx, b.progress) })}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" safe>{t('portfolio.dashboard.totalRow')}</th>
                <td class="num" safe>{String(o.total)}</td>
                <td class="num" safe>{String(o.byStatus.find((s) => s.status === 'proposed')?.count ?? 0)}</td>
                <td class="num" safe>{String(o.byStatus.find((s) => s.status === 'ongoing')?.count ?? 0)}</td>
                <td class="num" safe>{String(o.byStatus.find((s) => s.status === 'completed')?.count ?? 0)}</td>
                <td class="num" safe>{money(ctx, o.totals.estimatedCost)}</td>
                <td class="num" safe>{money(ctx, o.totals.budget)}</td>
                <td class="num" safe>{money(ctx, o.totals.spent)}</td>
                <td></td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p>
          <a href={csv('projects')} safe>
            {`${t('portfolio.dashboard.csv')}: ${t('portfolio.projects.title')}`}
          </a>
        </p>
      </section>

      {m.followups.length ? (
        <section aria-labelledby="followups">
          <h2 id="followups" safe>
            {t('portfolio.dashboard.followups')}
          </h2>
          <p safe>{t('portfolio.dashboard.followupsLead')}</p>
          <table>
            <caption safe>{t('portfolio.dashboard.followupsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col" safe>{t('portfolio.dashboard.col.strategy')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.year')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.submitted')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.drafts')}</th>
                <th scope="col" safe>{t('portfolio.dashboard.col.missing')}</th>
                {m.filter.bodyId ? <th scope="col" safe>{t('portfolio.dashboard.col.bodyStatus')}</th> : ''}
              </tr>
            </thead>
            <tbody>
              {m.followups.map((f) => (
                <tr>
                  <th scope="row">
                    <a href={`/strategies/${encodeURIComponent(f.strategySlug)}/followups/${f.year}`} safe>
                      {f.strategyTitle}
                    </a>
                  </th>
                  <td safe>{String(f.year)}</td>
                  <td class="num" safe>{String(f.submitted)}</td>
                  <td class="num" safe>{String(f.drafts)}</td>
                  <td class="num" safe>{String(f.missing)}</td>
                  {m.filter.bodyId ? <td safe>{t(`portfolio.dashboard.followup.${f.bodyStatus ?? 'missing'}`)}</td> : ''}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        ''
      )}

      <section aria-labelledby="indicators">
        <h2 id="indicators" safe>
          {t('portfolio.dashboard.indicators')}
        </h2>
        {m.indicators.length === 0 ? (
          <p safe>{t('portfolio.dashboard.noIndicators')}</p>
        ) : (
          <>
            <div class="table-scroll">
              <table>
                <caption safe>{t('portfolio.dashboard.indicatorsCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col" safe>{t('portfolio.dashboard.col.indicator')}</th>
                    <th scope="col" safe>{t('portfolio.dashboard.col.goal')}</th>
                    <th scope="col" safe>{t('portfolio.dashboard.col.latest')}</th>
                    <th scope="col" safe>{t('portfolio.dashboard.col.period')}</th>
                    <th scope="col" safe>{t('portfolio.dashboard.col.target')}</th>
                    <th scope="col" safe>{t('portfolio.dashboard.col.unit')}</th>
                  </tr>
                </thead>
                <tbody>
                  {m.indicators.map((s) => {
                    const last = s.values[s.values.length - 1];
                    return (
                      <tr>
                        <th scope="row">
                          <a href={`/indicators/${s.indicator.id}`} safe>
                            {s.indicator.name}
                          </a>
                        </th>
                        <td safe>{s.indicator.goalTitle}</td>
                        <td class="num" safe>{last ? decimal(ctx, last.value) : t('common.none')}</td>
                        <td safe>{last?.period ?? t('common.none')}</td>
                        <td class="num" safe>{s.indicator.target === null ? t('common.none') : `${decimal(ctx, s.indicator.target)}${s.indicator.targetPeriod ? ` (${s.indicator.targetPeriod})` : ''}`}</td>
                        <td safe>{s.indicator.unit}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            <p>
              <a href={csv('indicators')} safe>
                {`${t('portfolio.dashboard.csv')}: ${t('portfolio.dashboard.indicators')}`}
              </a>
            </p>
            <div class="dashboard-charts">
              {m.indicators.map((s) => {
                const c = indicatorChart(s);
                return (
                  <div class="dashboard-chart">
                    <LineChart
                      id={`indicator-${s.indicator.id}`}
                      title={c.title}
                      series={c.series}
                      target={c.target}
                      unit={c.unit}
                      locale={ctx.locale}
                      t={t}
                      csvHref={dashboardHref({}, `/dashboard/indicators/${s.indicator.id}.csv`)}
                      collapseTable
                    />
                  </div>
                );
              })}
            </div>
          </>
        )}
      </section>
      <p>
        <a href="/projects" safe>
          {t('portfolio.projects.title')}
        </a>
        {' · '}
        <a href="/prioritisation" safe>
          {t('portfolio.projects.prioritisation')}
        </a>
      </p>
    </Layout>
  );
}

/** The projects behind the dashboard as CSV rows (header first). */
export function projectRows(ctx: Pick<PageContext, 't' | 'locale'>, o: PortfolioOverview): string[][] {
  const { t } = ctx;
  return [
    ['id', t('portfolio.col.title'), t('portfolio.col.owner'), t('portfolio.col.kind'), t('portfolio.col.status'), t('portfolio.col.cost'), t('portfolio.col.progress'), t('portfolio.col.goals'), 'url'],
    ...o.projects.map((p) => [
      p.project.id,
      p.project.title,
      p.project.ownerBodyName,
      kindLabel(t, p.project.kind),
      statusLabel(t, p.project.status),
      p.project.estimatedCostPerYear === null ? '' : String(p.project.estimatedCostPerYear),
      String(Math.round(p.progress.progress * 10) / 10),
      p.goals.map((g) => g.title).join('; '),
      projectHref(p.project.id),
    ]),
  ];
}
