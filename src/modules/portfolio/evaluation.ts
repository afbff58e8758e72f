import type { Db } from '../../db/client.js';
import { proposeFundedSet, type ExclusionReason, type KnapsackResult } from './knapsack.js';
import { portfolioRepository as repo, type ProjectWithBody, type RoundRow, type ScoreRow, type SelectionRow } from './repository.js';
import type { Criterion, ProjectStatus } from './schema.js';
import { rank, weightedScore, type WeightedScore } from './scoring.js';

/** Projects whose dependants need nothing more: they are running or done (funded before). */
export const SATISFIED: readonly ProjectStatus[] = ['ongoing', 'completed'];

export interface CandidateView {
  project: ProjectWithBody;
  /** criterion key → 0–5 */
  scores: Record<string, number>;
  result: WeightedScore;
  rank: number;
  dependsOn: Array<{ id: string; title: string; status: ProjectStatus; satisfied: boolean }>;
  /** In the tool's proposed set (computed now from the current scores). */
  proposed: boolean;
  /** Why the tool cannot propose it at all. */
  notConsidered: ExclusionReason | 'noCost' | 'notProposed' | null;
  selection: { selected: boolean; amount: number | null; proposedByTool: boolean } | null;
}

export interface RoundEvaluation {
  round: RoundRow & { councilBodyName: string };
  criteria: Criterion[];
  /** Ranked: highest weighted score first. */
  candidates: CandidateView[];
  proposal: Pick<KnapsackResult, 'selected' | 'totalCost' | 'totalValue' | 'optimal'>;
  selectedTotal: number;
  /** Who scored last, and when. */
  lastScored: { by: string; at: Date } | null;
}

/**
 * The round as the council sees it: every candidate with its scores, weighted score and rank, the
 * tool's proposal under the budget (exact knapsack, dependencies respected) and the selection.
 */
export async function evaluateRound(db: Db, round: RoundRow & { councilBodyName: string }): Promise<RoundEvaluation> {
  const [ids, scores, selections, deps] = await Promise.all([repo.candidateIds(db, round.id), repo.scoresOf(db, round.id), repo.selectionsOf(db, round.id), repo.allDependencies(db)]);
  const candidates = (await repo.listProjects(db, { ids })).rows;
  const depIds = [...new Set(deps.filter((d) => ids.includes(d.projectId)).map((d) => d.dependsOnId))];
  const depProjects = new Map((await repo.listProjects(db, { ids: depIds })).rows.map((p) => [p.id, p] as const));
  return evaluate(round, candidates, scores, selections, deps, depProjects);
}

/** The pure part of evaluateRound. */
export function evaluate(
  round: RoundRow & { councilBodyName: string },
  projects: ProjectWithBody[],
  scores: ScoreRow[],
  selections: SelectionRow[],
  deps: Array<{ projectId: string; dependsOnId: string }>,
  depProjects: ReadonlyMap<string, { id: string; title: string; status: ProjectStatus }>,
): RoundEvaluation {
  const criteria = round.criteria;
  const byProject = new Map<string, Record<string, number>>();
  for (const s of scores) {
    if (!criteria.some((c) => c.key === s.criterion)) continue;
    (byProject.get(s.projectId) ?? byProject.set(s.projectId, {}).get(s.projectId)!)[s.criterion] = s.score;
  }
  const depsOf = new Map<string, string[]>();
  for (const d of deps) (depsOf.get(d.projectId) ?? depsOf.set(d.projectId, []).get(d.projectId)!).push(d.dependsOnId);
  const statusOf = (id: string) => depProjects.get(id)?.status ?? projects.find((p) => p.id === id)?.status;
  const satisfied = new Set([...depProjects.values(), ...projects].filter((p) => SATISFIED.includes(p.status)).map((p) => p.id));

  const ranked = rank(projects.map((p) => ({ item: p, result: weightedScore(criteria, byProject.get(p.id) ?? {}) })));
  const eligible = ranked.filter((r) => r.item.status === 'proposed' && r.item.estimatedCostPerYear !== null);
  const result = proposeFundedSet({
    budget: round.budget,
    items: eligible.map((r) => ({ id: r.item.id, cost: r.item.estimatedCostPerYear!, value: r.result.points, dependsOn: depsOf.get(r.item.id) ?? [] })),
    satisfied,
  });
  const proposed = new Set(result.selected);
  const excluded = new Map(result.excluded.map((e) => [e.id, e.reason] as const));
  const selectionOf = new Map(selections.map((s) => [s.projectId, s] as const));

  const candidates: CandidateView[] = ranked.map((r) => {
    const p = r.item;
    const sel = selectionOf.get(p.id);
    return {
      project: p,
      scores: byProject.get(p.id) ?? {},
      result: r.result,
      rank: r.rank,
      dependsOn: (depsOf.get(p.id) ?? []).map((id) => {
        const d = depProjects.get(id) ?? projects.find((x) => x.id === id);
        const status = statusOf(id) ?? 'cancelled';
        return { id, title: d?.title ?? id, status, satisfied: satisfied.has(id) };
      }),
      proposed: proposed.has(p.id),
      notConsidered: p.status !== 'proposed' ? 'notProposed' : p.estimatedCostPerYear === null ? 'noCost' : (excluded.get(p.id) ?? null),
      selection: sel ? { selected: sel.selected, amount: sel.amount, proposedByTool: sel.proposedByTool } : null,
    };
  });
  const last = scores.reduce<ScoreRow | null>((a, s) => (!a || s.scoredAt > a.scoredAt ? s : a), null);
  return {
    round,
    criteria,
    candidates,
    proposal: { selected: result.selected, totalCost: result.totalCost, totalValue: result.totalValue, optimal: result.optimal },
    selectedTotal: selections.filter((s) => s.selected).reduce((sum, s) => sum + (s.amount ?? 0), 0),
    lastScored: last ? { by: last.scoredBy, at: last.scoredAt } : null,
  };
}
