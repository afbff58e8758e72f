import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';
import { stringify } from 'csv-stringify/sync';
import { defineMessages, type Locale, type Translate } from '../core/i18n.js';
import { attrValue } from './components.js';

/**
 * Accessible charts rendered on the server as SVG: no JavaScript, no database, props only.
 * d3-scale and d3-shape do the arithmetic; the markup is ours.
 *
 * Every chart is a <figure> with
 * - an <svg role="img" aria-labelledby="…-title …-desc"> carrying <title> and <desc>,
 * - a visible text summary (what a sighted reader takes from the picture),
 * - the data as a <table> with a <caption>,
 * - optionally a "Ladda ner data (CSV)" link (serve `chartCsv(series)` behind it).
 *
 * Colours have at least 3:1 contrast against white and never carry meaning alone: each series
 * also has its own marker shape (lines) or fill pattern (bars) and line style, shown in the legend;
 * bars carry their value as text; the target is a dashed line labelled "Mål".
 */
export interface ChartPoint {
  /** The category or period, e.g. '2024' or 'Kulturnämnden'. */
  label: string;
  value: number | null;
}

export interface ChartSeries {
  name: string;
  points: ChartPoint[];
}

export interface ChartTarget {
  value: number;
  /** Shown after the value, e.g. the target period '2030'. */
  label?: string;
}

interface ChartBase {
  /** Unique on the page; used for element ids (letters, digits and '-'). */
  id: string;
  title: string;
  series: ChartSeries[];
  locale: Locale;
  t: Translate;
  /** Appended to values: '%', 'st', 'kr'. */
  unit?: string;
  target?: ChartTarget | null;
  /** Replaces the generated text summary. */
  summary?: string;
  /** Extra sentence for <desc> and the summary (e.g. "Värdena för 2017–2024 är påhittade demovärden."). */
  note?: string;
  /** Header of the label column in the data table and CSV (default "Period" / "Kategori"). */
  categoryLabel?: string;
  /** Link target for the CSV download; no link when absent. */
  csvHref?: string;
  /** Put the data table in a closed <details> (for pages with many charts). Default: shown. */
  collapseTable?: boolean;
  /** Level of the chart's heading; 0 for none (the caller has one). Default 3. */
  headingLevel?: 0 | 2 | 3 | 4;
  width?: number;
  height?: number;
}

export type LineChartProps = ChartBase;
export interface BarChartProps extends ChartBase {
  orientation?: 'horizontal' | 'vertical';
}

/** ≥ 3:1 against white (WCAG 1.4.11), distinguishable in grey scale by marker and dash. */
export const CHART_COLOURS = ['#00426e', '#b3400b', '#176d2c', '#6b21a8', '#9f1239', '#0e6377'] as const;
const DASHES = [undefined, '8 4', '2 3', '10 3 2 3', '6 2', '1 4'] as const;
const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangleDown'] as const;
type Marker = (typeof MARKERS)[number];
const INK = '#1b1b1f';
const GRID = '#c9c9d2';
const TARGET_DASH = '6 4';

defineMessages({
  sv: {
    'chart.period': 'Period',
    'chart.category': 'Kategori',
    'chart.target': 'Mål',
    'chart.targetValue': 'Mål: {value}',
    'chart.tableCaption': '{title}: data i tabellform',
    'chart.download': 'Ladda ner data (CSV)',
    'chart.downloadLabel': 'Ladda ner data för {title} (CSV)',
    'chart.legend': 'Teckenförklaring',
    'chart.showTable': 'Visa värdena som tabell',
    'chart.noData': 'Det finns inga värden att visa ännu.',
    'chart.line.series': '{name}: från {first} ({firstLabel}) till {last} ({lastLabel}), {count} värden.',
    'chart.line.single': '{name}: {value} ({label}), ett värde.',
    'chart.line.extremes': 'Högst {max} ({maxLabel}), lägst {min} ({minLabel}).',
    'chart.target.above': 'Målet är {target}; senaste värdet ligger över målet.',
    'chart.target.below': 'Målet är {target}; senaste värdet ligger under målet.',
    'chart.target.at': 'Målet är {target}; senaste värdet är lika med målet.',
    'chart.target.only': 'Målet är {target}.',
    'chart.bar.series': '{name}: högst {maxLabel} ({max}), lägst {minLabel} ({min}), {count} kategorier.',
    'chart.bar.single': '{name}: {label} ({value}).',
    'chart.missing': 'saknas',
  },
  en: {
    'chart.period': 'Period',
    'chart.category': 'Category',
    'chart.target': 'Target',
    'chart.targetValue': 'Target: {value}',
    'chart.tableCaption': '{title}: data as a table',
    'chart.download': 'Download the data (CSV)',
    'chart.downloadLabel': 'Download the data of {title} (CSV)',
    'chart.legend': 'Legend',
    'chart.showTable': 'Show the values as a table',
    'chart.noData': 'There are no values to show yet.',
    'chart.line.series': '{name}: from {first} ({firstLabel}) to {last} ({lastLabel}), {count} values.',
    'chart.line.single': '{name}: {value} ({label}), one value.',
    'chart.line.extremes': 'Highest {max} ({maxLabel}), lowest {min} ({minLabel}).',
    'chart.target.above': 'The target is {target}; the latest value is above the target.',
    'chart.target.below': 'The target is {target}; the latest value is below the target.',
    'chart.target.at': 'The target is {target}; the latest value equals the target.',
    'chart.target.only': 'The target is {target}.',
    'chart.bar.series': '{name}: highest {maxLabel} ({max}), lowest {minLabel} ({min}), {count} categories.',
    'chart.bar.single': '{name}: {label} ({value}).',
    'chart.missing': 'missing',
  },
});

// ── pure helpers ────────────────────────────────────────────────────────────
const formats = new Map<Locale, Intl.NumberFormat>();
/** A value as a reader sees it: "1 234,5 %" in Swedish, "1,234.5 %" in English. */
export function formatValue(value: number, locale: Locale, unit?: string): string {
  let f = formats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 2 });
    formats.set(locale, f);
  }
  const n = f.format(value);
  if (!unit) return n;
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}

/** The labels of all series, in first-seen order. */
export function chartLabels(series: ChartSeries[]): string[] {
  const seen = new Set<string>();
  for (const s of series) for (const p of s.points) seen.add(p.label);
  return [...seen];
}

const valueAt = (s: ChartSeries, label: string): number | null => s.points.find((p) => p.label === label)?.value ?? null;
const safeId = (id: string) => id.replace(/[^a-zA-Z0-9_-]/g, '-');
const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A chart's data as CSV: one row per label, one column per series (and the target when given).
 * Numbers are written with a decimal point and no unit, for programs; UTF-8 with BOM for Excel.
 */
export function chartCsv(series: ChartSeries[], opts: { categoryLabel?: string; target?: ChartTarget | null; targetLabel?: string } = {}): string {
  const labels = chartLabels(series);
  const target = opts.target ?? null;
  const header = [opts.categoryLabel ?? 'label', ...series.map((s) => s.name), ...(target ? [opts.targetLabel ?? 'target'] : [])];
  const rows = labels.map((label) => [
    label,
    ...series.map((s) => {
      const v = valueAt(s, label);
      return v === null ? '' : String(v);
    }),
    ...(target ? [String(target.value)] : []),
  ]);
  return stringify([header, ...rows], { bom: true, record_delimiter: 'windows' });
}

/** A file name for a chart's CSV: "Andel e-tjänster" → "andel-e-tjanster.csv". */
export function chartCsvFilename(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');
  return `${base || 'diagram'}.csv`;
}

function extremes(points: Array<{ label: string; value: number }>) {
  let max = points[0]!;
  let min = points[0]!;
  for (const p of points) {
    if (p.value > max.value) max = p;
    if (p.value < min.value) min = p;
  }
  return { max, min };
}

const defined = (s: ChartSeries) => s.points.filter((p): p is { label: string; value: number } => p.value !== null && Number.isFinite(p.value));

/** The generated text summary of a line chart (also its <desc>). */
export function lineSummary(props: Pick<ChartBase, 'series' | 'target' | 'unit' | 'locale' | 't' | 'note'>): string {
  const { t, locale, unit } = props;
  const fmt = (v: number) => formatValue(v, locale, unit);
  const parts: string[] = [];
  let latest: number | null = null;
  for (const s of props.series) {
    const pts = defined(s);
    if (pts.length === 0) continue;
    const first = pts[0]!;
    const last = pts[pts.length - 1]!;
    latest ??= last.value;
    if (pts.length === 1) {
      parts.push(t('chart.line.single', { name: s.name, value: fmt(first.value), label: first.label }));
      continue;
    }
    parts.push(t('chart.line.series', { name: s.name, first: fmt(first.value), firstLabel: first.label, last: fmt(last.value), lastLabel: last.label, count: pts.length }));
    const { max, min } = extremes(pts);
    parts.push(t('chart.line.extremes', { max: fmt(max.value), maxLabel: max.label, min: fmt(min.value), minLabel: min.label }));
  }
  if (parts.length === 0) parts.push(t('chart.noData'));
  if (props.target) {
    const target = targetText(props.target, locale, unit);
    if (latest === null) parts.push(t('chart.target.only', { target }));
    else parts.push(t(latest > props.target.value ? 'chart.target.above' : latest < props.target.value ? 'chart.target.below' : 'chart.target.at', { target }));
  }
  if (props.note) parts.push(props.note);
  return parts.join(' ');
}

/** The generated text summary of a bar chart (also its <desc>). */
export function barSummary(props: Pick<ChartBase, 'series' | 'target' | 'unit' | 'locale' | 't' | 'note'>): string {
  const { t, locale, unit } = props;
  const fmt = (v: number) => formatValue(v, locale, unit);
  const parts: string[] = [];
  for (const s of props.series) {
    const pts = defined(s);
    if (pts.length === 0) continue;
    if (pts.length === 1) {
      parts.push(t('chart.bar.single', { name: s.name, label: pts[0]!.label, value: fmt(pts[0]!.value) }));
      continue;
    }
    const { max, min } = extremes(pts);
    parts.push(t('chart.bar.series', { name: s.name, max: fmt(max.value), maxLabel: max.label, min: fmt(min.value), minLabel: min.label, count: pts.length }));
  }
  if (parts.length === 0) parts.push(t('chart.noData'));
  if (props.target) parts.push(t('chart.target.only', { target: targetText(props.target, locale, unit) }));
  if (props.note) parts.push(props.note);
  return parts.join(' ');
}

const targetText = (target: ChartTarget, locale: Locale, unit?: string) =>
  `${formatValue(target.value, locale, unit)}${target.label ? ` (${target.label})` : ''}`;

/** Value domain including the target; includes 0 when the values are not far from it. */
function valueDomain(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (lo >= 0 && lo <= hi / 2) lo = 0;
  if (hi <= 0 && hi >= lo / 2) hi = 0;
  if (lo === hi) {
    lo = lo === 0 ? 0 : lo - Math.abs(lo) * 0.1;
    hi = hi === 0 ? 1 : hi + Math.abs(hi) * 0.1;
  }
  return [lo, hi];
}

// ── SVG pieces ──────────────────────────────────────────────────────────────
function markerPath(kind: Marker, x: number, y: number, r = 4.5): { tag: 'circle' | 'path' | 'rect'; attrs: Record<string, string> } {
  const f = (n: number) => round(n).toString();
  switch (kind) {
    case 'circle':
      return { tag: 'circle', attrs: { cx: f(x), cy: f(y), r: f(r) } };
    case 'square':
      return { tag: 'rect', attrs: { x: f(x - r), y: f(y - r), width: f(2 * r), height: f(2 * r) } };
    case 'triangle':
      return { tag: 'path', attrs: { d: `M${f(x)},${f(y - r * 1.2)}L${f(x + r * 1.1)},${f(y + r * 0.9)}L${f(x - r * 1.1)},${f(y + r * 0.9)}Z` } };
    case 'triangleDown':
      return { tag: 'path', attrs: { d: `M${f(x)},${f(y + r * 1.2)}L${f(x + r * 1.1)},${f(y - r * 0.9)}L${f(x - r * 1.1)},${f(y - r * 0.9)}Z` } };
    case 'diamond':
      return { tag: 'path', attrs: { d: `M${f(x)},${f(y - r * 1.3)}L${f(x + r * 1.3)},${f(y)}L${f(x)},${f(y + r * 1.3)}L${f(x - r * 1.3)},${f(y)}Z` } };
    case 'cross':
      return {
        tag: 'path',
        attrs: { d: `M${f(x - r)},${f(y - r)}L${f(x + r)},${f(y + r)}M${f(x - r)},${f(y + r)}L${f(x + r)},${f(y - r)}`, 'stroke-width': '2.5' },
      };
  }
}

function MarkerShape({ kind, x, y, colour, cls, title }: { kind: Marker; x: number; y: number; colour: string; cls?: string; title?: string }): JSX.Element {
  const { tag, attrs } = markerPath(kind, x, y);
  const paint = kind === 'cross' ? { fill: 'none', stroke: colour } : { fill: colour, stroke: '#ffffff', 'stroke-width': '1' };
  const all = { ...paint, ...attrs, class: cls };
  const inner = title ? <title safe>{title}</title> : '';
  if (tag === 'circle') return <circle {...all}>{inner as 'safe'}</circle>;
  if (tag === 'rect') return <rect {...all}>{inner as 'safe'}</rect>;
  return <path {...all}>{inner as 'safe'}</path>;
}

function Heading({ level, id, text }: { level: 0 | 2 | 3 | 4; id: string; text: string }): JSX.Element {
  if (level === 0) return '';
  if (level === 2) return <h2 id={id} safe>{text}</h2>;
  if (level === 4) return <h4 id={id} safe>{text}</h4>;
  return <h3 id={id} safe>{text}</h3>;
}

function Legend({ items, t }: { items: Array<{ name: string; swatch: JSX.Element }>; t: Translate }): JSX.Element {
  if (items.length === 0) return '';
  return (
    <ul class="chart-legend" aria-label={t('chart.legend')}>
      {items.map((i) => (
        <li>
          <svg width="34" height="14" viewBox="0 0 34 14" aria-hidden="true" focusable="false">
            {i.swatch as 'safe'}
          </svg>{' '}
          <span safe>{i.name}</span>
        </li>
      ))}
    </ul>
  );
}

function DataTable({ props, labels, defaultCategory }: { props: ChartBase; labels: string[]; defaultCategory: string }): JSX.Element {
  const { t, locale, unit } = props;
  const cell = (v: number | null) => (v === null ? t('chart.missing') : formatValue(v, locale, unit));
  return (
    <table class="chart-data">
      <caption safe>{t('chart.tableCaption', { title: props.title })}</caption>
      <thead>
        <tr>
          <th scope="col" safe>
            {props.categoryLabel ?? t(defaultCategory)}
          </th>
          {props.series.map((s) => (
            <th scope="col" safe>
              {s.name}
            </th>
          ))}
          {props.target ? (
            <th scope="col" safe>
              {t('chart.target')}
            </th>
          ) : (
            ''
          )}
        </tr>
      </thead>
      <tbody>
        {labels.map((label) => (
          <tr>
            <th scope="row" safe>
              {label}
            </th>
            {props.series.map((s) => (
              <td class="num" safe>
                {cell(valueAt(s, label))}
              </td>
            ))}
            {props.target ? (
              <td class="num" safe>
                {cell(props.target.value)}
              </td>
            ) : (
              ''
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Frame({
  props,
  summary,
  labels,
  defaultCategory,
  legend,
  children,
}: {
  props: ChartBase;
  summary: string;
  labels: string[];
  defaultCategory: string;
  legend: Array<{ name: string; swatch: JSX.Element }>;
  children: JSX.Element | JSX.Element[];
}): JSX.Element {
  const id = safeId(props.id);
  const level = props.headingLevel ?? 3;
  const width = props.width ?? 640;
  const height = props.height ?? 300;
  return (
    <figure class="chart" id={id} aria-labelledby={level ? `${id}-heading` : `${id}-title`}>
      <Heading level={level} id={`${id}-heading`} text={props.title} />
      <svg
        xmlns="http://www.w3.org/2000/svg"
        class="chart-svg"
        viewBox={`0 0 ${width} ${height}`}
        width={String(width)}
        height={String(height)}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        font-size="12"
      >
        <title id={`${id}-title`} safe>
          {props.title}
        </title>
        <desc id={`${id}-desc`} safe>
          {summary}
        </desc>
        {children as 'safe'}
      </svg>
      <Legend items={legend} t={props.t} />
      <p class="chart-summary" id={`${id}-summary`} safe>
        {summary}
      </p>
      {props.collapseTable ? (
        <details class="chart-table">
          <summary safe>{props.t('chart.showTable')}</summary>
          <DataTable props={props} labels={labels} defaultCategory={defaultCategory} />
        </details>
      ) : (
        <DataTable props={props} labels={labels} defaultCategory={defaultCategory} />
      )}
      {props.csvHref ? (
        <p class="chart-download">
          <a href={attrValue(props.csvHref)} download={chartCsvFilename(props.title)} aria-label={props.t('chart.downloadLabel', { title: props.title })} safe>
            {props.t('chart.download')}
          </a>
        </p>
      ) : (
        ''
      )}
    </figure>
  );
}

function TargetSwatch(): JSX.Element {
  return <line x1="1" y1="7" x2="33" y2="7" stroke={INK} stroke-width="2" stroke-dasharray={TARGET_DASH} />;
}

// ── line chart ──────────────────────────────────────────────────────────────
/** Series over periods, each with its own colour, marker and dash; an optional dashed target line. */
export function LineChart(props: LineChartProps): JSX.Element {
  const { locale, unit, t } = props;
  const width = props.width ?? 640;
  const height = props.height ?? 300;
  const margin = { top: 28, right: 24, bottom: 40, left: 64 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const labels = chartLabels(props.series);
  const values = props.series.flatMap((s) => defined(s).map((p) => p.value));
  if (props.target) values.push(props.target.value);
  const y = scaleLinear().domain(valueDomain(values)).nice().range([innerH, 0]);
  const x = scalePoint<string>().domain(labels).range([0, innerW]).padding(0.5);
  const ticks = y.ticks(5);
  const every = Math.max(1, Math.ceil(labels.length / 10));
  const path = line<{ label: string; value: number | null }>()
    .defined((p) => p.value !== null && Number.isFinite(p.value))
    .x((p) => round(x(p.label) ?? 0))
    .y((p) => round(y(p.value ?? 0)));
  const summary = props.summary ?? lineSummary(props);
  const legend = props.series.map((s, i) => ({
    name: s.name,
    swatch: (
      <>
        <line x1="1" y1="7" x2="33" y2="7" stroke={CHART_COLOURS[i % CHART_COLOURS.length]} stroke-width="2" stroke-dasharray={DASHES[i % DASHES.length]} />
        <MarkerShape kind={MARKERS[i % MARKERS.length]!} x={17} y={7} colour={CHART_COLOURS[i % CHART_COLOURS.length]!} />
      </>
    ),
  }));
  if (props.target) legend.push({ name: t('chart.targetValue', { value: targetText(props.target, locale, unit) }), swatch: <TargetSwatch /> });
  return (
    <Frame props={props} summary={summary} labels={labels} defaultCategory="chart.period" legend={props.series.length > 1 || props.target ? legend : []}>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <g class="chart-grid" aria-hidden="true">
          {ticks.map((v) => (
            <>
              <line x1="0" x2={String(innerW)} y1={String(round(y(v)))} y2={String(round(y(v)))} stroke={GRID} stroke-width="1" />
              <text x="-8" y={String(round(y(v)))} dy="0.32em" text-anchor="end" fill={INK} safe>
                {formatValue(v, locale)}
              </text>
            </>
          ))}
          {unit ? (
            <text x="-8" y="-14" text-anchor="end" fill={INK} safe>
              {unit}
            </text>
          ) : (
            ''
          )}
        </g>
        <g class="chart-axis" aria-hidden="true">
          <line x1="0" x2={String(innerW)} y1={String(innerH)} y2={String(innerH)} stroke={INK} stroke-width="1" />
          {labels.map((label, i) =>
            i % every === 0 || i === labels.length - 1 ? (
              <text x={String(round(x(label) ?? 0))} y={String(innerH + 18)} text-anchor="middle" fill={INK} safe>
                {label}
              </text>
            ) : (
              ''
            ),
          )}
        </g>
        {props.target ? (
          <g class="chart-target">
            <line
              x1="0"
              x2={String(innerW)}
              y1={String(round(y(props.target.value)))}
              y2={String(round(y(props.target.value)))}
              stroke={INK}
              stroke-width="2"
              stroke-dasharray={TARGET_DASH}
            />
            <text x={String(innerW)} y={String(round(y(props.target.value)) - 6)} text-anchor="end" fill={INK} font-weight="600" safe>
              {t('chart.targetValue', { value: targetText(props.target, locale, unit) })}
            </text>
          </g>
        ) : (
          ''
        )}
        {props.series.map((s, i) => {
          const colour = CHART_COLOURS[i % CHART_COLOURS.length]!;
          const ordered = labels.map((label) => ({ label, value: valueAt(s, label) }));
          return (
            <g class="chart-series" data-series={String(i)}>
              {defined(s).length === 0 ? '' : <path d={path(ordered) ?? ''} fill="none" stroke={colour} stroke-width="2.5" stroke-dasharray={DASHES[i % DASHES.length]} class="chart-line" />}
              {defined(s).map((p) => (
                <MarkerShape
                  kind={MARKERS[i % MARKERS.length]!}
                  x={x(p.label) ?? 0}
                  y={y(p.value)}
                  colour={colour}
                  cls="chart-point"
                  title={`${s.name}, ${p.label}: ${formatValue(p.value, locale, unit)}`}
                />
              ))}
            </g>
          );
        })}
      </g>
    </Frame>
  );
}

// ── bar chart ───────────────────────────────────────────────────────────────
function BarPattern({ id, index, colour }: { id: string; index: number; colour: string }): JSX.Element {
  // Series 0 is solid; the others are hatched so that they differ without colour.
  if (index === 0) return '';
  const angle = [0, 45, -45, 90, 0, 135][index % 6];
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform={`rotate(${angle})`}>
      <rect width="6" height="6" fill="#ffffff" />
      <rect width={index % 2 ? '3' : '2'} height="6" fill={colour} />
    </pattern>
  );
}

/** Categories as bars (horizontal by default), grouped when there are several series; each bar shows its value. */
export function BarChart(props: BarChartProps): JSX.Element {
  const { locale, unit, t } = props;
  const horizontal = (props.orientation ?? 'horizontal') === 'horizontal';
  const labels = chartLabels(props.series);
  const id = safeId(props.id);
  const width = props.width ?? (horizontal ? 720 : 640);
  const groupSize = Math.max(1, props.series.length) * 20 + 12;
  const height = props.height ?? (horizontal ? Math.max(120, labels.length * groupSize + 56) : 300);
  const margin = horizontal ? { top: 16, right: 72, bottom: 32, left: 280 } : { top: 24, right: 24, bottom: 56, left: 64 };
  const innerW = width - margin.left - margin.right;
  const innerH = height - margin.top - margin.bottom;
  const values = props.series.flatMap((s) => defined(s).map((p) => p.value));
  if (props.target) values.push(props.target.value);
  const [lo, hi] = valueDomain(values);
  const v = scaleLinear()
    .domain([Math.min(0, lo), Math.max(0, hi)])
    .nice()
    .range(horizontal ? [0, innerW] : [innerH, 0]);
  const band = scaleBand<string>()
    .domain(labels)
    .range(horizontal ? [0, innerH] : [0, innerW])
    .paddingInner(0.25)
    .paddingOuter(0.15);
  const inner = scaleBand<number>()
    .domain(props.series.map((_, i) => i))
    .range([0, band.bandwidth()])
    .paddingInner(0.1);
  const zero = v(0);
  const ticks = v.ticks(5);
  const fill = (i: number) => (i === 0 ? CHART_COLOURS[0] : `url(#${id}-pattern-${i})`);
  const summary = props.summary ?? barSummary(props);
  const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const legend = props.series.map((s, i) => ({
    name: s.name,
    swatch: (
      <>
        {i > 0 ? (
          <defs>
            <BarPattern id={`${id}-legend-${i}`} index={i} colour={CHART_COLOURS[i % CHART_COLOURS.length]!} />
          </defs>
        ) : (
          ''
        )}
        <rect x="1" y="1" width="32" height="12" fill={i === 0 ? CHART_COLOURS[0] : `url(#${id}-legend-${i})`} stroke={CHART_COLOURS[i % CHART_COLOURS.length]} />
      </>
    ),
  }));
  if (props.target) legend.push({ name: t('chart.targetValue', { value: targetText(props.target, locale, unit) }), swatch: <TargetSwatch /> });
  return (
    <Frame
      props={{ ...props, width, height }}
      summary={summary}
      labels={labels}
      defaultCategory="chart.category"
      legend={props.series.length > 1 || props.target ? legend : []}
    >
      <defs>
        {props.series.map((_, i) => (
          <BarPattern id={`${id}-pattern-${i}`} index={i} colour={CHART_COLOURS[i % CHART_COLOURS.length]!} />
        ))}
      </defs>
      <g transform={`translate(${margin.left},${margin.top})`}>
        <g class="chart-grid" aria-hidden="true">
          {ticks.map((tick) =>
            horizontal ? (
              <>
                <line y1="0" y2={String(innerH)} x1={String(round(v(tick)))} x2={String(round(v(tick)))} stroke={GRID} stroke-width="1" />
                <text y={String(innerH + 18)} x={String(round(v(tick)))} text-anchor="middle" fill={INK} safe>
                  {formatValue(tick, locale)}
                </text>
              </>
            ) : (
              <>
                <line x1="0" x2={String(innerW)} y1={String(round(v(tick)))} y2={String(round(v(tick)))} stroke={GRID} stroke-width="1" />
                <text x="-8" y={String(round(v(tick)))} dy="0.32em" text-anchor="end" fill={INK} safe>
                  {formatValue(tick, locale)}
                </text>
              </>
            ),
          )}
        </g>
        <g class="chart-axis" aria-hidden="true">
          {labels.map((label) =>
            horizontal ? (
              <text x="-8" y={String(round((band(label) ?? 0) + band.bandwidth() / 2))} dy="0.32em" text-anchor="end" fill={INK} safe>
                {clip(label, 44)}
              </text>
            ) : (
              <text x={String(round((band(label) ?? 0) + band.bandwidth() / 2))} y={String(innerH + 18)} text-anchor="middle" fill={INK} safe>
                {clip(label, Math.max(6, Math.floor(band.bandwidth() / 7)))}
              </text>
            ),
          )}
          {horizontal ? (
            <line x1={String(round(zero))} x2={String(round(zero))} y1="0" y2={String(innerH)} stroke={INK} stroke-width="1" />
          ) : (
            <line x1="0" x2={String(innerW)} y1={String(round(zero))} y2={String(round(zero))} stroke={INK} stroke-width="1" />
          )}
        </g>
        {props.series.map((s, i) => (
          <g class="chart-series" data-series={String(i)}>
            {defined(s).map((p) => {
              const at = (band(p.label) ?? 0) + (inner(i) ?? 0);
              const thick = inner.bandwidth();
              const end = v(p.value);
              const text = formatValue(p.value, locale, unit);
              const rect = horizontal
                ? { x: Math.min(zero, end), y: at, width: Math.abs(end - zero), height: thick }
                : { x: at, y: Math.min(zero, end), width: thick, height: Math.abs(end - zero) };
              const labelPos = horizontal
                ? { x: end + (p.value < 0 ? -4 : 4), y: at + thick / 2, anchor: p.value < 0 ? 'end' : 'start', dy: '0.32em' }
                : { x: at + thick / 2, y: end + (p.value < 0 ? 14 : -4), anchor: 'middle', dy: '0' };
              return (
                <>
                  <rect
                    class="chart-bar"
                    x={String(round(rect.x))}
                    y={String(round(rect.y))}
                    width={String(round(Math.max(rect.width, 0.5)))}
                    height={String(round(Math.max(rect.height, 0.5)))}
                    fill={fill(i)}
                    stroke={CHART_COLOURS[i % CHART_COLOURS.length]}
                    stroke-width="1"
                  >
                    <title safe>{`${s.name}, ${p.label}: ${text}`}</title>
                  </rect>
                  <text class="chart-value" x={String(round(labelPos.x))} y={String(round(labelPos.y))} dy={labelPos.dy} text-anchor={labelPos.anchor} fill={INK} safe>
                    {text}
                  </text>
                </>
              );
            })}
          </g>
        ))}
        {props.target ? (
          <g class="chart-target">
            {horizontal ? (
              <line
                x1={String(round(v(props.target.value)))}
                x2={String(round(v(props.target.value)))}
                y1="0"
                y2={String(innerH)}
                stroke={INK}
                stroke-width="2"
                stroke-dasharray={TARGET_DASH}
              />
            ) : (
              <line
                x1="0"
                x2={String(innerW)}
                y1={String(round(v(props.target.value)))}
                y2={String(round(v(props.target.value)))}
                stroke={INK}
                stroke-width="2"
                stroke-dasharray={TARGET_DASH}
              />
            )}
          </g>
        ) : (
          ''
        )}
      </g>
    </Frame>
  );
}
