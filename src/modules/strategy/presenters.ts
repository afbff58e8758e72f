import type { Locale } from '../../core/i18n.js';
import type { ImportProblem } from './csv-import.js';
import type { Finding } from './followability.js';
import {
  progressTowardsTarget,
  type FollowupView,
  type IndicatorSeries,
  type StrategySummary,
  type StrategyView,
  type VersionSummary,
  type VersionView,
} from './queries.js';
import type { ValueRow } from './repository.js';
import { t } from '../../core/i18n.js';
import type { ChartSeries, ChartTarget } from '../../views/charts.js';

/** Views → API JSON. Pure. */
const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export const strategyHref = (slug: string) => `/strategies/${slug}`;
export const indicatorHref = (id: string) => `/indicators/${id}`;
export const referralHref = (id: string) => `/referrals/${id}`;
export const extractHref = (meetingId: string, itemId: string) => `/meetings/${meetingId}/items/${itemId}/extract`;

export function presentStrategy(s: StrategyView) {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    vision: s.vision,
    goalPicture: s.goalPicture,
    status: s.status,
    ownerBody: s.ownerBody,
    validFrom: s.validFrom,
    validTo: s.validTo,
    adoptedOn: s.adoptedOn,
    referralId: s.referralId,
    adoptionItemId: s.adoptionItemId,
    referral: s.referral ? { ...s.referral, href: referralHref(s.referral.id) } : null,
    adoption: s.adoption ? { ...s.adoption, href: extractHref(s.adoption.meetingId, s.adoption.itemId) } : null,
    currentVersion: s.currentVersion,
    changedSinceVersion: s.changedSinceVersion,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
    elements: s.elements,
    focusAreas: s.focusAreas,
    goals: s.goals,
    actions: s.actions,
    indicators: s.indicators.map((i) => ({ ...i, latest: s.latest[i.id] ?? null })),
  };
}

export function presentSummary(s: StrategySummary) {
  return { ...s, updatedAt: s.updatedAt.toISOString() };
}

export function presentVersionSummary(v: VersionSummary) {
  return { version: v.version, note: v.note, createdBy: v.createdBy, createdAt: v.createdAt.toISOString() };
}

export function presentVersion(v: VersionView) {
  return { ...presentVersionSummary(v), document: v.document };
}

export function presentFinding(f: Finding, locale: Locale) {
  return { ...f, message: f.text[locale] };
}

export function presentValue(v: Pick<ValueRow, 'period' | 'value' | 'source' | 'note' | 'recordedBy' | 'recordedAt'>) {
  return { period: v.period, value: v.value, source: v.source, note: v.note, recordedBy: v.recordedBy, recordedAt: v.recordedAt.toISOString() };
}

export function presentSeries(s: IndicatorSeries) {
  return {
    indicator: { ...s.indicator, href: indicatorHref(s.indicator.id) },
    values: s.values.map(presentValue),
    /** How far from the baseline towards the target the latest value is, in percent. */
    progress: progressTowardsTarget(s),
  };
}

export function presentFollowup(f: FollowupView) {
  return {
    id: f.id,
    strategyId: f.strategyId,
    body: f.body,
    year: f.year,
    status: f.status,
    summary: f.summary,
    goalAssessments: f.goalAssessments,
    challenges: f.challenges,
    nextSteps: f.nextSteps,
    submittedAt: iso(f.submittedAt),
    submittedBy: f.submittedBy,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
}

/** A CSV import's problems as the API reports them: row, field, message in the reader's language. */
export function presentProblems(problems: ImportProblem[], locale: Locale) {
  return problems.map((p) => ({ row: p.row, field: p.field, code: p.message, message: t(locale, p.message, p.params ?? {}) }));
}

/**
 * An indicator's values as chart data (for LineChart and chartCsv in src/views/charts.tsx): one
 * series over the periods, the target as the chart's target line, the unit.
 */
export function indicatorChartData(s: Pick<IndicatorSeries, 'indicator' | 'values'>): { series: ChartSeries[]; target: ChartTarget | null; unit: string | undefined } {
  const i = s.indicator;
  return {
    series: [{ name: i.name, points: s.values.map((v) => ({ label: v.period, value: v.value })) }],
    target: i.target === null ? null : { value: i.target, ...(i.targetPeriod && { label: i.targetPeriod }) },
    unit: i.unit || undefined,
  };
}
