/**
 * The council's funded set: an exact 0/1 knapsack with dependencies (pure).
 *
 * Maximise the total value (the projects' weighted scores) of a set whose total cost stays within
 * the budget, where a project may only be in the set together with every project it depends on –
 * unless that project is already satisfied (ongoing, completed or otherwise funded).
 *
 * Why branch-and-bound and not a DP over the budget: costs are SEK and a budget is tens of
 * millions, so a DP needs the costs rounded (to thousands, say), and is then exact only for the
 * rounded problem; and a DP cannot express "only together with its dependencies" for a general
 * dependency graph. Branch-and-bound works on the exact amounts and handles dependencies natively:
 *
 * - first the projects that others depend on are decided (most needed first), then the rest in
 *   order of value per krona; including a project includes the (undecided) projects it needs,
 *   transitively; excluding one excludes everything that needs it;
 * - a branch is cut when even the fractional (LP) relaxation of the undecided projects – which
 *   ignores the dependencies, so it can only overestimate – cannot beat the best set found (with
 *   whole-number values, when the bound rounded down cannot). Once the needed projects are
 *   decided, what is left is a plain knapsack, for which this bound is tight.
 *
 * The answer is proven optimal. Normal portfolio sizes – a council round of up to 200 candidate
 * projects, up to 40 of which others depend on – take well under 0.1 s (benchmark in
 * test/portfolio/knapsack.unit.test.ts). Knapsack is NP-hard, so a node limit (2 million nodes,
 * about 1–2 s) guards the server: if it is reached – seen only with 400 candidates and 40
 * needed projects – the best set found so far is returned with `optimal: false`, and the page
 * says that the proposal is not proven optimal.
 */
export interface KnapsackItem {
  id: string;
  /** SEK (or any non-negative unit); the whole set must cost at most the budget. */
  cost: number;
  /** Non-negative; the sum is maximised. */
  value: number;
  /** Ids this item needs: other items, or ids in `satisfied`. */
  dependsOn: readonly string[];
}

export interface KnapsackInput {
  budget: number;
  items: readonly KnapsackItem[];
  /** Ids already funded or running: dependencies on them are met without cost. */
  satisfied?: Iterable<string>;
  /** Search nodes before giving up on proving optimality (default 2 000 000). */
  maxNodes?: number;
}

export type ExclusionReason = 'unmetDependency' | 'overBudget';

export interface KnapsackResult {
  /** The chosen ids, in the order of `items`. */
  selected: string[];
  totalCost: number;
  totalValue: number;
  /** False only when the node limit was reached before the search finished. */
  optimal: boolean;
  /** Items that can never be in a set: a dependency that is neither an item nor satisfied, or a cost (with dependencies) above the budget. */
  excluded: Array<{ id: string; reason: ExclusionReason }>;
  nodes: number;
}

const EPS = 1e-9;
export const DEFAULT_MAX_NODES = 2_000_000;

/** Every item's needs among the items, transitively (indices, without the item itself). */
function transitive(n: number, direct: number[][]): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const seen = new Set<number>();
    const stack = [...direct[i]!];
    while (stack.length) {
      const j = stack.pop()!;
      if (j === i || seen.has(j)) continue;
      seen.add(j);
      stack.push(...direct[j]!);
    }
    out.push([...seen]);
  }
  return out;
}

export function proposeFundedSet(input: KnapsackInput): KnapsackResult {
  const budget = input.budget;
  const satisfied = new Set(input.satisfied ?? []);
  const items = input.items;
  for (const it of items) {
    if (!(it.cost >= 0) || !Number.isFinite(it.cost)) throw new RangeError(`cost of ${it.id} must be a finite number ≥ 0`);
    if (!(it.value >= 0) || !Number.isFinite(it.value)) throw new RangeError(`value of ${it.id} must be a finite number ≥ 0`);
  }
  const index = new Map(items.map((it, i) => [it.id, i] as const));
  const n = items.length;

  // 1. Dependencies that can never be met (unknown, not satisfied), propagated to dependents.
  const unmet = new Array<boolean>(n).fill(false);
  const direct: number[][] = items.map((it, i) => {
    const deps: number[] = [];
    for (const d of it.dependsOn) {
      if (satisfied.has(d)) continue;
      const j = index.get(d);
      if (j === undefined) unmet[i] = true;
      else if (j !== i) deps.push(j);
    }
    return deps;
  });
  const needs = transitive(n, direct);
  for (let i = 0; i < n; i++) if (!unmet[i] && needs[i]!.some((j) => unmet[j])) unmet[i] = true;
  // 2. Too expensive even alone with what it needs.
  const closureCost = (i: number) => items[i]!.cost + needs[i]!.reduce((s, j) => s + items[j]!.cost, 0);
  const excluded: KnapsackResult['excluded'] = [];
  const eligible: boolean[] = [];
  for (let i = 0; i < n; i++) {
    if (unmet[i]) excluded.push({ id: items[i]!.id, reason: 'unmetDependency' });
    else if (closureCost(i) > budget + EPS) excluded.push({ id: items[i]!.id, reason: 'overBudget' });
    eligible.push(!unmet[i] && closureCost(i) <= budget + EPS);
  }

  // Dependents (transitively) of every item: excluded along with it.
  const dependents: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) for (const j of needs[i]!) dependents[j]!.push(i);

  const UNDECIDED = 0;
  const IN = 1;
  const OUT = 2;
  const state = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!eligible[i]) state[i] = OUT;

  const ratio = (i: number) => (items[i]!.cost <= 0 ? Number.POSITIVE_INFINITY : items[i]!.value / items[i]!.cost);
  const order = [...Array(n).keys()].filter((i) => eligible[i]).sort((a, b) => ratio(b) - ratio(a) || items[b]!.value - items[a]!.value || a - b);
  const hasDependents = (i: number) => dependents[i]!.some((j) => eligible[j]);
  // Decide first the projects others need, most needed first: once they are decided, what remains is a plain knapsack whose LP bound is tight.
  const enablers = order.filter(hasDependents).sort((a, b) => dependents[b]!.length - dependents[a]!.length || a - b);
  const branchOrder = [...enablers, ...order.filter((i) => !hasDependents(i))];

  const integral = items.every((it) => Number.isInteger(it.value));
  let curCost = 0;
  let curValue = 0;
  let best: { value: number; cost: number; set: Uint8Array } = { value: -1, cost: 0, set: new Uint8Array(n) };
  let nodes = 0;
  const maxNodes = input.maxNodes ?? DEFAULT_MAX_NODES;
  let aborted = false;

  /** LP relaxation of the undecided items (in order of value per krona), ignoring dependencies. */
  const bound = (): number => {
    let room = budget - curCost;
    let v = curValue;
    for (let p = 0; p < order.length; p++) {
      const i = order[p]!;
      if (state[i] !== UNDECIDED) continue;
      const c = items[i]!.cost;
      if (c <= room) {
        room -= c;
        v += items[i]!.value;
      } else {
        if (c > 0) v += (items[i]!.value * room) / c;
        break;
      }
    }
    return v;
  };

  const search = (k: number): void => {
    if (aborted) return;
    if (++nodes > maxNodes) {
      aborted = true;
      return;
    }
    while (k < branchOrder.length && state[branchOrder[k]!] !== UNDECIDED) k++;
    if (curValue > best.value + EPS || (Math.abs(curValue - best.value) <= EPS && curCost < best.cost - EPS)) {
      best = { value: curValue, cost: curCost, set: state.map((s) => (s === IN ? 1 : 0)) };
    }
    if (k >= branchOrder.length) return;
    const b = bound();
    // With whole-number values (weighted scores with whole weights) no set can beat floor(bound).
    if ((integral ? Math.floor(b + EPS) : b) <= best.value + EPS) return;
    const i = branchOrder[k]!;

    // Include i together with what it needs.
    const adding: number[] = [i];
    let possible = true;
    for (const j of needs[i]!) {
      if (state[j] === OUT) {
        possible = false;
        break;
      }
      if (state[j] === UNDECIDED) adding.push(j);
    }
    if (possible) {
      const cost = adding.reduce((s, j) => s + items[j]!.cost, 0);
      if (curCost + cost <= budget + EPS) {
        const value = adding.reduce((s, j) => s + items[j]!.value, 0);
        for (const j of adding) state[j] = IN;
        curCost += cost;
        curValue += value;
        search(k + 1);
        curCost -= cost;
        curValue -= value;
        for (const j of adding) state[j] = UNDECIDED;
      }
    }

    // Exclude i and everything that needs it.
    const dropping: number[] = [i];
    for (const j of dependents[i]!) if (state[j] === UNDECIDED) dropping.push(j);
    for (const j of dropping) state[j] = OUT;
    search(k + 1);
    for (const j of dropping) state[j] = UNDECIDED;
  };
  search(0);

  const selected = items.filter((_, i) => best.set[i] === 1).map((it) => it.id);
  return {
    selected,
    totalCost: items.reduce((s, it, i) => s + (best.set[i] ? it.cost : 0), 0),
    totalValue: items.reduce((s, it, i) => s + (best.set[i] ? it.value : 0), 0),
    optimal: !aborted,
    excluded,
    nodes,
  };
}

/** Why a given set is not allowed (for the council's own adjustments): over budget, or a dependency missing. */
export function checkSet(
  budget: number,
  chosen: ReadonlyArray<{ id: string; cost: number; dependsOn: readonly string[] }>,
  satisfied: Iterable<string>,
): { total: number; overBudget: boolean; missing: Array<{ id: string; dependsOn: string }> } {
  const ok = new Set([...satisfied, ...chosen.map((c) => c.id)]);
  const total = chosen.reduce((s, c) => s + c.cost, 0);
  const missing: Array<{ id: string; dependsOn: string }> = [];
  for (const c of chosen) for (const d of c.dependsOn) if (!ok.has(d)) missing.push({ id: c.id, dependsOn: d });
  return { total, overBudget: total > budget + EPS, missing };
}
