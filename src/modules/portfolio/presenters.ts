import type { ImportReport } from './commands/import-projects.js';
import type { CandidateView } from './evaluation.js';
import type { ProjectSummary, ProjectView, RoundView, PortfolioOverview } from './queries.js';
import type { DecisionRef, ReportRow, RoundRow } from './repository.js';

/** Views → API JSON. Pure. */
export const projectHref = (id: string) => `/projects/${id}`;
export const roundHref = (id: string) => `/prioritisation/${id}`;
export const decisionHref = (d: Pick<DecisionRef, 'meetingId' | 'itemId'>) => `/meetings/${d.meetingId}/items/${d.itemId}`;

const round1 = (n: number) => Math.round(n * 10) / 10;

export function presentReport(r: ReportRow) {
  return {
    period: r.period,
    progress: r.progress,
    milestones: r.milestones,
    spent: r.spent,
    budget: r.budget,
    narrative: r.narrative,
    reportedBy: r.reportedBy,
    reportedAt: r.reportedAt.toISOString(),
  };
}

export function presentDecision(d: Omit<DecisionRef, 'projectId'>) {
  return {
    itemId: d.itemId,
    meetingId: d.meetingId,
    bodyId: d.bodyId,
    bodyName: d.bodyName,
    meetingDate: d.meetingDate,
    paragraph: d.paragraph,
    title: d.title,
    finalOn: d.finalOn,
    decisionPoints: d.decisionPoints,
    href: decisionHref(d),
  };
}

export function presentProjectSummary(s: ProjectSummary) {
  const p = s.project;
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    kind: p.kind,
    status: p.status,
    ownerBodyId: p.ownerBodyId,
    ownerBodyName: p.ownerBodyName,
    strategyId: p.strategyId,
    parentId: p.parentId,
    weight: p.weight,
    estimatedCostPerYear: p.estimatedCostPerYear,
    costBearing: p.costBearing,
    costKey: p.costKey,
    benefits: p.benefits,
    risks: p.risks,
    startDate: p.startDate,
    endDate: p.endDate,
    goals: s.goals.map((g) => ({ id: g.goalId, title: g.title, strategyId: g.strategyId, strategyTitle: g.strategyTitle, dimensions: g.dimensions })),
    progress: { percent: round1(s.progress.progress), fromChildren: s.progress.fromChildren, period: s.progress.period },
    latestReport: s.latest ? presentReport(s.latest) : null,
    submittedBy: p.submittedBy,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function presentProject(v: ProjectView) {
  return {
    ...presentProjectSummary(v),
    parent: v.parent,
    children: v.children.map((c) => ({ ...c, progress: round1(c.progress) })),
    dependsOn: v.dependsOn,
    dependents: v.dependents,
    decisions: v.decisions.map(presentDecision),
    reports: v.reports.map(presentReport),
  };
}

export function presentRoundSummary(r: RoundRow & { councilBodyName: string }) {
  return {
    id: r.id,
    councilBodyId: r.councilBodyId,
    councilBodyName: r.councilBodyName,
    title: r.title,
    year: r.year,
    budget: r.budget,
    status: r.status,
    criteria: r.criteria,
    decisionItemId: r.decisionItemId,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export function presentCandidate(c: CandidateView) {
  return {
    projectId: c.project.id,
    title: c.project.title,
    ownerBodyName: c.project.ownerBodyName,
    kind: c.project.kind,
    status: c.project.status,
    estimatedCostPerYear: c.project.estimatedCostPerYear,
    scores: c.scores,
    weightedScore: Math.round(c.result.score * 100) / 100,
    points: c.result.points,
    scored: c.result.scored,
    complete: c.result.complete,
    rank: c.rank,
    dependsOn: c.dependsOn,
    proposedByTool: c.proposed,
    notConsidered: c.notConsidered,
    selection: c.selection,
  };
}

export function presentRound(v: RoundView) {
  return {
    ...presentRoundSummary(v.round),
    candidates: v.candidates.map(presentCandidate),
    proposal: v.proposal,
    selectedTotal: v.selectedTotal,
    decision: v.decision ? presentDecision(v.decision) : null,
  };
}

export function presentImportReport(r: ImportReport, translate: (key: string) => string) {
  const issue = (i: ImportReport['errors'][number]) => ({ row: i.row, column: i.column, message: translate(i.message), code: i.message, ...(i.value !== undefined && { value: i.value }) });
  return { format: r.format, rows: r.rows, stored: r.stored, dryRun: r.dryRun, created: r.created, errors: r.errors.map(issue), warnings: r.warnings.map(issue) };
}

export function presentOverview(o: PortfolioOverview) {
  return {
    total: o.total,
    byStatus: o.byStatus,
    byKind: o.byKind,
    byBody: o.byBody.map((b) => ({ ...b, progress: b.progress === null ? null : round1(b.progress) })),
    totals: o.totals,
  };
}
