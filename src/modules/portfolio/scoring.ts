import type { Criterion } from './schema.js';

/** Scores are whole numbers 0–5 per criterion. */
export const SCORE_MIN = 0;
export const SCORE_MAX = 5;

/**
 * The default criteria of a round (issue 5): goal contribution, benefit for residents, readiness,
 * risk and cost, the last two counting inversely (a high risk or cost lowers the score). The
 * weights are a starting point chosen for the demo, not from the seeds; the council sets its own.
 */
export const DEFAULT_CRITERIA: Criterion[] = [
  { key: 'goalContribution', labelSv: 'Bidrag till strategins mål', labelEn: "Contribution to the strategy's goals", weight: 3, inverse: false },
  { key: 'residentBenefit', labelSv: 'Nytta för invånarna', labelEn: 'Benefit for residents', weight: 3, inverse: false },
  { key: 'readiness', labelSv: 'Mognad att genomföra', labelEn: 'Readiness', weight: 2, inverse: false },
  { key: 'risk', labelSv: 'Risk (hög risk ger lägre poäng)', labelEn: 'Risk (high risk scores lower)', weight: 1, inverse: true },
  { key: 'cost', labelSv: 'Kostnad (hög kostnad ger lägre poäng)', labelEn: 'Cost (high cost scores lower)', weight: 1, inverse: true },
];

export interface WeightedScore {
  /** Σ weight × effective score: what the knapsack maximises (whole numbers for whole weights). */
  points: number;
  /** points / Σ weights: 0–5, comparable between rounds. */
  score: number;
  /** Criteria scored so far. */
  scored: number;
  complete: boolean;
}

/** A criterion's contribution: the score, or 5 − score for inverse criteria. Unscored criteria give nothing. */
export const effectiveScore = (c: Pick<Criterion, 'inverse'>, score: number): number => (c.inverse ? SCORE_MAX - score : score);

export function weightedScore(criteria: readonly Criterion[], scores: Readonly<Record<string, number | undefined>>): WeightedScore {
  let points = 0;
  let weights = 0;
  let scored = 0;
  for (const c of criteria) {
    weights += c.weight;
    const s = scores[c.key];
    if (s === undefined) continue;
    scored++;
    points += c.weight * effectiveScore(c, s);
  }
  return { points, score: weights > 0 ? points / weights : 0, scored, complete: scored === criteria.length };
}

export interface RankedEntry<T> {
  item: T;
  rank: number;
  result: WeightedScore;
}

/** Highest weighted score first; equal scores share a rank (1, 2, 2, 4). Ties keep the given order. */
export function rank<T>(entries: ReadonlyArray<{ item: T; result: WeightedScore }>): Array<RankedEntry<T>> {
  const sorted = entries.map((e, i) => ({ ...e, i })).sort((a, b) => b.result.points - a.result.points || a.i - b.i);
  let lastPoints = Number.NaN;
  let lastRank = 0;
  return sorted.map((e, pos) => {
    if (e.result.points !== lastPoints) {
      lastRank = pos + 1;
      lastPoints = e.result.points;
    }
    return { item: e.item, rank: lastRank, result: e.result };
  });
}
